package dev.spindle.platform.network;

/**
 * A VRF (virtual routing and forwarding) master ({@code IFLA_VRF_*}): the links enslaved to it route through its
 * table. The kernel requires a table ({@code EINVAL} without one or for 0) and has no changelink for VRFs.
 *
 * @param table IFLA_VRF_TABLE, the routing table id, 1 or more
 */
public record VrfInfo(int table) implements LinkInfo {
  @Override
  public String kind() {
    return "vrf";
  }
}
