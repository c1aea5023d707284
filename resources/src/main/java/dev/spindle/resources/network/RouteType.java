package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.spindle.runtime.codec.ProtoValue;
import java.util.List;

/**
 * A route type ({@code rtm_type}, {@code RTN_*}) as Talos's {@code nethelpers.RouteType}: {@code unspec},
 * {@code unicast}, {@code local}, {@code broadcast}, {@code anycast}, {@code multicast}, {@code blackhole},
 * {@code unreachable}, {@code prohibit}, {@code throw}, {@code nat}, {@code xresolve} (0–11); any other u8 prints as
 * {@code RouteType(<n>)}. A record rather than an enum because the kernel field is a full byte. A varint on the wire.
 */
public record RouteType(int number) implements ProtoValue {
  private static final NamedNumber NAMES = NamedNumber.sequence("RouteType", List.of(
      "unspec", "unicast", "local", "broadcast", "anycast",
      "multicast", "blackhole", "unreachable", "prohibit", "throw", "nat", "xresolve"));

  public static final RouteType UNICAST = new RouteType(1);
  public static final RouteType LOCAL = new RouteType(2);
  public static final RouteType MULTICAST = new RouteType(5);
  public static final RouteType BLACKHOLE = new RouteType(6);

  public RouteType {
    NAMES.check(number);
  }

  public static RouteType of(int number) {
    return new RouteType(number);
  }

  @JsonValue
  public String text() {
    return NAMES.text(number);
  }

  @JsonCreator
  public static RouteType parse(String text) {
    return new RouteType(NAMES.parse(text));
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
