package dev.spindle.runtime.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Protobuf wire-format primitives: tags, varints, fixed widths and length-delimited fields. */
final class ProtoWriter {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int FIXED32 = 5;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  void tag(int field, int wireType) {
    varint(((long) field << 3) | wireType);
  }

  void varint(long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }

  void fixed32(int value) {
    for (int i = 0; i < 4; i++) {
      out.write(value >>> (8 * i));
    }
  }

  void fixed64(long value) {
    for (int i = 0; i < 8; i++) {
      out.write((int) (value >>> (8 * i)));
    }
  }

  void bytes(int field, byte[] value) {
    tag(field, LENGTH_DELIMITED);
    varint(value.length);
    out.writeBytes(value);
  }

  void string(int field, String value) {
    bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
