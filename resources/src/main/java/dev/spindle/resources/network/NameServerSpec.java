package dev.spindle.resources.network;

import dev.spindle.runtime.codec.ProtoField;
import java.util.Objects;

/**
 * One DNS name server of a {@link ResolverSpec} or {@link ResolverStatus}, as Talos's {@code NameServerSpec}: the
 * address, the protocol, and for DoT/DoH the name its TLS certificate must carry. None of the fields is omitted from
 * YAML, as in Talos.
 */
public record NameServerSpec(@ProtoField(1) IpAddr addr, @ProtoField(2) DnsProtocol protocol,
    @ProtoField(3) String tlsServerName) {
  public NameServerSpec {
    Objects.requireNonNull(addr, "addr");
    protocol = protocol == null ? DnsProtocol.DO53 : protocol;
    tlsServerName = tlsServerName == null ? "" : tlsServerName;
  }

  /** A plain DNS server. */
  public static NameServerSpec of(IpAddr addr) {
    return new NameServerSpec(addr, DnsProtocol.DO53, "");
  }

  /** Talos's {@code String()}, used in log lines: {@code 9.9.9.9 (DoT, TLS Server Name: dns.quad9.net)}. */
  @Override
  public String toString() {
    return switch (protocol) {
      case DO53 -> addr.toString();
      case DOT -> addr + " (DoT, TLS Server Name: " + tlsServerName + ")";
      case DOH -> addr + " (DoH, TLS Server Name: " + tlsServerName + ")";
    };
  }
}
