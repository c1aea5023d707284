package dev.spindle.platform.network;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One link as rtnetlink describes it ({@code ifinfomsg} and its {@code IFLA_*} attributes), in the kernel's own
 * vocabulary: numbers and raw bytes, no interpretation. Immutable; byte arrays are copied in and out, and equality is
 * by content.
 *
 * @param index ifindex
 * @param name IFLA_IFNAME
 * @param type {@code ARPHRD_*} ({@link Arphrd})
 * @param flags {@code IFF_*} ({@link Iff})
 * @param hardwareAddr IFLA_ADDRESS, empty when the link has none
 * @param broadcastAddr IFLA_BROADCAST
 * @param mtu IFLA_MTU
 * @param qdisc IFLA_QDISC
 * @param masterIndex IFLA_MASTER: the bridge, bond or VRF this link is enslaved to, 0 if none
 * @param operState IFLA_OPERSTATE ({@link IfOper})
 * @param kind IFLA_INFO_KIND ({@code vlan}, {@code bridge}, {@code veth}, …), {@code ""} for physical links
 * @param slaveKind IFLA_INFO_SLAVE_KIND: the master's kind as seen from the port, {@code ""} if not enslaved
 * @param parentIndex IFLA_LINK: the lower link of a VLAN, the peer of a veth, 0 if none
 * @param alias IFLA_IFALIAS
 * @param altNames IFLA_PROP_LIST / IFLA_ALT_IFNAME
 * @param permanentAddr IFLA_PERM_ADDRESS: the burnt-in MAC of a NIC, empty for virtual links
 * @param info IFLA_INFO_DATA decoded for the kinds that report it (bridge, bond, vlan, macvlan, vxlan), {@code null}
 *     otherwise (physical links, veth, dummy, wireguard, kinds not modelled)
 */
public record LinkMessage(int index, String name, int type, int flags, byte[] hardwareAddr, byte[] broadcastAddr,
    int mtu, String qdisc, int masterIndex, int operState, String kind, String slaveKind, int parentIndex,
    String alias, List<String> altNames, byte[] permanentAddr, LinkInfo info) {
  public LinkMessage {
    Objects.requireNonNull(name, "name");
    hardwareAddr = copy(hardwareAddr);
    broadcastAddr = copy(broadcastAddr);
    qdisc = text(qdisc);
    kind = text(kind);
    slaveKind = text(slaveKind);
    alias = text(alias);
    altNames = altNames == null ? List.of() : List.copyOf(altNames);
    permanentAddr = copy(permanentAddr);
  }

  /** A link without kind data, as before {@link #info()} existed. */
  public LinkMessage(int index, String name, int type, int flags, byte[] hardwareAddr, byte[] broadcastAddr,
      int mtu, String qdisc, int masterIndex, int operState, String kind, String slaveKind, int parentIndex,
      String alias, List<String> altNames, byte[] permanentAddr) {
    this(index, name, type, flags, hardwareAddr, broadcastAddr, mtu, qdisc, masterIndex, operState, kind, slaveKind,
        parentIndex, alias, altNames, permanentAddr, null);
  }

  public static Builder builder(int index, String name) {
    return new Builder(index, name);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public boolean hasFlags(int iff) {
    return (flags & iff) == iff;
  }

  @Override
  public byte[] hardwareAddr() {
    return hardwareAddr.clone();
  }

  @Override
  public byte[] broadcastAddr() {
    return broadcastAddr.clone();
  }

  @Override
  public byte[] permanentAddr() {
    return permanentAddr.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LinkMessage m && index == m.index && name.equals(m.name) && type == m.type
        && flags == m.flags && Arrays.equals(hardwareAddr, m.hardwareAddr)
        && Arrays.equals(broadcastAddr, m.broadcastAddr) && mtu == m.mtu && qdisc.equals(m.qdisc)
        && masterIndex == m.masterIndex && operState == m.operState && kind.equals(m.kind)
        && slaveKind.equals(m.slaveKind) && parentIndex == m.parentIndex && alias.equals(m.alias)
        && altNames.equals(m.altNames) && Arrays.equals(permanentAddr, m.permanentAddr)
        && Objects.equals(info, m.info);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, name, type, flags, Arrays.hashCode(hardwareAddr), mtu, kind, parentIndex);
  }

  @Override
  public String toString() {
    return "LinkMessage[" + index + ": " + name + " type=" + type + " flags=0x" + Integer.toHexString(flags)
        + " addr=" + HexFormat.ofDelimiter(":").formatHex(hardwareAddr) + " mtu=" + mtu + " qdisc=" + qdisc
        + " master=" + masterIndex + " oper=" + operState + " kind=" + kind + " slaveKind=" + slaveKind
        + " link=" + parentIndex + (alias.isEmpty() ? "" : " alias=" + alias)
        + (altNames.isEmpty() ? "" : " altnames=" + altNames) + (info == null ? "" : " " + info) + "]";
  }

  private static byte[] copy(byte[] bytes) {
    return bytes == null ? new byte[0] : bytes.clone();
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  /** Builds a {@link LinkMessage}; unset attributes are absent (0, empty). */
  public static final class Builder {
    private int index;
    private String name;
    private int type;
    private int flags;
    private byte[] hardwareAddr;
    private byte[] broadcastAddr;
    private int mtu;
    private String qdisc;
    private int masterIndex;
    private int operState;
    private String kind;
    private String slaveKind;
    private int parentIndex;
    private String alias;
    private List<String> altNames;
    private byte[] permanentAddr;
    private LinkInfo info;

    private Builder(int index, String name) {
      this.index = index;
      this.name = name;
    }

    private Builder(LinkMessage m) {
      this(m.index, m.name);
      type = m.type;
      flags = m.flags;
      hardwareAddr = m.hardwareAddr;
      broadcastAddr = m.broadcastAddr;
      mtu = m.mtu;
      qdisc = m.qdisc;
      masterIndex = m.masterIndex;
      operState = m.operState;
      kind = m.kind;
      slaveKind = m.slaveKind;
      parentIndex = m.parentIndex;
      alias = m.alias;
      altNames = m.altNames;
      permanentAddr = m.permanentAddr;
      info = m.info;
    }

    public Builder index(int v) { index = v; return this; }
    public Builder name(String v) { name = v; return this; }
    public Builder type(int v) { type = v; return this; }
    public Builder flags(int v) { flags = v; return this; }
    public Builder hardwareAddr(byte[] v) { hardwareAddr = v; return this; }
    public Builder broadcastAddr(byte[] v) { broadcastAddr = v; return this; }
    public Builder mtu(int v) { mtu = v; return this; }
    public Builder qdisc(String v) { qdisc = v; return this; }
    public Builder masterIndex(int v) { masterIndex = v; return this; }
    public Builder operState(int v) { operState = v; return this; }
    public Builder kind(String v) { kind = v; return this; }
    public Builder slaveKind(String v) { slaveKind = v; return this; }
    public Builder parentIndex(int v) { parentIndex = v; return this; }
    public Builder alias(String v) { alias = v; return this; }
    public Builder altNames(List<String> v) { altNames = v; return this; }
    public Builder permanentAddr(byte[] v) { permanentAddr = v; return this; }
    public Builder info(LinkInfo v) { info = v; return this; }

    public LinkMessage build() {
      return new LinkMessage(index, name, type, flags, hardwareAddr, broadcastAddr, mtu, qdisc, masterIndex,
          operState, kind, slaveKind, parentIndex, alias, altNames, permanentAddr, info);
    }
  }
}
