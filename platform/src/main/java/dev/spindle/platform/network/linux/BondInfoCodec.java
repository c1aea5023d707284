package dev.spindle.platform.network.linux;

import dev.spindle.platform.network.BondInfo;
import dev.spindle.platform.network.BondOption;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A bond's {@code IFLA_BOND_*} attributes ({@code linux/if_link.h}) to and from {@link BondInfo}. A request carries
 * what {@link BondOption#toSend} picks; a decoded bond starts from the kernel's defaults, since the kernel leaves the
 * 802.3ad actor settings out of dumps of other modes, and skips an attribute whose value does not parse.
 */
final class BondInfoCodec {
  static final int MODE = 1;
  static final int MIIMON = 3;
  static final int UPDELAY = 4;
  static final int DOWNDELAY = 5;
  static final int USE_CARRIER = 6;
  static final int ARP_INTERVAL = 7;
  static final int ARP_IP_TARGET = 8;
  static final int ARP_VALIDATE = 9;
  static final int ARP_ALL_TARGETS = 10;
  static final int PRIMARY = 11;
  static final int PRIMARY_RESELECT = 12;
  static final int FAIL_OVER_MAC = 13;
  static final int XMIT_HASH_POLICY = 14;
  static final int RESEND_IGMP = 15;
  static final int NUM_PEER_NOTIF = 16;
  static final int ALL_SLAVES_ACTIVE = 17;
  static final int MIN_LINKS = 18;
  static final int LP_INTERVAL = 19;
  static final int PACKETS_PER_SLAVE = 20;
  static final int AD_LACP_RATE = 21;
  static final int AD_SELECT = 22;
  static final int AD_ACTOR_SYS_PRIO = 24;
  static final int AD_USER_PORT_KEY = 25;
  static final int AD_ACTOR_SYSTEM = 26;
  static final int TLB_DYNAMIC_LB = 27;
  static final int PEER_NOTIF_DELAY = 28;
  static final int AD_LACP_ACTIVE = 29;
  static final int MISSED_MAX = 30;

  private BondInfoCodec() {}

  /**
   * Writes the settings {@link BondOption#toSend} picks: for a new bond ({@code current} null) every setting its mode
   * accepts, for a change what differs from {@code current}.
   */
  static void encode(ByteBuffer out, BondInfo b, BondInfo current) {
    out.order(ByteOrder.nativeOrder());
    for (BondOption option : BondOption.toSend(b, current)) {
      int type = option.attribute();
      switch (option) {
        case MODE -> RtAttr.putU8(out, type, b.mode());
        case MIIMON -> RtAttr.putU32(out, type, b.miimon());
        case UPDELAY -> RtAttr.putU32(out, type, b.updelay());
        case DOWNDELAY -> RtAttr.putU32(out, type, b.downdelay());
        case PEER_NOTIF_DELAY -> RtAttr.putU32(out, type, b.peerNotifyDelay());
        case USE_CARRIER -> RtAttr.putU8(out, type, b.useCarrier() ? 1 : 0);
        case ARP_INTERVAL -> RtAttr.putU32(out, type, b.arpInterval());
        case ARP_IP_TARGET -> {
          List<byte[]> list = b.arpIpTargets();
          ByteBuffer targets = ByteBuffer.allocate(8 * list.size()).order(ByteOrder.nativeOrder());
          for (int i = 0; i < list.size(); i++) {
            RtAttr.put(targets, i, list.get(i)); // the nest's attribute types are the slots, from 0
          }
          RtAttr.putNested(out, type, targets); // empty: the kernel clears the targets
        }
        case ARP_VALIDATE -> RtAttr.putU32(out, type, b.arpValidate());
        case ARP_ALL_TARGETS -> RtAttr.putU32(out, type, b.arpAllTargets());
        case PRIMARY -> RtAttr.putU32(out, type, b.primaryIndex());
        case PRIMARY_RESELECT -> RtAttr.putU8(out, type, b.primaryReselect());
        case FAIL_OVER_MAC -> RtAttr.putU8(out, type, b.failOverMac());
        case XMIT_HASH_POLICY -> RtAttr.putU8(out, type, b.xmitHashPolicy());
        case RESEND_IGMP -> RtAttr.putU32(out, type, b.resendIgmp());
        case NUM_PEER_NOTIF -> RtAttr.putU8(out, type, b.numPeerNotif());
        case ALL_SLAVES_ACTIVE -> RtAttr.putU8(out, type, b.allSlavesActive());
        case MIN_LINKS -> RtAttr.putU32(out, type, b.minLinks());
        case LP_INTERVAL -> RtAttr.putU32(out, type, b.lpInterval());
        case PACKETS_PER_SLAVE -> RtAttr.putU32(out, type, b.packetsPerSlave());
        case AD_LACP_ACTIVE -> RtAttr.putU8(out, type, b.adLacpActive());
        case AD_LACP_RATE -> RtAttr.putU8(out, type, b.lacpRate());
        case AD_SELECT -> RtAttr.putU8(out, type, b.adSelect());
        case AD_ACTOR_SYS_PRIO -> RtAttr.putU16(out, type, b.adActorSysPrio());
        case AD_USER_PORT_KEY -> RtAttr.putU16(out, type, b.adUserPortKey());
        case AD_ACTOR_SYSTEM -> RtAttr.put(out, type, b.adActorSystem().length == 6 ? b.adActorSystem() : new byte[6]);
        case TLB_DYNAMIC_LB -> RtAttr.putU8(out, type, b.tlbDynamicLb());
        case MISSED_MAX -> RtAttr.putU8(out, type, b.missedMax());
      }
    }
  }

  static BondInfo decode(RtAttr data) {
    var b = BondInfo.builder(BondInfo.BALANCE_RR);
    LinkInfoCodec.each(data, a -> {
      switch (a.type()) {
        case MODE -> b.mode(a.u8());
        case MIIMON -> b.miimon(a.u32());
        case UPDELAY -> b.updelay(a.u32());
        case DOWNDELAY -> b.downdelay(a.u32());
        case USE_CARRIER -> b.useCarrier(a.u8() != 0);
        case ARP_INTERVAL -> b.arpInterval(a.u32());
        case ARP_IP_TARGET -> {
          List<byte[]> targets = new ArrayList<>();
          for (RtAttr t : a.nested()) {
            targets.add(t.address(4));
          }
          b.arpIpTargets(targets);
        }
        case ARP_VALIDATE -> b.arpValidate(a.u32());
        case ARP_ALL_TARGETS -> b.arpAllTargets(a.u32());
        case PRIMARY -> b.primaryIndex(a.u32());
        case PRIMARY_RESELECT -> b.primaryReselect(a.u8());
        case FAIL_OVER_MAC -> b.failOverMac(a.u8());
        case XMIT_HASH_POLICY -> b.xmitHashPolicy(a.u8());
        case RESEND_IGMP -> b.resendIgmp(a.u32());
        case NUM_PEER_NOTIF -> b.numPeerNotif(a.u8());
        case ALL_SLAVES_ACTIVE -> b.allSlavesActive(a.u8());
        case MIN_LINKS -> b.minLinks(a.u32());
        case LP_INTERVAL -> b.lpInterval(a.u32());
        case PACKETS_PER_SLAVE -> b.packetsPerSlave(a.u32());
        case AD_LACP_RATE -> b.lacpRate(a.u8());
        case AD_SELECT -> b.adSelect(a.u8());
        case AD_ACTOR_SYS_PRIO -> b.adActorSysPrio(a.u16());
        case AD_USER_PORT_KEY -> b.adUserPortKey(a.u16());
        case AD_ACTOR_SYSTEM -> b.adActorSystem(a.address(6));
        case TLB_DYNAMIC_LB -> b.tlbDynamicLb(a.u8());
        case PEER_NOTIF_DELAY -> b.peerNotifyDelay(a.u32());
        case AD_LACP_ACTIVE -> b.adLacpActive(a.u8());
        case MISSED_MAX -> b.missedMax(a.u8());
        default -> {}
      }
    });
    return b.build();
  }
}
