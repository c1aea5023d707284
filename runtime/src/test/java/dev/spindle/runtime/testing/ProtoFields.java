package dev.spindle.runtime.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A protobuf message read back by field number, for tests that check a spec's {@code @ProtoField} numbers and wire
 * types against the Talos {@code .proto} without generated classes. It knows the wire format only: varints,
 * fixed widths and length-delimited fields; what a length-delimited payload means is the test's to say.
 *
 * <pre>{@code
 * var fields = ProtoFields.parse(ProtoSpecs.encode(spec));
 * assertThat(fields.varint(1)).isEqualTo(3);
 * assertThat(fields.message(26).varint(2)).isEqualTo(34984);
 * }</pre>
 */
public final class ProtoFields {
  /** One field occurrence: a varint or fixed value in {@code number}, or a length-delimited payload in {@code bytes}. */
  public record Field(int number, int wireType, long value, byte[] bytes) {}

  private final List<Field> fields;

  private ProtoFields(List<Field> fields) {
    this.fields = fields;
  }

  public static ProtoFields parse(byte[] message) {
    var fields = new ArrayList<Field>();
    var in = new Reader(message);
    while (in.pos < message.length) {
      long tag = in.varint();
      int number = (int) (tag >>> 3);
      int wireType = (int) (tag & 7);
      switch (wireType) {
        case 0 -> fields.add(new Field(number, wireType, in.varint(), null));
        case 1 -> fields.add(new Field(number, wireType, in.fixed(8), null));
        case 2 -> fields.add(new Field(number, wireType, 0, in.bytes((int) in.varint())));
        case 5 -> fields.add(new Field(number, wireType, in.fixed(4), null));
        default -> throw new IllegalArgumentException("field " + number + ": unsupported wire type " + wireType);
      }
    }
    return new ProtoFields(List.copyOf(fields));
  }

  /** Field numbers in wire order, repeated ones as often as they occur. */
  public List<Integer> numbers() {
    return fields.stream().map(Field::number).toList();
  }

  public List<Field> all(int number) {
    return fields.stream().filter(f -> f.number() == number).toList();
  }

  public boolean has(int number) {
    return !all(number).isEmpty();
  }

  public long varint(int number) {
    return single(number, 0).value();
  }

  public byte[] bytes(int number) {
    return single(number, 2).bytes();
  }

  public String string(int number) {
    return new String(bytes(number), StandardCharsets.UTF_8);
  }

  public ProtoFields message(int number) {
    return parse(bytes(number));
  }

  /** Every occurrence of a repeated message field. */
  public List<ProtoFields> messages(int number) {
    return all(number).stream().map(f -> parse(f.bytes())).toList();
  }

  private Field single(int number, int wireType) {
    List<Field> found = all(number);
    if (found.size() != 1) {
      throw new AssertionError("field " + number + " occurs " + found.size() + " times in " + numbers());
    }
    Field f = found.getFirst();
    if (f.wireType() != wireType) {
      throw new AssertionError("field " + number + " has wire type " + f.wireType() + ", expected " + wireType);
    }
    return f;
  }

  private static final class Reader {
    private final byte[] buf;
    private int pos;

    Reader(byte[] buf) {
      this.buf = buf;
    }

    long varint() {
      long value = 0;
      for (int shift = 0; ; shift += 7) {
        byte b = buf[pos++];
        value |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return value;
        }
      }
    }

    long fixed(int width) {
      long value = 0;
      for (int i = 0; i < width; i++) {
        value |= (long) (buf[pos++] & 0xFF) << (8 * i);
      }
      return value;
    }

    byte[] bytes(int length) {
      byte[] out = Arrays.copyOfRange(buf, pos, pos + length);
      pos += length;
      return out;
    }
  }
}
