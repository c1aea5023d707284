package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.spindle.runtime.codec.ProtoValue;
import java.util.Map;

/**
 * An address or route scope ({@code RT_SCOPE_*}), as Talos's {@code nethelpers.Scope}: {@code global} (0),
 * {@code site} (200), {@code link} (253), {@code host} (254), {@code nowhere} (255). A record rather than an enum
 * because the kernel accepts any value from 0 to 255 ({@code ip addr add … scope 100}); an unnamed one prints as
 * enumer prints it, {@code Scope(<n>)}, and reads back. A varint on the wire.
 */
public record Scope(int number) implements ProtoValue {
  // first: the constants below are built through it
  private static final NamedNumber NAMES =
      NamedNumber.sparse("Scope", Map.of(0, "global", 200, "site", 253, "link", 254, "host", 255, "nowhere"));

  public static final Scope GLOBAL = new Scope(0);
  public static final Scope SITE = new Scope(200);
  public static final Scope LINK = new Scope(253);
  public static final Scope HOST = new Scope(254);
  public static final Scope NOWHERE = new Scope(255);

  public Scope {
    NAMES.check(number);
  }

  public static Scope of(int number) {
    return new Scope(number);
  }

  @JsonValue
  public String text() {
    return NAMES.text(number);
  }

  @JsonCreator
  public static Scope parse(String text) {
    return new Scope(NAMES.parse(text));
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
