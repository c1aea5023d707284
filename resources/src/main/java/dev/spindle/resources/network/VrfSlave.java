package dev.spindle.resources.network;

import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;

/** The VRF a link belongs to, as Talos's {@code VRFSlave} ({@code vrfSlave.masterName}). */
public record VrfSlave(@ProtoField(1) @OmitEmpty String masterName) {
  public VrfSlave {
    masterName = masterName == null ? "" : masterName;
  }
}
