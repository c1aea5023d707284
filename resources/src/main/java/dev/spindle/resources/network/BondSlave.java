package dev.spindle.resources.network;

import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;

/**
 * A link's place in a bond, as Talos's {@code BondSlave}: the bond's name and the member's position (the order in
 * which the spec controller enslaves members). A {@link LinkSpec} inlines it, so YAML shows {@code masterName} at the
 * top level; protobuf keeps it as the nested message {@code bond_slave} (field 8).
 */
public record BondSlave(
    @ProtoField(1) @OmitEmpty String masterName,
    @ProtoField(2) @OmitEmpty int slaveIndex) {
  public BondSlave {
    masterName = masterName == null ? "" : masterName;
  }
}
