package dev.spindle.resources.network;

import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;

/** The bridge a link is a port of, as Talos's {@code BridgeSlave} ({@code bridgeSlave.masterName}). */
public record BridgeSlave(@ProtoField(1) @OmitEmpty String masterName) {
  public BridgeSlave {
    masterName = masterName == null ? "" : masterName;
  }
}
