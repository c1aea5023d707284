package dev.spindle.platform.network.linux;

import dev.spindle.platform.network.Ifa;
import dev.spindle.platform.network.RuleMessage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@code RTM_*RULE} messages to and from bytes, without touching a socket (numbers as in {@code linux/fib_rules.h}).
 * Decodes a fib_rule_hdr and the {@code FRA_*} attributes {@link RuleMessage} holds; every other attribute
 * (FRA_SUPPRESS_PREFIXLEN, FRA_UID_RANGE, port ranges, ...) is skipped. Bad input throws
 * {@link MalformedNetlinkException} and nothing else: a known attribute of the wrong size, an address or prefix that
 * does not fit the family.
 */
public final class RuleCodec {
  public static final int RTM_NEWRULE = 32;
  public static final int RTM_DELRULE = 33;
  public static final int RTM_GETRULE = 34;

  public static final int FRA_DST = 1;
  public static final int FRA_SRC = 2;
  public static final int FRA_IIFNAME = 3;
  public static final int FRA_PRIORITY = 6;
  public static final int FRA_FWMARK = 10;
  public static final int FRA_TABLE = 15;
  public static final int FRA_FWMASK = 16;
  public static final int FRA_OIFNAME = 17;
  public static final int FRA_PROTOCOL = 21;

  private RuleCodec() {}

  /** Decodes the payload of an {@code RTM_NEWRULE} / {@code RTM_DELRULE}; an absent FRA_PRIORITY is priority 0. */
  public static RuleMessage decode(ByteBuffer payload) {
    ByteBuffer in = payload.slice().order(ByteOrder.nativeOrder());
    FibRuleHdr h = FibRuleHdr.decode(in);
    int length = switch (h.family()) {
      case Ifa.AF_INET -> 4;
      case Ifa.AF_INET6 -> 16;
      default -> throw new MalformedNetlinkException("rule family " + h.family() + " is neither inet nor inet6");
    };
    if (h.dstLength() > length * 8 || h.srcLength() > length * 8) {
      throw new MalformedNetlinkException("prefix length " + Math.max(h.dstLength(), h.srcLength()) + " exceeds "
          + length * 8 + " for family " + h.family());
    }
    var rule = RuleMessage.builder(h.family()).dstLength(h.dstLength()).srcLength(h.srcLength()).tos(h.tos())
        .table(h.table()).action(h.action()).flags(h.flags()).priority(0);
    for (RtAttr a : RtAttr.parse(in)) {
      switch (a.type()) {
        case FRA_DST -> rule.dst(a.address(length));
        case FRA_SRC -> rule.src(a.address(length));
        case FRA_IIFNAME -> rule.iifName(a.string());
        case FRA_OIFNAME -> rule.oifName(a.string());
        case FRA_PRIORITY -> rule.priority(a.u32());
        case FRA_FWMARK -> rule.fwmark(a.u32());
        case FRA_FWMASK -> rule.fwmask(a.u32());
        case FRA_TABLE -> rule.table(a.u32());
        case FRA_PROTOCOL -> rule.protocol(a.u8());
        default -> {}
      }
    }
    return rule.build();
  }

  /** A complete {@code RTM_GETRULE} dump request for every rule of every family. */
  public static byte[] dumpRequest(int seq) {
    ByteBuffer out = ByteBuffer.allocate(NlMsg.SIZE + FibRuleHdr.SIZE).order(ByteOrder.nativeOrder());
    new NlMsg(out.capacity(), RTM_GETRULE, NlMsg.NLM_F_REQUEST | NlMsg.NLM_F_DUMP, seq, 0).encode(out);
    new FibRuleHdr(0, 0, 0, 0, 0, 0, 0).encode(out);
    return out.array();
  }

  /** {@code ip rule add}: create, and {@code EEXIST} for an identical rule. */
  public static byte[] addRequest(int seq, RuleMessage rule) {
    return request(seq, RTM_NEWRULE, NlMsg.NLM_F_CREATE | NlMsg.NLM_F_EXCL, rule);
  }

  /** {@code ip rule del}: the kernel matches the fields the request sets. */
  public static byte[] deleteRequest(int seq, RuleMessage rule) {
    return request(seq, RTM_DELRULE, 0, rule);
  }

  /**
   * An acknowledged request carrying every field {@code rule} sets. As iproute2 sends them, a table above 255 goes in
   * FRA_TABLE with the header's table {@code RT_TABLE_UNSPEC}; a smaller one goes in both.
   */
  static byte[] request(int seq, int type, int flags, RuleMessage rule) {
    ByteBuffer attrs = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
    RtAttr.putIfPresent(attrs, FRA_DST, rule.dst());
    RtAttr.putIfPresent(attrs, FRA_SRC, rule.src());
    if (!rule.iifName().isEmpty()) {
      RtAttr.putString(attrs, FRA_IIFNAME, rule.iifName());
    }
    if (!rule.oifName().isEmpty()) {
      RtAttr.putString(attrs, FRA_OIFNAME, rule.oifName());
    }
    if (rule.priority() != RuleMessage.NO_PRIORITY) {
      RtAttr.putU32(attrs, FRA_PRIORITY, rule.priority());
    }
    if (rule.fwmark() != 0) {
      RtAttr.putU32(attrs, FRA_FWMARK, rule.fwmark());
    }
    if (rule.fwmask() != 0) {
      RtAttr.putU32(attrs, FRA_FWMASK, rule.fwmask());
    }
    if (rule.table() != 0) {
      RtAttr.putU32(attrs, FRA_TABLE, rule.table());
    }
    if (rule.protocol() != 0) {
      RtAttr.putU8(attrs, FRA_PROTOCOL, rule.protocol());
    }
    attrs.flip();
    int length = NlMsg.SIZE + FibRuleHdr.SIZE + attrs.remaining();
    ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
    new NlMsg(length, type, NlMsg.NLM_F_REQUEST | NlMsg.NLM_F_ACK | flags, seq, 0).encode(out);
    int headerTable = Integer.compareUnsigned(rule.table(), 255) > 0 ? 0 : rule.table();
    new FibRuleHdr(rule.family(), rule.dstLength(), rule.srcLength(), rule.tos(), headerTable, rule.action(),
        rule.flags()).encode(out);
    out.put(attrs);
    return out.array();
  }
}
