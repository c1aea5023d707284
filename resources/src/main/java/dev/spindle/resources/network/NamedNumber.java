package dev.spindle.resources.network;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * enumer's text form for a Go integer enum over a kernel byte: a named value prints as its name, any other as
 * {@code <Type>(<n>)}, and both read back (names case-insensitively). Shared by {@link RouteType},
 * {@link RouteProtocol} (names for 0, 1, 2, …) and {@link Scope} (sparse names).
 */
final class NamedNumber {
  private final String type;
  private final Map<Integer, String> names;
  private final Map<String, Integer> numbers = new HashMap<>();
  private final Pattern unnamed;

  private NamedNumber(String type, Map<Integer, String> names) {
    this.type = type;
    this.names = Map.copyOf(names);
    names.forEach((number, name) -> numbers.put(name, number));
    this.unnamed = Pattern.compile(Pattern.quote(type) + "\\((\\d{1,3})\\)");
  }

  /** Names for 0, 1, 2, … in order. */
  static NamedNumber sequence(String type, List<String> names) {
    var byNumber = new HashMap<Integer, String>();
    for (int i = 0; i < names.size(); i++) {
      byNumber.put(i, names.get(i));
    }
    return new NamedNumber(type, byNumber);
  }

  static NamedNumber sparse(String type, Map<Integer, String> names) {
    return new NamedNumber(type, names);
  }

  String text(int number) {
    String name = names.get(number);
    return name != null ? name : type + "(" + number + ")";
  }

  int parse(String text) {
    Integer named = numbers.get(text.toLowerCase(Locale.ROOT));
    if (named != null) {
      return named;
    }
    Matcher m = unnamed.matcher(text);
    if (m.matches() && Integer.parseInt(m.group(1)) <= 255) {
      return Integer.parseInt(m.group(1));
    }
    throw new IllegalArgumentException(text + " does not belong to " + type + " values");
  }

  void check(int number) {
    if (number < 0 || number > 255) {
      throw new IllegalArgumentException(type + " " + number + " outside 0..255");
    }
  }
}
