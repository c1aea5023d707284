package dev.spindle.runtime.codec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's text forms of floating-point numbers, so that numbers print as talosctl prints them: go-yaml uses
 * {@code strconv.FormatFloat(f, 'g', -1, bits)} ({@code 1e+06}, {@code 0.0001}, {@code 1.5}), encoding/json uses
 * {@code 'f'} between 1e-6 and 1e21 and {@code 'e'} (with {@code e-7}, not {@code e-07}) outside.
 *
 * <p>Java's {@code Double.toString} and {@code Float.toString} give the shortest digits that round-trip (JDK 19+),
 * which are the digits Go's shortest formatting picks, except where one digit would do (see {@code Digits.of}).
 */
final class GoFloats {
  private GoFloats() {}

  /** go-yaml's float scalar: 'g' format with special values {@code .inf}, {@code -.inf}, {@code .nan}. */
  static String yaml(double value, boolean float32) {
    if (Double.isNaN(value)) {
      return ".nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? ".inf" : "-.inf";
    }
    Digits d = Digits.of(value, float32);
    int exp = d.pointPosition - 1;
    // Shortest formatting decides with precision 6: %e below 1e-4 or from 1e6 up.
    if (exp < -4 || exp >= 6) {
      return d.exponential(true);
    }
    return d.fixed();
  }

  /** go-yaml's form of a decimal with no binary float behind it (a {@link BigDecimal} in a spec). */
  static String yaml(BigDecimal value) {
    Digits d = Digits.of(value);
    int exp = d.pointPosition - 1;
    return exp < -4 || exp >= 6 ? d.exponential(true) : d.fixed();
  }

  /** encoding/json's float form. NaN and infinities are not JSON; Go fails on them too. */
  static String json(double value, boolean float32) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("json: unsupported value: " + value);
    }
    Digits d = Digits.of(value, float32);
    double abs = Math.abs(value);
    boolean exponential = abs != 0 && (float32 ? abs < 1e-6f || abs >= 1e21f : abs < 1e-6 || abs >= 1e21);
    return exponential ? d.exponential(false) : d.fixed();
  }

  static String json(BigDecimal value) {
    return json(value.doubleValue(), false);
  }

  /** Decimal digits (no leading or trailing zeros) and the position of the decimal point, as in Go's decimal. */
  private record Digits(boolean negative, String digits, int pointPosition) {
    static Digits of(double value, boolean float32) {
      boolean negative = value < 0 || (value == 0 && 1 / value < 0);
      double abs = Math.abs(value);
      BigDecimal shortest = new BigDecimal(float32 ? Float.toString((float) abs) : Double.toString(abs));
      if (shortest.signum() != 0 && shortest.stripTrailingZeros().precision() == 2) {
        // Java never prints fewer than two digits and then takes the closest two-digit decimal (4.9E-324);
        // Go prints one digit when one is enough (5e-324).
        BigDecimal oneDigit = new BigDecimal(abs).round(new MathContext(1, RoundingMode.HALF_EVEN));
        boolean roundTrips = float32
            ? oneDigit.floatValue() == (float) abs
            : oneDigit.doubleValue() == abs;
        if (roundTrips) {
          shortest = oneDigit;
        }
      }
      return of(negative, shortest);
    }

    static Digits of(BigDecimal value) {
      return of(value.signum() < 0, value.abs());
    }

    private static Digits of(boolean negative, BigDecimal abs) {
      if (abs.signum() == 0) {
        return new Digits(negative, "", 0);
      }
      BigDecimal stripped = abs.stripTrailingZeros();
      String digits = stripped.unscaledValue().toString();
      return new Digits(negative, digits, digits.length() - stripped.scale());
    }

    String fixed() {
      var b = new StringBuilder();
      if (negative) {
        b.append('-');
      }
      if (pointPosition <= 0) {
        b.append('0');
      } else {
        for (int i = 0; i < pointPosition; i++) {
          b.append(i < digits.length() ? digits.charAt(i) : '0');
        }
      }
      if (digits.length() > pointPosition) {
        b.append('.');
        for (int i = pointPosition; i < digits.length(); i++) {
          b.append(i < 0 ? '0' : digits.charAt(i));
        }
      }
      return b.toString();
    }

    /** Go's %e with the shortest digits; go-yaml keeps two exponent digits, encoding/json drops a leading zero. */
    String exponential(boolean twoDigitExponent) {
      var b = new StringBuilder();
      if (negative) {
        b.append('-');
      }
      String ds = digits.isEmpty() ? "0" : digits;
      b.append(ds.charAt(0));
      if (ds.length() > 1) {
        b.append('.').append(ds, 1, ds.length());
      }
      int exp = digits.isEmpty() ? 0 : pointPosition - 1;
      b.append('e').append(exp < 0 ? '-' : '+');
      int abs = Math.abs(exp);
      if (abs < 10 && (twoDigitExponent || exp >= 0)) {
        b.append('0');
      }
      return b.append(abs).toString();
    }
  }
}
