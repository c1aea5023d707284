package dev.spindle.platform.network;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A VXLAN link's IFLA_VXLAN_* settings. Addresses are raw bytes: 4 (IFLA_VXLAN_LOCAL / IFLA_VXLAN_GROUP) or 16
 * (IFLA_VXLAN_LOCAL6 / IFLA_VXLAN_GROUP6), empty when absent. Immutable; arrays are copied, equality by content.
 *
 * @param vni IFLA_VXLAN_ID, 0..16777215
 * @param port IFLA_VXLAN_PORT: the UDP destination port (host order here; big-endian on the wire), 0 for the
 *     kernel default (8472)
 * @param local the source address, empty for any
 * @param group the remote: a multicast group or a unicast peer (the kernel keeps both in one attribute), empty for
 *     none
 * @param linkIndex IFLA_VXLAN_LINK: the lower link for multicast, 0 for none
 * @param learning IFLA_VXLAN_LEARNING
 */
public record VxlanInfo(int vni, int port, byte[] local, byte[] group, int linkIndex, boolean learning)
    implements LinkInfo {
  public static final int IANA_PORT = 4789;

  public VxlanInfo {
    local = local == null ? new byte[0] : local.clone();
    group = group == null ? new byte[0] : group.clone();
  }

  /** A VXLAN with just a VNI and a port: no local, remote or lower link, learning on (the kernel's default). */
  public static VxlanInfo of(int vni, int port) {
    return new VxlanInfo(vni, port, null, null, 0, true);
  }

  @Override
  public String kind() {
    return "vxlan";
  }

  @Override
  public byte[] local() {
    return local.clone();
  }

  @Override
  public byte[] group() {
    return group.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VxlanInfo v && vni == v.vni && port == v.port && Arrays.equals(local, v.local)
        && Arrays.equals(group, v.group) && linkIndex == v.linkIndex && learning == v.learning;
  }

  @Override
  public int hashCode() {
    return Objects.hash(vni, port, Arrays.hashCode(local), Arrays.hashCode(group), linkIndex, learning);
  }

  @Override
  public String toString() {
    var hex = HexFormat.of();
    return "VxlanInfo[vni=" + vni + " port=" + port + " local=" + hex.formatHex(local) + " group="
        + hex.formatHex(group) + " link=" + linkIndex + " learning=" + learning + "]";
  }
}
