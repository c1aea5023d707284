package dev.spindle.runtime.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;

/**
 * Points in time the way a Go {@code time.Time} marshals: RFC 3339 with as many fractional digits as needed
 * ({@code time.RFC3339Nano}). go-yaml prints a {@code time.Time} plain but would quote a string with the same
 * text, so while a spec becomes a tree the value is written as an {@link UntaggedScalar}; everywhere else it is an
 * ordinary string.
 */
final class GoTimeSerializer<T extends TemporalAccessor> extends StdSerializer<T> {
  private static final long serialVersionUID = 1L;

  GoTimeSerializer(Class<T> type) {
    super(type);
  }

  @Override
  public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
    String text = format(toOffsetDateTime(value));
    if (gen instanceof TokenBuffer buffer) {
      // ObjectMapper.valueToTree writes into a TokenBuffer; an embedded JsonNode comes out of it unchanged.
      buffer.writeEmbeddedObject(new UntaggedScalar(text));
    } else {
      gen.writeString(text);
    }
  }

  private static OffsetDateTime toOffsetDateTime(TemporalAccessor value) {
    return switch (value) {
      case Instant i -> i.atOffset(ZoneOffset.UTC);
      case OffsetDateTime o -> o;
      case ZonedDateTime z -> z.toOffsetDateTime();
      default -> throw new IllegalArgumentException("not a point in time: " + value);
    };
  }

  static String format(OffsetDateTime t) {
    var b = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d", t.getYear(), t.getMonthValue(),
        t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond()));
    if (t.getNano() != 0) {
      String nanos = String.format("%09d", t.getNano());
      b.append('.').append(nanos.replaceFirst("0+$", ""));
    }
    int offset = t.getOffset().getTotalSeconds();
    if (offset == 0) {
      return b.append('Z').toString();
    }
    int minutes = Math.abs(offset) / 60;
    return b.append(offset < 0 ? '-' : '+').append(String.format("%02d:%02d", minutes / 60, minutes % 60)).toString();
  }
}
