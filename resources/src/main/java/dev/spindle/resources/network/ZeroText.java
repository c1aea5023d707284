package dev.spindle.resources.network;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;

/**
 * Go's zero {@code netip.Addr} and {@code netip.Prefix} in a field without {@code omitempty}: they marshal to the empty
 * text, so YAML shows {@code gateway: ""}. Here the zero value is {@code null}: {@link Null} writes it as {@code ""},
 * and the deserializers read {@code ""} back as {@code null}, so such a spec round-trips through YAML.
 */
public final class ZeroText {
  private ZeroText() {}

  /** Writes a {@code null} as {@code ""}. */
  public static final class Null extends JsonSerializer<Object> {
    @Override
    public void serialize(Object value, JsonGenerator out, SerializerProvider provider) throws IOException {
      out.writeString("");
    }
  }

  /** Reads an address, {@code ""} as {@code null}. */
  public static final class Addr extends JsonDeserializer<IpAddr> {
    @Override
    public IpAddr deserialize(JsonParser in, DeserializationContext context) throws IOException {
      String text = in.getValueAsString();
      return text == null || text.isEmpty() ? null : IpAddr.parse(text);
    }
  }

  /** Reads a prefix, {@code ""} as {@code null}. */
  public static final class Prefix extends JsonDeserializer<IpPrefix> {
    @Override
    public IpPrefix deserialize(JsonParser in, DeserializationContext context) throws IOException {
      String text = in.getValueAsString();
      return text == null || text.isEmpty() ? null : IpPrefix.parse(text);
    }
  }
}
