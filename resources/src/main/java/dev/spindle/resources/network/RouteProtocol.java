package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.spindle.runtime.codec.ProtoValue;
import java.util.List;

/**
 * Who installed a route ({@code rtm_protocol}, {@code RTPROT_*}) as Talos's {@code nethelpers.RouteProtocol}: only
 * {@code unspec}, {@code redirect}, {@code kernel}, {@code boot} and {@code static} (0–4) have names there, so
 * {@code ra} (9) or {@code dhcp} (16) print as enumer prints unnamed values, {@code RouteProtocol(16)}. A varint on
 * the wire.
 */
public record RouteProtocol(int number) implements ProtoValue {
  private static final NamedNumber NAMES = NamedNumber.sequence("RouteProtocol", List.of(
      "unspec", "redirect", "kernel", "boot", "static"));

  public static final RouteProtocol KERNEL = new RouteProtocol(2);
  public static final RouteProtocol BOOT = new RouteProtocol(3);
  public static final RouteProtocol STATIC = new RouteProtocol(4);

  public RouteProtocol {
    NAMES.check(number);
  }

  public static RouteProtocol of(int number) {
    return new RouteProtocol(number);
  }

  @JsonValue
  public String text() {
    return NAMES.text(number);
  }

  @JsonCreator
  public static RouteProtocol parse(String text) {
    return new RouteProtocol(NAMES.parse(text));
  }

  @Override
  public Object protoValue() {
    return number;
  }

  @Override
  public String toString() {
    return text();
  }
}
