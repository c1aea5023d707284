package dev.spindle.platform.network;

import java.util.HexFormat;
import java.util.Objects;

/**
 * A link to create ({@code ip link add}): an {@code RTM_NEWLINK} with {@code NLM_F_CREATE|NLM_F_EXCL}. Zero and empty
 * fields are left out of the request, so the kernel picks its default. Immutable; the array is copied.
 *
 * @param name IFLA_IFNAME
 * @param info the kind and its settings (IFLA_LINKINFO)
 * @param mtu IFLA_MTU, 0 for the kind's default
 * @param hardwareAddr IFLA_ADDRESS, empty for a random one
 * @param masterIndex IFLA_MASTER: the bridge or bond to enslave the new link to, 0 for none
 * @param parentIndex IFLA_LINK: the lower link of a VLAN or macvlan, 0 for none
 * @param up whether to create it up ({@link Iff#UP} in the ifinfomsg)
 */
public record LinkRequest(String name, LinkInfo info, int mtu, byte[] hardwareAddr, int masterIndex,
    int parentIndex, boolean up) {
  public LinkRequest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(info, "info");
    hardwareAddr = hardwareAddr == null ? new byte[0] : hardwareAddr.clone();
  }

  /** A link of {@code info}'s kind named {@code name}, with every other setting the kernel's default. */
  public static LinkRequest of(String name, LinkInfo info) {
    return new LinkRequest(name, info, 0, null, 0, 0, false);
  }

  public LinkRequest withMtu(int v) {
    return new LinkRequest(name, info, v, hardwareAddr, masterIndex, parentIndex, up);
  }

  public LinkRequest withHardwareAddr(byte[] v) {
    return new LinkRequest(name, info, mtu, v, masterIndex, parentIndex, up);
  }

  public LinkRequest withMaster(int v) {
    return new LinkRequest(name, info, mtu, hardwareAddr, v, parentIndex, up);
  }

  public LinkRequest withParent(int v) {
    return new LinkRequest(name, info, mtu, hardwareAddr, masterIndex, v, up);
  }

  public LinkRequest withUp(boolean v) {
    return new LinkRequest(name, info, mtu, hardwareAddr, masterIndex, parentIndex, v);
  }

  @Override
  public byte[] hardwareAddr() {
    return hardwareAddr.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LinkRequest r && name.equals(r.name) && info.equals(r.info) && mtu == r.mtu
        && java.util.Arrays.equals(hardwareAddr, r.hardwareAddr) && masterIndex == r.masterIndex
        && parentIndex == r.parentIndex && up == r.up;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, info, mtu, masterIndex, parentIndex, up);
  }

  @Override
  public String toString() {
    return "LinkRequest[" + name + " " + info + (mtu == 0 ? "" : " mtu=" + mtu)
        + (hardwareAddr.length == 0 ? "" : " addr=" + HexFormat.ofDelimiter(":").formatHex(hardwareAddr))
        + (masterIndex == 0 ? "" : " master=" + masterIndex) + (parentIndex == 0 ? "" : " link=" + parentIndex)
        + (up ? " up" : "") + "]";
  }
}
