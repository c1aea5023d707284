package dev.spindle.platform.network;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * One route as rtnetlink describes it ({@code rtmsg} and its {@code RTA_*} attributes), in the kernel's vocabulary:
 * numbers and raw address bytes (4 for {@link Ifa#AF_INET}, 16 for {@link Ifa#AF_INET6}), empty when absent.
 * Immutable; byte arrays are copied in and out, equality is by content.
 *
 * @param family {@link Ifa#AF_INET} or {@link Ifa#AF_INET6}
 * @param dstLength rtm_dst_len: the destination prefix length (0 with an empty {@code dst}: the default route)
 * @param srcLength rtm_src_len: the source prefix length (IPv6 source routing)
 * @param tos rtm_tos
 * @param table the table: RTA_TABLE (all 32 bits) where present, rtm_table otherwise; {@link Rtn}{@code .TABLE_*}
 * @param protocol rtm_protocol, {@link Rtn}{@code .PROT_*}
 * @param scope rtm_scope, {@link Ifa}{@code .SCOPE_*}
 * @param type rtm_type, {@link Rtn}{@code .UNICAST} etc.
 * @param flags rtm_flags: {@link Rtn}{@code .F_*}
 * @param dst RTA_DST
 * @param src RTA_SRC
 * @param prefSrc RTA_PREFSRC: the source address the kernel prefers for this route
 * @param gateway RTA_GATEWAY
 * @param outIndex RTA_OIF: the out link's ifindex, 0 if none
 * @param priority RTA_PRIORITY: the metric
 * @param mtu RTAX_MTU inside RTA_METRICS, 0 if none
 */
public record RouteMessage(int family, int dstLength, int srcLength, int tos, int table, int protocol, int scope,
    int type, int flags, byte[] dst, byte[] src, byte[] prefSrc, byte[] gateway, int outIndex, int priority,
    int mtu) {
  public RouteMessage {
    dst = copy(dst);
    src = copy(src);
    prefSrc = copy(prefSrc);
    gateway = copy(gateway);
  }

  public static Builder builder(int family) {
    return new Builder(family);
  }

  /**
   * What {@code ip route add <dst>/<dstLength> [via <gateway>] dev <outIndex> [metric <priority>]} sends: main table,
   * protocol boot, unicast, scope link without a gateway and universe with one. {@code dst} null is the default route;
   * the family comes from {@code dst} or else from {@code gateway}.
   */
  public static RouteMessage of(String dst, int dstLength, String gateway, int outIndex, int priority) {
    byte[] d = dst == null ? new byte[0] : InetAddress.ofLiteral(dst).getAddress();
    byte[] g = gateway == null ? new byte[0] : InetAddress.ofLiteral(gateway).getAddress();
    int length = d.length > 0 ? d.length : g.length;
    if (length != 4 && length != 16) {
      throw new IllegalArgumentException("a route needs a destination or a gateway to know its family");
    }
    return builder(length == 4 ? Ifa.AF_INET : Ifa.AF_INET6).dst(d).dstLength(dst == null ? 0 : dstLength)
        .gateway(g).outIndex(outIndex).priority(priority).table(Rtn.TABLE_MAIN).protocol(Rtn.PROT_BOOT)
        .type(Rtn.UNICAST).scope(g.length == 0 ? Ifa.SCOPE_LINK : Ifa.SCOPE_UNIVERSE).build();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public boolean hasFlags(int bits) {
    return (flags & bits) == bits;
  }

  @Override public byte[] dst() { return dst.clone(); }
  @Override public byte[] src() { return src.clone(); }
  @Override public byte[] prefSrc() { return prefSrc.clone(); }
  @Override public byte[] gateway() { return gateway.clone(); }

  @Override
  public boolean equals(Object o) {
    return o instanceof RouteMessage m && family == m.family && dstLength == m.dstLength && srcLength == m.srcLength
        && tos == m.tos && table == m.table && protocol == m.protocol && scope == m.scope && type == m.type
        && flags == m.flags && Arrays.equals(dst, m.dst) && Arrays.equals(src, m.src)
        && Arrays.equals(prefSrc, m.prefSrc) && Arrays.equals(gateway, m.gateway) && outIndex == m.outIndex
        && priority == m.priority && mtu == m.mtu;
  }

  @Override
  public int hashCode() {
    return Objects.hash(family, dstLength, table, Arrays.hashCode(dst), Arrays.hashCode(gateway), outIndex, priority);
  }

  /** The destination as {@code ip route} prints it: {@code default}, or the address and prefix length. */
  public String describe() {
    String where = dst.length == 0 && dstLength == 0 ? "default" : AddressMessage.text(dst) + "/" + dstLength;
    return where + (gateway.length > 0 ? " via " + AddressMessage.text(gateway) : "")
        + (outIndex != 0 ? " dev " + outIndex : "") + " table " + Integer.toUnsignedString(table)
        + " metric " + Integer.toUnsignedString(priority);
  }

  @Override
  public String toString() {
    return "RouteMessage[" + describe() + " family=" + family + " proto=" + protocol + " scope=" + scope + " type="
        + type + " flags=0x" + Integer.toHexString(flags) + (prefSrc.length > 0 ? " src=" + AddressMessage.text(prefSrc)
        : "") + (mtu != 0 ? " mtu=" + mtu : "") + "]";
  }

  private static byte[] copy(byte[] bytes) {
    return bytes == null ? new byte[0] : bytes.clone();
  }

  /** Builds a {@link RouteMessage}; unset fields are 0 or empty. */
  public static final class Builder {
    private int family;
    private int dstLength;
    private int srcLength;
    private int tos;
    private int table;
    private int protocol;
    private int scope;
    private int type;
    private int flags;
    private byte[] dst;
    private byte[] src;
    private byte[] prefSrc;
    private byte[] gateway;
    private int outIndex;
    private int priority;
    private int mtu;

    private Builder(int family) {
      this.family = family;
    }

    private Builder(RouteMessage m) {
      this(m.family);
      dstLength = m.dstLength;
      srcLength = m.srcLength;
      tos = m.tos;
      table = m.table;
      protocol = m.protocol;
      scope = m.scope;
      type = m.type;
      flags = m.flags;
      dst = m.dst;
      src = m.src;
      prefSrc = m.prefSrc;
      gateway = m.gateway;
      outIndex = m.outIndex;
      priority = m.priority;
      mtu = m.mtu;
    }

    public Builder family(int v) { family = v; return this; }
    public Builder dstLength(int v) { dstLength = v; return this; }
    public Builder srcLength(int v) { srcLength = v; return this; }
    public Builder tos(int v) { tos = v; return this; }
    public Builder table(int v) { table = v; return this; }
    public Builder protocol(int v) { protocol = v; return this; }
    public Builder scope(int v) { scope = v; return this; }
    public Builder type(int v) { type = v; return this; }
    public Builder flags(int v) { flags = v; return this; }
    public Builder dst(byte[] v) { dst = v; return this; }
    public Builder src(byte[] v) { src = v; return this; }
    public Builder prefSrc(byte[] v) { prefSrc = v; return this; }
    public Builder gateway(byte[] v) { gateway = v; return this; }
    public Builder outIndex(int v) { outIndex = v; return this; }
    public Builder priority(int v) { priority = v; return this; }
    public Builder mtu(int v) { mtu = v; return this; }

    public RouteMessage build() {
      return new RouteMessage(family, dstLength, srcLength, tos, table, protocol, scope, type, flags, dst, src,
          prefSrc, gateway, outIndex, priority, mtu);
    }
  }
}
