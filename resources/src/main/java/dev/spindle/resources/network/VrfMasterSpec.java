package dev.spindle.resources.network;

import dev.spindle.runtime.codec.ProtoField;

/** Settings of a link of kind {@code vrf}: the routing table it binds (IFLA_VRF_TABLE). */
public record VrfMasterSpec(@ProtoField(1) RoutingTable table) {
  public VrfMasterSpec {
    table = table == null ? RoutingTable.UNSPEC : table;
  }
}
