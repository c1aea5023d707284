package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.spindle.runtime.codec.ProtoValue;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A routing table id ({@code RT_TABLE_*} or a number). Talos names 0 {@code unspec}, 253 {@code default},
 * 254 {@code main}, 255 {@code local} and prints 1–252 as decimal text (so YAML quotes them: {@code "123"}); any
 * larger id prints as enumer prints an unnamed value, {@code RoutingTable(<n>)}. A varint on the wire.
 */
public record RoutingTable(int number) implements ProtoValue {
  public static final RoutingTable UNSPEC = new RoutingTable(0);
  public static final RoutingTable DEFAULT = new RoutingTable(253);
  public static final RoutingTable MAIN = new RoutingTable(254);
  public static final RoutingTable LOCAL = new RoutingTable(255);

  private static final Map<Integer, String> NAMES = Map.of(0, "unspec", 253, "default", 254, "main", 255, "local");
  private static final Map<String, Integer> NUMBERS = Map.of("unspec", 0, "default", 253, "main", 254, "local", 255);
  private static final Pattern UNNAMED = Pattern.compile("RoutingTable\\((\\d+)\\)");

  public static RoutingTable of(int number) {
    return new RoutingTable(number);
  }

  @JsonValue
  public String text() {
    String name = NAMES.get(number);
    if (name != null) {
      return name;
    }
    return number > 0 && number < 253 ? Integer.toString(number)
        : "RoutingTable(" + Integer.toUnsignedString(number) + ")";
  }

  @JsonCreator
  public static RoutingTable parse(String text) {
    Integer named = NUMBERS.get(text.toLowerCase(Locale.ROOT));
    if (named != null) {
      return new RoutingTable(named);
    }
    Matcher m = UNNAMED.matcher(text);
    String digits = m.matches() ? m.group(1) : text;
    try {
      return new RoutingTable(Integer.parseUnsignedInt(digits));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(text + " does not belong to RoutingTable values", e);
    }
  }

  @Override
  public Object protoValue() {
    return Integer.toUnsignedLong(number);
  }

  @Override
  public String toString() {
    return text();
  }
}
