package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.spindle.runtime.codec.ProtoField;

/** VLAN settings of a link of kind {@code vlan}: the tag and its protocol (IFLA_VLAN_ID, IFLA_VLAN_PROTOCOL). */
public record VlanSpec(
    @ProtoField(1) @JsonProperty("vlanID") int vlanId,
    @ProtoField(2) VlanProtocol vlanProtocol) {
  public VlanSpec {
    if (vlanId < 0 || vlanId > 4095) {
      throw new IllegalArgumentException("VLAN id " + vlanId + " is outside 0..4095");
    }
    // the kernel's default when a VLAN is created without IFLA_VLAN_PROTOCOL
    vlanProtocol = vlanProtocol == null ? VlanProtocol.IEEE_802_1Q : vlanProtocol;
  }
}
