package dev.spindle.runtime.codec;

import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What go-yaml (v4, {@code resolver.go}) makes of a plain scalar. The emitter asks it whether a string would read
 * back as something else and so must be quoted; the reader asks it to type the plain scalars it parses.
 *
 * <p>go-yaml resolves YAML 1.2-style: base-60 numbers and {@code yes}/{@code on} are strings here, but the
 * representer still quotes them for YAML 1.1 readers ({@link #isBase60Float}, {@link #isOldBool}).
 */
public final class YamlResolver {
  /** The tag a plain scalar resolves to. */
  public enum Kind { STR, NULL, BOOL, INT, FLOAT, TIMESTAMP, MERGE }

  private static final Set<String> TRUE = Set.of("true", "True", "TRUE");
  private static final Set<String> FALSE = Set.of("false", "False", "FALSE");
  private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");
  private static final Set<String> SPECIAL_FLOATS = Set.of(".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf",
      "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", "-0", "-0.0");
  private static final Set<String> OLD_BOOLS = Set.of("y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no",
      "No", "NO", "off", "Off", "OFF");
  private static final Pattern BASE60_FLOAT = Pattern.compile("^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?$");
  private static final Pattern YAML_FLOAT = Pattern.compile("^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$");
  private static final Pattern DOT_FLOAT = Pattern.compile("^\\.[0-9]+(?:[eE][-+]?[0-9]+)?$");
  private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final BigInteger MIN_INT64 = BigInteger.valueOf(Long.MIN_VALUE);

  private YamlResolver() {}

  public static Kind resolve(String s) {
    char hint = s.isEmpty() ? 'N' : hint(s.charAt(0));
    if (hint == 0) {
      return Kind.STR;
    }
    if (TRUE.contains(s) || FALSE.contains(s)) {
      return Kind.BOOL;
    }
    if (NULL.contains(s)) {
      return Kind.NULL;
    }
    if (SPECIAL_FLOATS.contains(s)) {
      return Kind.FLOAT;
    }
    if (s.equals("<<")) {
      return Kind.MERGE;
    }
    switch (hint) {
      case '.' -> {
        return DOT_FLOAT.matcher(s).matches() && Double.isFinite(Double.parseDouble(s)) ? Kind.FLOAT : Kind.STR;
      }
      case 'D', 'S' -> {
        if (GoTimestamp.matches(s)) {
          return Kind.TIMESTAMP;
        }
        String plain = s.replace("_", "");
        if (parseGoInt(plain) != null) {
          return Kind.INT;
        }
        if (YAML_FLOAT.matcher(plain).matches() && Double.isFinite(Double.parseDouble(plain))) {
          return Kind.FLOAT;
        }
        return Kind.STR;
      }
      default -> {
        return Kind.STR;
      }
    }
  }

  private static char hint(char c) {
    if (c == '+' || c == '-') {
      return 'S';
    }
    if (c >= '0' && c <= '9') {
      return 'D';
    }
    if ("yYnNtTfFoO~<".indexOf(c) >= 0) {
      return 'M';
    }
    return c == '.' ? '.' : 0;
  }

  /**
   * Go's {@code strconv.ParseInt(s, 0, 64)}, falling back to {@code ParseUint}: an optional sign, then a
   * {@code 0x}/{@code 0o}/{@code 0b} prefix or a leading {@code 0} for octal. Returns null when neither parses.
   */
  static BigInteger parseGoInt(String s) {
    boolean negative = false;
    String body = s;
    if (!body.isEmpty() && (body.charAt(0) == '+' || body.charAt(0) == '-')) {
      negative = body.charAt(0) == '-';
      body = body.substring(1);
    }
    int radix = 10;
    if (body.length() >= 2 && body.charAt(0) == '0') {
      switch (body.charAt(1)) {
        case 'x', 'X' -> { radix = 16; body = body.substring(2); }
        case 'o', 'O' -> { radix = 8; body = body.substring(2); }
        case 'b', 'B' -> { radix = 2; body = body.substring(2); }
        default -> { radix = 8; body = body.substring(1); }
      }
    }
    if (body.isEmpty()) {
      return null;
    }
    for (int i = 0; i < body.length(); i++) {
      if (Character.digit(body.charAt(i), radix) < 0 || body.charAt(i) > 'z') {
        return null;
      }
    }
    BigInteger value = new BigInteger(body, radix);
    if (negative) {
      value = value.negate();
      return value.compareTo(MIN_INT64) >= 0 ? value : null;
    }
    // Unsigned parsing takes no sign, so "+" limits the value to int64.
    BigInteger max = s.charAt(0) == '+' ? BigInteger.valueOf(Long.MAX_VALUE) : MAX_UINT64;
    return value.compareTo(max) <= 0 ? value : null;
  }

  /** A YAML 1.1 sexagesimal number such as {@code 00:11:22} or {@code 1:20.5}. */
  public static boolean isBase60Float(String s) {
    if (s.isEmpty()) {
      return false;
    }
    char c = s.charAt(0);
    if (!(c == '+' || c == '-' || (c >= '0' && c <= '9')) || s.indexOf(':') < 0) {
      return false;
    }
    return BASE60_FLOAT.matcher(s).matches();
  }

  /** A YAML 1.1 boolean such as {@code yes} or {@code Off}. */
  public static boolean isOldBool(String s) {
    return OLD_BOOLS.contains(s);
  }
}
