package dev.spindle.platform.network;

import java.util.HexFormat;

/**
 * A partial change to an existing link ({@code ip link set}): an {@code RTM_NEWLINK} without {@code NLM_F_CREATE},
 * carrying only the fields that are set. A {@code null} field leaves that setting unchanged. Immutable; the array
 * is copied.
 *
 * <p>The kernel applies the fields in its own order (kind data, hardware address, MTU, name, alias, up/down, master),
 * so a
 * change that renames and brings a link down renames it while it is still up: kernels since 6.2 allow that, older
 * ones answer {@code EBUSY}; to be portable, bring the link down in one change and rename it in the next.
 *
 * @param up {@link Iff#UP} set or cleared
 * @param mtu IFLA_MTU
 * @param masterIndex IFLA_MASTER: the bridge or bond to enslave to, 0 to release ({@code nomaster})
 * @param name IFLA_IFNAME: the new name
 * @param alias IFLA_IFALIAS: {@code ""} clears it
 * @param hardwareAddr IFLA_ADDRESS
 * @param info new kind data (IFLA_LINKINFO with IFLA_INFO_DATA: the driver's {@code changelink}), of the link's own
 *     kind ({@code EOPNOTSUPP} otherwise, and for kinds that cannot change, such as veth); the whole record is sent,
 *     so start from {@link LinkMessage#info()}. Drivers refuse some changes: a VXLAN's VNI
 *     ({@code EOPNOTSUPP}; its port is not sent, since the kernel refuses any port in a change), a bond's mode while
 *     it is up ({@code EBUSY}) or has ports ({@code ENOTEMPTY}), its LACP settings while it is up; a VLAN ignores a
 *     new id or protocol. Of a bond only the settings that differ from the current ones are sent
 *     ({@link BondOption#toSend}), since the bonding driver checks those rules even for an unchanged value.
 */
public record LinkChange(Boolean up, Integer mtu, Integer masterIndex, String name, String alias,
    byte[] hardwareAddr, LinkInfo info) {
  public static final LinkChange NONE = new LinkChange(null, null, null, null, null, null, null);

  public LinkChange {
    hardwareAddr = hardwareAddr == null ? null : hardwareAddr.clone();
  }

  /** A change without kind data, as before {@link #info()} existed. */
  public LinkChange(Boolean up, Integer mtu, Integer masterIndex, String name, String alias, byte[] hardwareAddr) {
    this(up, mtu, masterIndex, name, alias, hardwareAddr, null);
  }

  public static LinkChange up(boolean v) {
    return NONE.withUp(v);
  }

  public LinkChange withUp(boolean v) {
    return new LinkChange(v, mtu, masterIndex, name, alias, hardwareAddr, info);
  }

  public LinkChange withMtu(int v) {
    return new LinkChange(up, v, masterIndex, name, alias, hardwareAddr, info);
  }

  public LinkChange withMaster(int v) {
    return new LinkChange(up, mtu, v, name, alias, hardwareAddr, info);
  }

  public LinkChange withName(String v) {
    return new LinkChange(up, mtu, masterIndex, v, alias, hardwareAddr, info);
  }

  public LinkChange withAlias(String v) {
    return new LinkChange(up, mtu, masterIndex, name, v, hardwareAddr, info);
  }

  public LinkChange withHardwareAddr(byte[] v) {
    return new LinkChange(up, mtu, masterIndex, name, alias, v, info);
  }

  public LinkChange withInfo(LinkInfo v) {
    return new LinkChange(up, mtu, masterIndex, name, alias, hardwareAddr, v);
  }

  @Override
  public byte[] hardwareAddr() {
    return hardwareAddr == null ? null : hardwareAddr.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LinkChange c && java.util.Objects.equals(up, c.up) && java.util.Objects.equals(mtu, c.mtu)
        && java.util.Objects.equals(masterIndex, c.masterIndex) && java.util.Objects.equals(name, c.name)
        && java.util.Objects.equals(alias, c.alias) && java.util.Arrays.equals(hardwareAddr, c.hardwareAddr) && java.util.Objects.equals(info, c.info);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(up, mtu, masterIndex, name, alias, info);
  }

  @Override
  public String toString() {
    var s = new StringBuilder("LinkChange[");
    if (up != null) s.append(up ? " up" : " down");
    if (mtu != null) s.append(" mtu=").append(mtu);
    if (masterIndex != null) s.append(masterIndex == 0 ? " nomaster" : " master=" + masterIndex);
    if (name != null) s.append(" name=").append(name);
    if (alias != null) s.append(" alias=").append(alias);
    if (hardwareAddr != null) s.append(" addr=").append(HexFormat.ofDelimiter(":").formatHex(hardwareAddr));
    if (info != null) s.append(" ").append(info);
    return s.append(" ]").toString();
  }
}
