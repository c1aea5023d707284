package dev.spindle.resources;

/**
 * Go's {@code strconv.Quote}, for error messages that must read as Talos's: double quotes, backslash escapes for
 * quotes, backslashes and control characters; printable characters (any script) as they are.
 */
public final class GoQuote {
  private GoQuote() {}

  public static String quote(String s) {
    var out = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(c -> {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case 0x07 -> out.append("\\a");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case 0x0b -> out.append("\\v");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", c));
          } else if (Character.isISOControl(c) || !Character.isDefined(c)) {
            out.append(c <= 0xffff ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
          } else {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.append('"').toString();
  }
}
