package dev.spindle.resources.network;

import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;

/** Settings of a link of kind {@code bridge}. Both parts are left out of YAML while disabled, as in Talos. */
public record BridgeMasterSpec(
    @ProtoField(1) @OmitEmpty StpSpec stp,
    @ProtoField(2) @OmitEmpty BridgeVlanSpec vlan) {
  public BridgeMasterSpec {
    stp = stp == null ? new StpSpec(false) : stp;
    vlan = vlan == null ? new BridgeVlanSpec(false) : vlan;
  }
}
