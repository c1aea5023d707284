package dev.spindle.resources.config;

/**
 * The {@code HostnameConfig} document: an explicit {@code hostname} (may be an FQDN) or an {@code auto} mode; the
 * two are mutually exclusive. Either may be null when unset.
 */
public record HostnameConfig(String hostname, AutoHostname auto) implements ConfigDocument {
  public static final String KIND = "HostnameConfig";

  @Override
  public String kind() {
    return KIND;
  }
}
