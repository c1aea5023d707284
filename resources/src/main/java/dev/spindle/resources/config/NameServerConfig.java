package dev.spindle.resources.config;

/**
 * One {@code nameservers[]} entry of a {@code ResolverConfig}: the address, and for encrypted DNS the protocol
 * ({@code Do53} when empty, {@code DoT}, {@code DoH}) and the TLS server name.
 */
public record NameServerConfig(String address, String protocol, String tlsServerName) {
  public NameServerConfig {
    protocol = protocol == null ? "" : protocol;
    tlsServerName = tlsServerName == null ? "" : tlsServerName;
  }

  public static NameServerConfig of(String address) {
    return new NameServerConfig(address, "", "");
  }
}
