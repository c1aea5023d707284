package dev.spindle.resources.config;

/** The {@code LinkConfig} document: settings of an existing (physical) link, by name or alias. */
public record LinkConfig(String name, CommonLinkConfig common) implements LinkDocument {
  public static final String KIND = "LinkConfig";

  @Override
  public String kind() {
    return KIND;
  }
}
