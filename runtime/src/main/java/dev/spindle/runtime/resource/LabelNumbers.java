package dev.spindle.runtime.resource;

import java.util.Locale;

/** Parses label values such as {@code 10kg}, {@code 4GB} or {@code 5GiB} for the numeric label operators. */
final class LabelNumbers {
  private LabelNumbers() {}

  /** The value, or {@code null} if it does not parse (which makes a numeric comparison undecidable). */
  static Long parse(String text) {
    String s = text.strip();
    int end = 0;
    while (end < s.length() && (Character.isDigit(s.charAt(end)) || s.charAt(end) == '-')) {
      end++;
    }
    if (end == 0) {
      return null;
    }
    long number;
    try {
      number = Long.parseLong(s.substring(0, end));
    } catch (NumberFormatException e) {
      return null;
    }
    Long unit = unit(s.substring(end).strip().toLowerCase(Locale.ROOT));
    return unit == null ? null : number * unit;
  }

  private static Long unit(String unit) {
    if (unit.isEmpty()) {
      return 1L;
    }
    if (unit.length() >= 2) {
      switch (unit.substring(0, 2)) {
        case "pi": return 1L << 50;
        case "ti": return 1L << 40;
        case "gi": return 1L << 30;
        case "mi": return 1L << 20;
        case "ki": return 1L << 10;
        default: break;
      }
    }
    return switch (unit.charAt(0)) {
      case 'p' -> 1_000_000_000_000_000L;
      case 't' -> 1_000_000_000_000L;
      case 'g' -> 1_000_000_000L;
      case 'm' -> 1_000_000L;
      case 'k' -> 1_000L;
      default -> null;
    };
  }
}
