package dev.spindle.runtime.codec;

/**
 * A spec value type whose protobuf form is another value, which {@link ProtoSpecs} encodes in its place: a MAC
 * address type that is {@code bytes} on the wire, a flags type that is a {@code uint32}, an open enum that is a
 * varint, an IP prefix that is a nested message (a record with {@link ProtoField}s). Without it such a type would be
 * sent as its text form, which Talos clients cannot read.
 */
public interface ProtoValue {
  /** A value {@link ProtoSpecs} can encode: a number, boolean, text, {@code byte[]}, enum, record or collection. */
  Object protoValue();
}
