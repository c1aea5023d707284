package dev.spindle.platform.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * The bonding driver's {@code bond_changelink()} in the fake: the settings a request carries ({@link
 * BondOption#toSend}, the same the Linux codec sends) applied one by one in the kernel's order, each refused as
 * {@code bond_options.c} refuses it ({@code EACCES} in a mode that does not take it, {@code ENOTEMPTY} with ports,
 * {@code EBUSY} while up, {@code EPERM} for a delay without {@code miimon}, {@code EINVAL} out of range or for ARP
 * monitoring next to MII monitoring in one request, {@code ERANGE} for a peer notification delay over 300 s), with
 * the side effects the kernel has: a mode without ARP monitoring drops {@code arp_interval} and turns {@code miimon}
 * 0 into 100, any new mode resets {@code arp_validate}, balance-alb sets {@code tlb_dynamic_lb}, MII monitoring ends
 * ARP monitoring and the reverse, delays are rounded down to a multiple of {@code miimon}.
 *
 * <p>Two simplifications, both on paths Spindle does not take: a refused change leaves the bond as it was (the
 * kernel keeps the settings it applied before the refused one), and the primary port is reported as requested
 * (the kernel reports it only once that port is enslaved).
 */
final class FakeBond {
  private static final int DEFAULT_MIIMON = 100;
  private static final int MAX_PEER_NOTIF_DELAY = 300_000;
  private static final int MAX_ARP_TARGETS = 16;

  private FakeBond() {}

  /** The bond {@code bond_newlink()} makes of {@code wanted}: a fresh bond, then the settings of the request. */
  static BondInfo newlink(BondInfo wanted, String doing) throws NetlinkException {
    return apply(BondInfo.builder(BondInfo.BALANCE_RR).build(), wanted, null, false, false, doing);
  }

  /** The bond after a change to {@code wanted} of a bond that is {@code current}, up or not, with ports or not. */
  static BondInfo changelink(BondInfo current, BondInfo wanted, boolean up, boolean hasPorts, String doing)
      throws NetlinkException {
    return apply(current, wanted, current, up, hasPorts, doing);
  }

  private static BondInfo apply(BondInfo state, BondInfo wanted, BondInfo current, boolean up, boolean hasPorts,
      String doing) throws NetlinkException {
    List<BondOption> sent = BondOption.toSend(wanted, current);
    // bond_changelink() checks ARP against the miimon of the request, not of the bond
    int requestMiimon = sent.contains(BondOption.MIIMON) ? wanted.miimon() : 0;
    var b = state.toBuilder();
    BondInfo now = state;
    for (BondOption option : sent) {
      String what = doing + ": bond option " + option.name().toLowerCase(java.util.Locale.ROOT);
      if (!option.accepts(now.mode())) {
        throw new NetlinkException(Errno.EACCES, what + " is not supported in mode " + now.mode());
      }
      if (option.needsNoPorts() && hasPorts) {
        throw new NetlinkException(Errno.ENOTEMPTY, what + " cannot change while the bond has ports");
      }
      if (option.needsDown() && up) {
        throw new NetlinkException(Errno.EBUSY, what + " cannot change while the bond is up");
      }
      set(b, now, wanted, option, requestMiimon, what);
      now = b.build();
    }
    return now;
  }

