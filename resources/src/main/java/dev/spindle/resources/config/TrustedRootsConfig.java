package dev.spindle.resources.config;

/** The {@code TrustedRootsConfig} document: PEM certificates appended, under {@code name}, to the node's CA bundle. */
public record TrustedRootsConfig(String name, String certificates) implements ConfigDocument {
  public static final String KIND = "TrustedRootsConfig";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String toString() {
    return "TrustedRootsConfig[name=" + name + ", certificates=" + certificates.length() + " characters]";
  }
}
