package dev.spindle.runtime.codec;

/** An enum whose protobuf number differs from its ordinal (Talos enums mirror kernel constants). */
public interface ProtoEnum {
  int protoNumber();
}
