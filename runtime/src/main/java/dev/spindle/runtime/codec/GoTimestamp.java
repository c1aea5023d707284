package dev.spindle.runtime.codec;

import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether go-yaml would read a plain scalar as a {@code !!timestamp}: Go's {@code time.Parse} with the layouts
 * {@code 2006-1-2T15:4:5.999999999Z07:00} (also with a lower-case {@code t}), {@code 2006-1-2 15:4:5.999999999}
 * and {@code 2006-1-2}, including its range checks. Such strings are quoted on output.
 */
final class GoTimestamp {
  // Go's layout space matches one or more spaces; one- or two-digit fields read greedily; a fraction takes any
  // number of digits after '.' or ','.
  private static final Pattern TIMESTAMP = Pattern.compile(
      "^(\\d{4})-(\\d{1,2})-(\\d{1,2})"
          + "(?:[Tt](\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:[.,]\\d+)?(?:Z|[+-](\\d\\d):(\\d\\d))"
          + "| +(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:[.,]\\d+)?)?$");

  private GoTimestamp() {}

  static boolean matches(String s) {
    if (s.length() < 5 || s.charAt(4) != '-') {
      return false;
    }
    Matcher m = TIMESTAMP.matcher(s);
    if (!m.matches()) {
      return false;
    }
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
      return false;
    }
    int timeGroup = m.group(4) != null ? 4 : m.group(9) != null ? 9 : 0;
    if (timeGroup != 0 && !(num(m, timeGroup) < 24 && num(m, timeGroup + 1) < 60 && num(m, timeGroup + 2) < 60)) {
      return false;
    }
    // Go accepts offsets up to 24:60 on purpose: "some people do write offsets of 24 hours or 60 minutes".
    return m.group(7) == null || (num(m, 7) <= 24 && num(m, 8) <= 60);
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }
}