  private static void set(BondInfo.Builder b, BondInfo now, BondInfo w, BondOption option, int requestMiimon,
      String what) throws NetlinkException {
    switch (option) {
      case MODE -> {
        int mode = range(w.mode(), 0, BondInfo.BALANCE_ALB, what);
        if (!BondOption.ARP_INTERVAL.accepts(mode)) {
          b.arpInterval(0);
          if (now.miimon() == 0) {
            b.miimon(DEFAULT_MIIMON);
          }
        }
        if (mode == BondInfo.BALANCE_ALB) {
          b.tlbDynamicLb(1);
        }
        b.arpValidate(0).mode(mode);
      }
      case MIIMON -> {
        int miimon = range(w.miimon(), 0, Integer.MAX_VALUE, what);
        // the delays are kept as multiples of miimon: the same multiple reads differently now
        b.miimon(miimon).updelay(rescale(now.updelay(), now.miimon(), miimon))
            .downdelay(rescale(now.downdelay(), now.miimon(), miimon))
            .peerNotifyDelay(rescale(now.peerNotifyDelay(), now.miimon(), miimon));
        if (miimon != 0 && now.arpInterval() != 0) {
          b.arpInterval(0).arpValidate(0);
        }
      }
      case UPDELAY -> b.updelay(delay(w.updelay(), now.miimon(), what));
      case DOWNDELAY -> b.downdelay(delay(w.downdelay(), now.miimon(), what));
      case PEER_NOTIF_DELAY -> {
        if (w.peerNotifyDelay() < 0 || w.peerNotifyDelay() > MAX_PEER_NOTIF_DELAY) {
          throw new NetlinkException(Errno.ERANGE, what + " " + w.peerNotifyDelay() + " above 300000 ms");
        }
        b.peerNotifyDelay(delay(w.peerNotifyDelay(), now.miimon(), what));
      }
      case USE_CARRIER -> b.useCarrier(w.useCarrier());
      case ARP_INTERVAL -> {
        int interval = range(w.arpInterval(), 0, Integer.MAX_VALUE, what);
        if (interval != 0 && requestMiimon != 0) {
          throw new NetlinkException(Errno.EINVAL, what + ": ARP monitoring cannot be used with MII monitoring");
        }
        b.arpInterval(interval);
        if (interval != 0) {
          b.miimon(0).updelay(0).downdelay(0).peerNotifyDelay(0);
        }
      }
      case ARP_IP_TARGET -> b.arpIpTargets(targets(w.arpIpTargets(), what));
      case ARP_VALIDATE -> {
        int validate = range(w.arpValidate(), 0, 6, what);
        if (validate != 0 && requestMiimon != 0) {
          throw new NetlinkException(Errno.EINVAL, what + ": ARP validation cannot be used with MII monitoring");
        }
        b.arpValidate(validate);
      }
      case ARP_ALL_TARGETS -> b.arpAllTargets(range(w.arpAllTargets(), 0, 1, what));
      case PRIMARY -> b.primaryIndex(w.primaryIndex());
      case PRIMARY_RESELECT -> b.primaryReselect(range(w.primaryReselect(), 0, 2, what));
      case FAIL_OVER_MAC -> b.failOverMac(range(w.failOverMac(), 0, 2, what));
      case XMIT_HASH_POLICY -> b.xmitHashPolicy(range(w.xmitHashPolicy(), 0, 5, what));
      case RESEND_IGMP -> b.resendIgmp(range(w.resendIgmp(), 0, 255, what));
      case NUM_PEER_NOTIF -> b.numPeerNotif(range(w.numPeerNotif(), 0, 255, what));
      case ALL_SLAVES_ACTIVE -> b.allSlavesActive(range(w.allSlavesActive(), 0, 1, what));
      case MIN_LINKS -> b.minLinks(range(w.minLinks(), 0, Integer.MAX_VALUE, what));
      case LP_INTERVAL -> b.lpInterval(range(w.lpInterval(), 1, Integer.MAX_VALUE, what));
      case PACKETS_PER_SLAVE -> b.packetsPerSlave(range(w.packetsPerSlave(), 0, 65535, what));
      case AD_LACP_ACTIVE -> b.adLacpActive(range(w.adLacpActive(), 0, 1, what));
      case AD_LACP_RATE -> b.lacpRate(range(w.lacpRate(), 0, 1, what));
      case AD_SELECT -> b.adSelect(range(w.adSelect(), 0, 2, what));
      case AD_ACTOR_SYS_PRIO -> b.adActorSysPrio(range(w.adActorSysPrio(), 1, 65535, what));
      case AD_USER_PORT_KEY -> b.adUserPortKey(range(w.adUserPortKey(), 0, 1023, what));
      case AD_ACTOR_SYSTEM -> {
        byte[] mac = w.adActorSystem();
        if (mac.length != 0 && (mac.length != 6 || (mac[0] & 1) != 0)) {
          throw new NetlinkException(Errno.EINVAL, what + ": not a unicast MAC");
        }
        b.adActorSystem(mac);
      }
      case TLB_DYNAMIC_LB -> b.tlbDynamicLb(range(w.tlbDynamicLb(), 0, 1, what));
      case MISSED_MAX -> b.missedMax(range(w.missedMax(), 1, 255, what));
    }
  }

  private static int range(int value, int min, int max, String what) throws NetlinkException {
    if (value < min || value > max) {
      throw new NetlinkException(Errno.EINVAL, what + " " + Integer.toUnsignedString(value) + " outside " + min
          + ".." + max);
    }
    return value;
  }

  /** {@code _bond_option_delay_set()}: refused without MII monitoring, rounded down to a multiple of it. */
  private static int delay(int value, int miimon, String what) throws NetlinkException {
    range(value, 0, Integer.MAX_VALUE, what);
    if (miimon == 0) {
      throw new NetlinkException(Errno.EPERM, what + ": MII monitoring is disabled");
    }
    return value / miimon * miimon;
  }

  private static int rescale(int delay, int oldMiimon, int newMiimon) {
    return oldMiimon == 0 ? 0 : delay / oldMiimon * newMiimon;
  }

  /** The targets after the kernel cleared them and added each: none zero-net or broadcast, no duplicate, 16 at most. */
  private static List<byte[]> targets(List<byte[]> wanted, String what) throws NetlinkException {
    var seen = new HashSet<String>();
    var out = new ArrayList<byte[]>();
    for (byte[] t : wanted) {
      boolean broadcast = Arrays.equals(t, new byte[] {-1, -1, -1, -1});
      if (t.length != 4 || t[0] == 0 || broadcast || !seen.add(Arrays.toString(t)) || out.size() == MAX_ARP_TARGETS) {
        throw new NetlinkException(Errno.EINVAL, what + ": invalid, duplicate or 17th ARP target");
      }
      out.add(t);
    }
    return out;
  }
}
