package dev.spindle.platform.network;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * One policy routing rule as rtnetlink describes it ({@code fib_rule_hdr} and its {@code FRA_*} attributes), in the
 * kernel's vocabulary: numbers and raw address bytes (4 or 16 by family), empty when absent. Immutable; arrays are
 * copied in and out, equality by content.
 *
 * <p>In a request, {@link #NO_PRIORITY} leaves the priority to the kernel (on add: one below the second rule's, 32765
 * with the default rules; on delete: any). A dump always has one (0 for the local table's rule).
 *
 * @param family {@link Ifa#AF_INET} or {@link Ifa#AF_INET6}
 * @param priority FRA_PRIORITY, or {@link #NO_PRIORITY} in a request
 * @param table FRA_TABLE (all 32 bits), {@link Rtn}{@code .TABLE_*}; 0 for none (actions other than to-table)
 * @param action the header's action: {@link #TO_TABLE}, {@link #GOTO}, {@link #NOP}, {@link #BLACKHOLE},
 *     {@link #UNREACHABLE}, {@link #PROHIBIT}
 * @param src FRA_SRC
 * @param srcLength the header's src_len
 * @param dst FRA_DST
 * @param dstLength the header's dst_len
 * @param tos the header's tos
 * @param fwmark FRA_FWMARK, 0 for any
 * @param fwmask FRA_FWMASK; the kernel makes it 0xffffffff when a mark comes without one
 * @param iifName FRA_IIFNAME, {@code ""} for any
 * @param oifName FRA_OIFNAME, {@code ""} for any
 * @param protocol FRA_PROTOCOL: who made the rule ({@link Rtn}{@code .PROT_*}; the kernel's own are
 *     {@code PROT_KERNEL})
 * @param flags the header's flags ({@code FIB_RULE_INVERT} = 2: {@code ip rule add not ...})
 */
public record RuleMessage(int family, int priority, int table, int action, byte[] src, int srcLength, byte[] dst,
    int dstLength, int tos, int fwmark, int fwmask, String iifName, String oifName, int protocol, int flags) {
  public static final int NO_PRIORITY = -1;

  public static final int TO_TABLE = 1;
  public static final int GOTO = 2;
  public static final int NOP = 3;
  public static final int BLACKHOLE = 6;
  public static final int UNREACHABLE = 7;
  public static final int PROHIBIT = 8;

  public static final int F_INVERT = 2;

  public RuleMessage {
    src = src == null ? new byte[0] : src.clone();
    dst = dst == null ? new byte[0] : dst.clone();
    iifName = iifName == null ? "" : iifName;
    oifName = oifName == null ? "" : oifName;
  }

  public static Builder builder(int family) {
    return new Builder(family);
  }

  /** {@code ip rule add [from <src>/<length>] lookup <table> priority <priority>}: to-table, any source if null. */
  public static RuleMessage lookup(int family, int priority, int table) {
    return builder(family).priority(priority).table(table).action(TO_TABLE).build();
  }

  /** As {@link #lookup} for traffic from {@code src}/{@code length}; the family follows the address. */
  public static RuleMessage from(String src, int length, int priority, int table) {
    byte[] s = InetAddress.ofLiteral(src).getAddress();
    return builder(s.length == 4 ? Ifa.AF_INET : Ifa.AF_INET6).src(s).srcLength(length).priority(priority)
        .table(table).action(TO_TABLE).build();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  public byte[] src() {
    return src.clone();
  }

  @Override
  public byte[] dst() {
    return dst.clone();
  }

  /** For error messages: what {@code ip rule} would print. */
  public String describe() {
    var s = new StringBuilder(
        family == Ifa.AF_INET6 ? "inet6 " : family == Ifa.AF_INET ? "inet " : "family " + family + " ");
    s.append(priority == NO_PRIORITY ? "" : priority + ": ");
    if ((flags & F_INVERT) != 0) {
      s.append("not ");
    }
    s.append("from ").append(src.length == 0 ? "all" : AddressMessage.text(src) + "/" + srcLength);
    if (dst.length > 0) {
      s.append(" to ").append(AddressMessage.text(dst)).append('/').append(dstLength);
    }
    if (tos != 0) {
      s.append(" tos ").append(tos);
    }
    if (fwmark != 0 || fwmask != 0) {
      s.append(" fwmark 0x").append(Integer.toHexString(fwmark)).append("/0x").append(Integer.toHexString(fwmask));
    }
    if (!iifName.isEmpty()) {
      s.append(" iif ").append(iifName);
    }
    if (!oifName.isEmpty()) {
      s.append(" oif ").append(oifName);
    }
    s.append(switch (action) {
      case TO_TABLE -> " lookup " + table;
      case GOTO -> " goto";
      case NOP -> " nop";
      case BLACKHOLE -> " blackhole";
      case UNREACHABLE -> " unreachable";
      case PROHIBIT -> " prohibit";
      default -> " action " + action;
    });
    return s.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RuleMessage r && family == r.family && priority == r.priority && table == r.table
        && action == r.action && Arrays.equals(src, r.src) && srcLength == r.srcLength && Arrays.equals(dst, r.dst)
        && dstLength == r.dstLength && tos == r.tos && fwmark == r.fwmark && fwmask == r.fwmask
        && iifName.equals(r.iifName) && oifName.equals(r.oifName) && protocol == r.protocol && flags == r.flags;
  }

  @Override
  public int hashCode() {
    return Objects.hash(family, priority, table, action, Arrays.hashCode(src), srcLength, fwmark, iifName);
  }

  @Override
  public String toString() {
    return "RuleMessage[" + describe() + " proto " + protocol
        + (flags == 0 ? "" : " flags 0x" + Integer.toHexString(flags)) + "]";
  }

  /** Builds a {@link RuleMessage}; unset fields are absent, the priority {@link #NO_PRIORITY}. */
  public static final class Builder {
    private int family;
    private int priority = NO_PRIORITY;
    private int table;
    private int action = TO_TABLE;
    private byte[] src;
    private int srcLength;
    private byte[] dst;
    private int dstLength;
    private int tos;
    private int fwmark;
    private int fwmask;
    private String iifName;
    private String oifName;
    private int protocol;
    private int flags;

    private Builder(int family) {
      this.family = family;
    }

    private Builder(RuleMessage r) {
      family = r.family;
      priority = r.priority;
      table = r.table;
      action = r.action;
      src = r.src;
      srcLength = r.srcLength;
      dst = r.dst;
      dstLength = r.dstLength;
      tos = r.tos;
      fwmark = r.fwmark;
      fwmask = r.fwmask;
      iifName = r.iifName;
      oifName = r.oifName;
      protocol = r.protocol;
      flags = r.flags;
    }

    public Builder family(int v) { family = v; return this; }
    public Builder priority(int v) { priority = v; return this; }
    public Builder table(int v) { table = v; return this; }
    public Builder action(int v) { action = v; return this; }
    public Builder src(byte[] v) { src = v; return this; }
    public Builder srcLength(int v) { srcLength = v; return this; }
    public Builder dst(byte[] v) { dst = v; return this; }
    public Builder dstLength(int v) { dstLength = v; return this; }
    public Builder tos(int v) { tos = v; return this; }
    public Builder fwmark(int v) { fwmark = v; return this; }
    public Builder fwmask(int v) { fwmask = v; return this; }
    public Builder iifName(String v) { iifName = v; return this; }
    public Builder oifName(String v) { oifName = v; return this; }
    public Builder protocol(int v) { protocol = v; return this; }
    public Builder flags(int v) { flags = v; return this; }

    public RuleMessage build() {
      return new RuleMessage(family, priority, table, action, src, srcLength, dst, dstLength, tos, fwmark, fwmask,
          iifName, oifName, protocol, flags);
    }
  }
}
