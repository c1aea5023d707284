package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.spindle.resources.TalosEnum;

/**
 * How a name server is spoken to, as Talos's {@code nethelpers.DNSProtocol}: plain DNS on port 53, DNS over TLS or
 * DNS over HTTPS. Only plain DNS goes into {@code /etc/resolv.conf}; the others need a local forwarder.
 */
public enum DnsProtocol implements TalosEnum {
  DO53("Do53"),
  DOT("DoT"),
  DOH("DoH");

  private final String text;

  DnsProtocol(String text) {
    this.text = text;
  }

  @JsonCreator
  public static DnsProtocol parse(String text) {
    return TalosEnum.parse(DnsProtocol.class, text);
  }

  @Override
  public int protoNumber() {
    return ordinal();
  }

  @Override
  public String text() {
    return text;
  }
}
