package dev.spindle.runtime.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.runtime.testing.ProtoFields;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtoSpecsTest {
  /** Bytes on the wire, text in YAML: the shape of a MAC address type. */
  record Mac(byte[] raw) implements ProtoValue {
    @Override
    public Object protoValue() {
      return raw;
    }
  }

  /** An open enum: any number, sent as a varint. */
  record Kind(int number) implements ProtoValue {
    @Override
    public Object protoValue() {
      return number;
    }
  }

  record Prefix(@ProtoField(1) byte[] ip, @ProtoField(2) int bits) {}

  /** A value whose proto form is a nested message. */
  record Net(String text) implements ProtoValue {
    @Override
    public Object protoValue() {
      return new Prefix(new byte[] {10, 0, 0, 0}, 8);
    }
  }

  enum Mode implements ProtoEnum {
    OFF, ON;

    @Override
    public int protoNumber() {
      return ordinal();
    }
  }

  record Spec(@ProtoField(1) Mac mac, @ProtoField(2) Kind kind, @ProtoField(3) Net net,
      @ProtoField(4) List<Kind> kinds, @ProtoField(5) Kind zero) {}

  @Test
  void protoValuesAreEncodedAsTheirProtoForm() {
    var spec = new Spec(new Mac(new byte[] {1, 2, 3}), new Kind(772), new Net("10.0.0.0/8"),
        List.of(new Kind(1), new Kind(300)), new Kind(0));
    var fields = ProtoFields.parse(ProtoSpecs.encode(spec));

    assertThat(fields.bytes(1)).containsExactly(1, 2, 3);
    assertThat(fields.varint(2)).isEqualTo(772);
    assertThat(fields.message(3).bytes(1)).containsExactly(10, 0, 0, 0);
    assertThat(fields.message(3).varint(2)).isEqualTo(8);
    assertThat(fields.bytes(4)).as("packed varints 1, 300").containsExactly(1, 0xAC, 0x02);
    assertThat(fields.has(5)).as("a zero proto value is a proto3 default").isFalse();
  }

  @Test
  void goZeroCountsAProtoEnumNumberedZeroAsEmpty() {
    assertThat(GoZero.isZero(Mode.OFF)).isTrue();
    assertThat(GoZero.isZero(Mode.ON)).isFalse();
  }
}
