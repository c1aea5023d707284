package dev.spindle.resources.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code EnvironmentConfig} document: environment variables for the node's services, in document order. */
public record EnvironmentConfig(Map<String, String> variables) implements ConfigDocument {
  public static final String KIND = "EnvironmentConfig";

  public EnvironmentConfig {
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** Names only: values may hold proxy credentials. */
  @Override
  public String toString() {
    return "EnvironmentConfig[variables=" + variables.keySet() + "]";
  }
}
