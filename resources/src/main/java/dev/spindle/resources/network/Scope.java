package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.spindle.runtime.codec.ProtoValue;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An address or route scope ({@code RT_SCOPE_*}), as Talos's {@code nethelpers.Scope}: {@code global} (0),
 * {@code site} (200), {@code link} (253), {@code host} (254), {@code nowhere} (255). A record rather than an enum
 * because the kernel accepts any value from 0 to 255 ({@code ip addr add … scope 100}); an unnamed one prints as
 * enumer prints it, {@code Scope(<n>)}, and reads back. A varint on the wire.
 */
public record Scope(int number) implements ProtoValue {
  public static final Scope GLOBAL = new Scope(0);
  public static final Scope SITE = new Scope(200);
  public static final Scope LINK = new Scope(253);
  public static final Scope HOST = new Scope(254);
  public static final Scope NOWHERE = new Scope(255);

  private static final Map<Integer, String> NAMES =
      Map.of(0, "global", 200, "site", 253, "link", 254, "host", 255, "nowhere");
  private static final Map<String, Integer> NUMBERS =
      Map.of("global", 0, "site", 200, "link", 253, "host", 254, "nowhere", 255);
  private static final Pattern UNNAMED = Pattern.compile("Scope\\((\\d+)\\)");

  public Scope {
    if (number < 0 || number > 255) {
      throw new IllegalArgumentException("scope " + number + " outside 0..255");
    }
  }

  public static Scope of(int number) {
    return new Scope(number);
  }

  @JsonValue
  public String text() {
    String name = NAMES.get(number);
    return name != null ? name : "Scope(" + number + ")";
  }

  @JsonCreator
  public static Scope parse(String text) {
    Integer named = NUMBERS.get(text.toLowerCase(Locale.ROOT));
    if (named != null) {
      return new Scope(named);
    }
    Matcher m = UNNAMED.matcher(text);
    if (m.matches() && m.group(1).length() <= 3) {
      return new Scope(Integer.parseInt(m.group(1)));
    }
    throw new IllegalArgumentException(text + " does not belong to Scope values");
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
