package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.spindle.runtime.codec.ProtoValue;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A link-layer address of any length (MAC, InfiniBand GID, none at all for tunnels): {@code bytes} on the wire,
 * lower-case colon-separated hex in YAML ({@code 52:54:00:12:34:56}), empty as {@code ""}. Immutable; equality is
 * by content, so specs holding one compare as values.
 */
public record HardwareAddr(byte[] bytes) implements ProtoValue {
  public static final HardwareAddr EMPTY = new HardwareAddr(new byte[0]);
  private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":");

  public HardwareAddr {
    bytes = bytes == null ? new byte[0] : bytes.clone();
  }

  public static HardwareAddr of(byte... bytes) {
    return new HardwareAddr(bytes);
  }

  /** Go's {@code UnmarshalText}: drops every {@code :} and hex-decodes the rest, so any length is accepted. */
  @JsonCreator
  public static HardwareAddr parse(String text) {
    String hex = text.replace(":", "");
    try {
      return new HardwareAddr(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid hardware address \"" + text + "\"", e);
    }
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public boolean isEmpty() {
    return bytes.length == 0;
  }

  @Override
  public Object protoValue() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HardwareAddr other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @JsonValue
  @Override
  public String toString() {
    return COLON_HEX.formatHex(bytes);
  }
}
