package dev.spindle.resources;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's {@code time.Duration} text: {@code String()} and {@code time.ParseDuration}, for {@link GoDuration}. */
public final class GoDurationText {
  private static final Pattern TERM = Pattern.compile("(\\d*)(?:\\.(\\d*))?(ns|us|\u00b5s|\u03bcs|ms|s|m|h)");
  private static final Map<String, Long> UNIT_NANOS = Map.of("ns", 1L, "us", 1_000L, "\u00b5s", 1_000L,
      "\u03bcs", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

  private GoDurationText() {}

  /** As Go prints it: {@code 0s}, {@code 750ms}, {@code 1.5µs}, {@code 1h2m3.5s}. */
  public static String format(Duration d) {
    long nanos = d.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    String sign = nanos < 0 ? "-" : "";
    long u = Math.abs(nanos);
    if (u < 1_000_000_000L) {
      // below a second Go picks the largest unit that keeps an integer part: ns, µs or ms
      if (u < 1_000L) {
        return sign + u + "ns";
      }
      return u < 1_000_000L ? sign + decimal(u, 1_000L) + "\u00b5s" : sign + decimal(u, 1_000_000L) + "ms";
    }
    long hours = u / 3_600_000_000_000L;
    long minutes = u / 60_000_000_000L % 60;
    String seconds = decimal(u % 60_000_000_000L, 1_000_000_000L) + "s";
    if (hours > 0) {
      return sign + hours + "h" + minutes + "m" + seconds;
    }
    return minutes > 0 ? sign + minutes + "m" + seconds : sign + seconds;
  }

  /** {@code time.ParseDuration}: signed sequence of decimal numbers, each with a unit; a bare {@code 0} is zero. */
  public static Duration parse(String text) {
    String s = text;
    boolean negative = s.startsWith("-");
    if (negative || s.startsWith("+")) {
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = TERM.matcher(s);
    BigDecimal total = BigDecimal.ZERO;
    int pos = 0;
    while (pos < s.length() && m.find(pos) && m.start() == pos
        && !(m.group(1).isEmpty() && (m.group(2) == null || m.group(2).isEmpty()))) {
      String number = m.group(1) + (m.group(2) != null ? "." + m.group(2) : "");
      total = total.add(new BigDecimal(number.startsWith(".") ? "0" + number : number)
          .multiply(BigDecimal.valueOf(UNIT_NANOS.get(m.group(3)))));
      pos = m.end();
    }
    if (s.isEmpty() || pos != s.length()) {
      throw new IllegalArgumentException("time: invalid duration \"" + text + "\"");
    }
    long nanos = total.longValueExact();
    return Duration.ofNanos(negative ? -nanos : nanos);
  }

  /** {@code value / unit} with the fraction's trailing zeros dropped, as Go's fmtFrac does. */
  private static String decimal(long value, long unit) {
    return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString();
  }

  public static final class Serializer extends StdScalarSerializer<Duration> {
    public Serializer() {
      super(Duration.class);
    }

    @Override
    public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(format(value));
    }
  }

  public static final class Deserializer extends StdScalarDeserializer<Duration> {
    public Deserializer() {
      super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      try {
        return parse(p.getValueAsString());
      } catch (IllegalArgumentException | ArithmeticException e) {
        return (Duration) ctxt.handleWeirdStringValue(Duration.class, p.getValueAsString(), e.getMessage());
      }
    }
  }
}
