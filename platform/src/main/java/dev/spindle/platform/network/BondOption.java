package dev.spindle.platform.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The bonding driver's settings ({@code IFLA_BOND_*}) in the order {@code bond_changelink()} applies them, each with
 * the rules {@code bond_options.c} checks before it sets one: the modes that accept it ({@code EACCES} in the
 * others), whether it needs a bond without ports ({@code ENOTEMPTY}) or a bond that is down ({@code EBUSY}).
 *
 * <p>{@link #toSend} is the one place that decides which settings a request carries, so the Linux codec sends
 * exactly what {@link FakeRtnetlink} checks against the kernel's rules. Why the order matters: the kernel applies
 * {@code MODE} first (so every later setting is checked against the new mode, and a mode without ARP monitoring
 * turns {@code miimon} 0 into 100), then {@code MIIMON}, then the delays, which count in {@code miimon} intervals
 * and are refused ({@code EPERM}) while {@code miimon} is 0.
 */
public enum BondOption {
  MODE(1, Modes.ALL, true, true),
  MIIMON(3, Modes.ALL, false, false),
  UPDELAY(4, Modes.ALL, false, false),
  DOWNDELAY(5, Modes.ALL, false, false),
  PEER_NOTIF_DELAY(28, Modes.ALL, false, false),
  USE_CARRIER(6, Modes.ALL, false, false),
  ARP_INTERVAL(7, Modes.ARP, false, false),
  ARP_IP_TARGET(8, Modes.ALL, false, false),
  ARP_VALIDATE(9, Modes.ARP, false, false),
  ARP_ALL_TARGETS(10, Modes.ALL, false, false),
  PRIMARY(11, Modes.of(BondInfo.ACTIVE_BACKUP, BondInfo.BALANCE_TLB, BondInfo.BALANCE_ALB), false, false),
  PRIMARY_RESELECT(12, Modes.ALL, false, false),
  FAIL_OVER_MAC(13, Modes.ALL, true, false),
  XMIT_HASH_POLICY(14, Modes.ALL, false, false),
  RESEND_IGMP(15, Modes.ALL, false, false),
  NUM_PEER_NOTIF(16, Modes.ALL, false, false),
  ALL_SLAVES_ACTIVE(17, Modes.ALL, false, false),
  MIN_LINKS(18, Modes.ALL, false, false),
  LP_INTERVAL(19, Modes.ALL, false, false),
  PACKETS_PER_SLAVE(20, Modes.of(BondInfo.BALANCE_RR), false, false),
  AD_LACP_ACTIVE(29, Modes.of(BondInfo.IEEE_802_3AD), false, true),
  AD_LACP_RATE(21, Modes.of(BondInfo.IEEE_802_3AD), false, true),
  AD_SELECT(22, Modes.ALL, false, true),
  AD_ACTOR_SYS_PRIO(24, Modes.of(BondInfo.IEEE_802_3AD), false, false),
  AD_USER_PORT_KEY(25, Modes.of(BondInfo.IEEE_802_3AD), false, true),
  AD_ACTOR_SYSTEM(26, Modes.of(BondInfo.IEEE_802_3AD), false, false),
  // kernels since 5.x take it in balance-alb too; balance-tlb alone is what every kernel accepts
  TLB_DYNAMIC_LB(27, Modes.of(BondInfo.BALANCE_TLB), false, true),
  MISSED_MAX(30, Modes.ARP, false, false);

  private final int attribute;
  private final int modes;
  private final boolean needsNoPorts;
  private final boolean needsDown;

  BondOption(int attribute, int modes, boolean needsNoPorts, boolean needsDown) {
    this.attribute = attribute;
    this.modes = modes;
    this.needsNoPorts = needsNoPorts;
    this.needsDown = needsDown;
  }

  /** The {@code IFLA_BOND_*} attribute number. */
  public int attribute() {
    return attribute;
  }

  /** Whether a bond in {@code mode} accepts this setting (the kernel's {@code unsuppmodes}). */
  public boolean accepts(int mode) {
    return modes == Modes.ALL || mode >= 0 && mode < 7 && (modes & 1 << mode) != 0;
  }

  /** {@code BOND_OPTFLAG_NOSLAVES}: refused with {@code ENOTEMPTY} while the bond has ports. */
  public boolean needsNoPorts() {
    return needsNoPorts;
  }

  /** {@code BOND_OPTFLAG_IFDOWN}: refused with {@code EBUSY} while the bond is up. */
  public boolean needsDown() {
    return needsDown;
  }

  /** The delays the kernel keeps as multiples of {@code miimon}. */
  public boolean isDelay() {
    return this == UPDELAY || this == DOWNDELAY || this == PEER_NOTIF_DELAY;
  }

  /**
   * The settings a request for {@code wanted} carries, in the kernel's order. To create a bond ({@code current}
   * null), or to change its mode, every setting {@code wanted}'s mode accepts; to change a bond that keeps its mode,
   * only the settings that differ from {@code current} (the kernel checks a setting's rules even when its value does
   * not change, so resending the mode of an up bond would be {@code EBUSY}, its {@code fail_over_mac} with ports
   * {@code ENOTEMPTY}). Never the delays while {@code miimon} is 0 ({@code EPERM}); after a new {@code miimon}, the
   * delays again, since the kernel keeps them as multiples of it. Settings at a kernel default no mode change touches
   * are left out of a new bond: no primary, no actor system, no ARP targets, {@code use_carrier} on.
   */
  public static List<BondOption> toSend(BondInfo wanted, BondInfo current) {
    boolean whole = current == null || current.mode() != wanted.mode();
    boolean newMiimon = whole || current.miimon() != wanted.miimon();
    List<BondOption> send = new ArrayList<>();
    for (BondOption option : values()) {
      if (!option.accepts(wanted.mode()) || option.isDelay() && wanted.miimon() == 0) {
        continue;
      }
      boolean unchanged = current != null && option.value(wanted).equals(option.value(current))
          && !(option.isDelay() && newMiimon);
      // a new mode resets some settings (arp_validate, miimon, ...), so all go again, but for the kernel's defaults
      // that no mode touches, which need not be sent unless they change
      boolean skip = whole ? option.leftOutAtDefault(wanted) && (current == null || unchanged) : unchanged;
      if (!skip) {
        send.add(option);
      }
    }
    return List.copyOf(send);
  }

  /**
   * The settings whose kernel default a new bond already has and that no mode change touches: no primary port (0),
   * the all-zero actor system ("the bond's own MAC"), no ARP targets, and {@code use_carrier} on (which kernels that
   * retired the option may be the only value they take).
   */
  private boolean leftOutAtDefault(BondInfo wanted) {
    return switch (this) {
      case PRIMARY -> wanted.primaryIndex() == 0;
      case AD_ACTOR_SYSTEM -> isZero(wanted.adActorSystem());
      case ARP_IP_TARGET -> wanted.arpIpTargets().isEmpty();
      case USE_CARRIER -> wanted.useCarrier();
      default -> false;
    };
  }

  /** This setting's value in {@code b}, comparable with {@code equals} (addresses as hex text). */
  public Object value(BondInfo b) {
    return switch (this) {
      case MODE -> b.mode();
      case MIIMON -> b.miimon();
      case UPDELAY -> b.updelay();
      case DOWNDELAY -> b.downdelay();
      case PEER_NOTIF_DELAY -> b.peerNotifyDelay();
      case USE_CARRIER -> b.useCarrier();
      case ARP_INTERVAL -> b.arpInterval();
      case ARP_IP_TARGET -> b.arpIpTargets().stream().map(HexFormat.of()::formatHex).toList();
      case ARP_VALIDATE -> b.arpValidate();
      case ARP_ALL_TARGETS -> b.arpAllTargets();
      case PRIMARY -> b.primaryIndex();
      case PRIMARY_RESELECT -> b.primaryReselect();
      case FAIL_OVER_MAC -> b.failOverMac();
      case XMIT_HASH_POLICY -> b.xmitHashPolicy();
      case RESEND_IGMP -> b.resendIgmp();
      case NUM_PEER_NOTIF -> b.numPeerNotif();
      case ALL_SLAVES_ACTIVE -> b.allSlavesActive();
      case MIN_LINKS -> b.minLinks();
      case LP_INTERVAL -> b.lpInterval();
      case PACKETS_PER_SLAVE -> b.packetsPerSlave();
      case AD_LACP_ACTIVE -> b.adLacpActive();
      case AD_LACP_RATE -> b.lacpRate();
      case AD_SELECT -> b.adSelect();
      case AD_ACTOR_SYS_PRIO -> b.adActorSysPrio();
      case AD_USER_PORT_KEY -> b.adUserPortKey();
      case AD_ACTOR_SYSTEM -> isZero(b.adActorSystem()) ? "" : HexFormat.of().formatHex(b.adActorSystem());
      case TLB_DYNAMIC_LB -> b.tlbDynamicLb();
      case MISSED_MAX -> b.missedMax();
    };
  }

  private static boolean isZero(byte[] mac) {
    return mac.length == 0 || Arrays.equals(mac, new byte[mac.length]);
  }

  /** Mode bit sets. */
  private static final class Modes {
    static final int ALL = 0x7f;
    /** The modes with ARP monitoring: every mode but 802.3ad, balance-tlb and balance-alb. */
    static final int ARP = of(BondInfo.BALANCE_RR, BondInfo.ACTIVE_BACKUP, BondInfo.BALANCE_XOR, BondInfo.BROADCAST);

    static int of(int... modes) {
      int bits = 0;
      for (int m : modes) {
        bits |= 1 << m;
      }
      return bits;
    }
  }
}
