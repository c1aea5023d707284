package dev.spindle.platform.network.linux;

import dev.spindle.platform.network.BondInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A bond's {@code IFLA_BOND_*} attributes ({@code linux/if_link.h}) to and from {@link BondInfo}. A request carries
 * only what the mode accepts (see {@link BondInfo}); a decoded bond starts from the kernel's defaults, since the
 * kernel leaves the 802.3ad actor settings out of dumps of other modes.
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

  static void encode(ByteBuffer out, BondInfo b) {
    out.order(ByteOrder.nativeOrder());
    int mode = b.mode();
    boolean lacp = mode == BondInfo.IEEE_802_3AD;
    boolean activeBackupLike = mode == BondInfo.ACTIVE_BACKUP || mode == BondInfo.BALANCE_TLB
        || mode == BondInfo.BALANCE_ALB;
    RtAttr.putU8(out, MODE, mode);
    RtAttr.putU32(out, MIIMON, b.miimon());
    RtAttr.putU32(out, UPDELAY, b.updelay());
    RtAttr.putU32(out, DOWNDELAY, b.downdelay());
    RtAttr.putU32(out, PEER_NOTIF_DELAY, b.peerNotifyDelay());
    RtAttr.putU8(out, USE_CARRIER, b.useCarrier() ? 1 : 0);
    if (b.arpInterval() != 0 || !b.arpIpTargets().isEmpty()) {
      RtAttr.putU32(out, ARP_INTERVAL, b.arpInterval());
      ByteBuffer targets = ByteBuffer.allocate(8 * b.arpIpTargets().size()).order(ByteOrder.nativeOrder());
      List<byte[]> list = b.arpIpTargets();
      for (int i = 0; i < list.size(); i++) {
        RtAttr.put(targets, i, list.get(i)); // the nest's attribute types are the slots, from 0
      }
      RtAttr.putNested(out, ARP_IP_TARGET, targets);
      RtAttr.putU32(out, ARP_VALIDATE, b.arpValidate());
      RtAttr.putU32(out, ARP_ALL_TARGETS, b.arpAllTargets());
    }
    if (activeBackupLike) {
      if (b.primaryIndex() != 0) {
        RtAttr.putU32(out, PRIMARY, b.primaryIndex());
      }
      RtAttr.putU8(out, PRIMARY_RESELECT, b.primaryReselect());
    }
    if (mode == BondInfo.ACTIVE_BACKUP) {
      RtAttr.putU8(out, FAIL_OVER_MAC, b.failOverMac());
    }
    if (mode == BondInfo.BALANCE_XOR || lacp || mode == BondInfo.BALANCE_TLB) {
      RtAttr.putU8(out, XMIT_HASH_POLICY, b.xmitHashPolicy());
    }
    RtAttr.putU32(out, RESEND_IGMP, b.resendIgmp());
    RtAttr.putU8(out, NUM_PEER_NOTIF, b.numPeerNotif());
    RtAttr.putU8(out, ALL_SLAVES_ACTIVE, b.allSlavesActive());
    RtAttr.putU32(out, MIN_LINKS, b.minLinks());
    RtAttr.putU32(out, LP_INTERVAL, b.lpInterval());
    if (mode == BondInfo.BALANCE_RR) {
      RtAttr.putU32(out, PACKETS_PER_SLAVE, b.packetsPerSlave());
    }
    if (lacp) {
      RtAttr.putU8(out, AD_LACP_ACTIVE, b.adLacpActive());
      RtAttr.putU8(out, AD_LACP_RATE, b.lacpRate());
      RtAttr.putU8(out, AD_SELECT, b.adSelect());
      RtAttr.putU16(out, AD_ACTOR_SYS_PRIO, b.adActorSysPrio());
      RtAttr.putU16(out, AD_USER_PORT_KEY, b.adUserPortKey());
      byte[] system = b.adActorSystem();
      if (system.length == 6 && !java.util.Arrays.equals(system, new byte[6])) { // zero is "the bond's own MAC"
        RtAttr.put(out, AD_ACTOR_SYSTEM, system);
      }
    }
    if (mode == BondInfo.BALANCE_TLB) {
      RtAttr.putU8(out, TLB_DYNAMIC_LB, b.tlbDynamicLb());
    }
    RtAttr.putU8(out, MISSED_MAX, b.missedMax());
  }

  static BondInfo decode(RtAttr data) {
    var b = BondInfo.builder(BondInfo.BALANCE_RR);
    for (RtAttr a : data.nested()) {
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
    }
    return b.build();
  }
}
