package dev.spindle.resources.network;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * enumer's text form for a Go integer enum whose names are the values 0, 1, 2, …: a named value prints as its name,
 * any other as {@code <Type>(<n>)}, and both read back. Shared by {@link RouteType} and {@link RouteProtocol}.
 */
final class NamedNumber {
  private NamedNumber() {}

  static String text(String type, List<String> names, int number) {
    return number >= 0 && number < names.size() ? names.get(number) : type + "(" + number + ")";
  }

  static int parse(String type, List<String> names, String text) {
    int named = names.indexOf(text.toLowerCase(Locale.ROOT));
    if (named >= 0) {
      return named;
    }
    Matcher m = Pattern.compile(Pattern.quote(type) + "\\((\\d{1,3})\\)").matcher(text);
    if (m.matches() && Integer.parseInt(m.group(1)) <= 255) {
      return Integer.parseInt(m.group(1));
    }
    throw new IllegalArgumentException(text + " does not belong to " + type + " values");
  }

  static void check(String type, int number) {
    if (number < 0 || number > 255) {
      throw new IllegalArgumentException(type + " " + number + " outside 0..255");
    }
  }
}
