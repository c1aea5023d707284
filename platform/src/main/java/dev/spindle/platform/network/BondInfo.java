package dev.spindle.platform.network;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A bond's IFLA_BOND_* settings, in the kernel's numbers (the same set Talos's {@code BondMasterSpec} has, minus the
 * IPv6 NS targets). {@link #builder(int)} starts from the kernel's defaults for a new bond, so a decoded bond and the
 * request that made it compare equal. Immutable; arrays are copied, equality by content.
 *
 * <p>A request carries only the settings the kernel takes (see {@link BondOption#toSend}): those the mode accepts
 * (the 802.3ad ones in mode 4 only, ARP monitoring not in 802.3ad, balance-tlb or balance-alb, ...), the delays only
 * with {@code miimon} set, and in a change only what differs from the bond as it is. So {@code updelay},
 * {@code downdelay} and {@code peerNotifyDelay} of a bond without MII monitoring are not sent (as Talos's encoder
 * does) and read back as 0; the kernel also rounds them down to a multiple of {@code miimon}.
 *
 * @param mode IFLA_BOND_MODE: 0 balance-rr, 1 active-backup, 2 balance-xor, 3 broadcast, 4 802.3ad, 5 balance-tlb,
 *     6 balance-alb
 * @param miimon IFLA_BOND_MIIMON, ms
 * @param updelay IFLA_BOND_UPDELAY, ms
 * @param downdelay IFLA_BOND_DOWNDELAY, ms
 * @param useCarrier IFLA_BOND_USE_CARRIER
 * @param arpInterval IFLA_BOND_ARP_INTERVAL, ms
 * @param arpIpTargets IFLA_BOND_ARP_IP_TARGET: IPv4 addresses, 4 bytes each
 * @param arpValidate IFLA_BOND_ARP_VALIDATE
 * @param arpAllTargets IFLA_BOND_ARP_ALL_TARGETS
 * @param primaryIndex IFLA_BOND_PRIMARY: the primary port's ifindex, 0 for none
 * @param primaryReselect IFLA_BOND_PRIMARY_RESELECT
 * @param failOverMac IFLA_BOND_FAIL_OVER_MAC
 * @param xmitHashPolicy IFLA_BOND_XMIT_HASH_POLICY
 * @param resendIgmp IFLA_BOND_RESEND_IGMP
 * @param numPeerNotif IFLA_BOND_NUM_PEER_NOTIF
 * @param allSlavesActive IFLA_BOND_ALL_SLAVES_ACTIVE
 * @param minLinks IFLA_BOND_MIN_LINKS
 * @param lpInterval IFLA_BOND_LP_INTERVAL, s
 * @param packetsPerSlave IFLA_BOND_PACKETS_PER_SLAVE
 * @param lacpRate IFLA_BOND_AD_LACP_RATE: 0 slow, 1 fast
 * @param adSelect IFLA_BOND_AD_SELECT
 * @param adActorSysPrio IFLA_BOND_AD_ACTOR_SYS_PRIO
 * @param adUserPortKey IFLA_BOND_AD_USER_PORT_KEY
 * @param adActorSystem IFLA_BOND_AD_ACTOR_SYSTEM: a MAC, 6 bytes, or empty (all zero) for the bond's own
 * @param tlbDynamicLb IFLA_BOND_TLB_DYNAMIC_LB
 * @param peerNotifyDelay IFLA_BOND_PEER_NOTIF_DELAY, ms
 * @param adLacpActive IFLA_BOND_AD_LACP_ACTIVE
 * @param missedMax IFLA_BOND_MISSED_MAX
 */
public record BondInfo(int mode, int miimon, int updelay, int downdelay, boolean useCarrier, int arpInterval,
    List<byte[]> arpIpTargets, int arpValidate, int arpAllTargets, int primaryIndex, int primaryReselect,
    int failOverMac, int xmitHashPolicy, int resendIgmp, int numPeerNotif, int allSlavesActive, int minLinks,
    int lpInterval, int packetsPerSlave, int lacpRate, int adSelect, int adActorSysPrio, int adUserPortKey,
    byte[] adActorSystem, int tlbDynamicLb, int peerNotifyDelay, int adLacpActive, int missedMax)
    implements LinkInfo {
  public static final int BALANCE_RR = 0;
  public static final int ACTIVE_BACKUP = 1;
  public static final int BALANCE_XOR = 2;
  public static final int BROADCAST = 3;
  public static final int IEEE_802_3AD = 4;
  public static final int BALANCE_TLB = 5;
  public static final int BALANCE_ALB = 6;

  public BondInfo {
    arpIpTargets = arpIpTargets == null ? List.of() : arpIpTargets.stream().map(byte[]::clone).toList();
    adActorSystem = adActorSystem == null ? new byte[0] : adActorSystem.clone();
  }

  /** The kernel's defaults for a new bond in {@code mode} ({@code ip -d link show} of a fresh bond). */
  public static Builder builder(int mode) {
    return new Builder(mode);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  public String kind() {
    return "bond";
  }

  @Override
  public String module() {
    return "bonding";
  }

  @Override
  public List<byte[]> arpIpTargets() {
    return arpIpTargets.stream().map(byte[]::clone).toList();
  }

  @Override
  public byte[] adActorSystem() {
    return adActorSystem.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BondInfo b && mode == b.mode && miimon == b.miimon && updelay == b.updelay
        && downdelay == b.downdelay && useCarrier == b.useCarrier && arpInterval == b.arpInterval
        && sameTargets(arpIpTargets, b.arpIpTargets) && arpValidate == b.arpValidate
        && arpAllTargets == b.arpAllTargets && primaryIndex == b.primaryIndex && primaryReselect == b.primaryReselect
        && failOverMac == b.failOverMac && xmitHashPolicy == b.xmitHashPolicy && resendIgmp == b.resendIgmp
        && numPeerNotif == b.numPeerNotif && allSlavesActive == b.allSlavesActive && minLinks == b.minLinks
        && lpInterval == b.lpInterval && packetsPerSlave == b.packetsPerSlave && lacpRate == b.lacpRate
        && adSelect == b.adSelect && adActorSysPrio == b.adActorSysPrio && adUserPortKey == b.adUserPortKey
        && Arrays.equals(actorSystem(adActorSystem), actorSystem(b.adActorSystem)) && tlbDynamicLb == b.tlbDynamicLb
        && peerNotifyDelay == b.peerNotifyDelay && adLacpActive == b.adLacpActive && missedMax == b.missedMax;
  }

  @Override
  public int hashCode() {
    return Objects.hash(mode, miimon, updelay, downdelay, arpInterval, xmitHashPolicy, lacpRate, minLinks);
  }

  @Override
  public String toString() {
    var hex = HexFormat.of();
    return "BondInfo[mode=" + mode + " miimon=" + miimon + " updelay=" + updelay + " downdelay=" + downdelay
        + " useCarrier=" + useCarrier + " arpInterval=" + arpInterval + " arpIpTargets="
        + arpIpTargets.stream().map(hex::formatHex).toList() + " arpValidate=" + arpValidate + " arpAllTargets="
        + arpAllTargets + " primary=" + primaryIndex + " primaryReselect=" + primaryReselect + " failOverMac="
        + failOverMac + " xmitHashPolicy=" + xmitHashPolicy + " resendIgmp=" + resendIgmp + " numPeerNotif="
        + numPeerNotif + " allSlavesActive=" + allSlavesActive + " minLinks=" + minLinks + " lpInterval="
        + lpInterval + " packetsPerSlave=" + packetsPerSlave + " lacpRate=" + lacpRate + " adSelect=" + adSelect
        + " adActorSysPrio=" + adActorSysPrio + " adUserPortKey=" + adUserPortKey + " adActorSystem="
        + hex.formatHex(adActorSystem) + " tlbDynamicLb=" + tlbDynamicLb + " peerNotifyDelay=" + peerNotifyDelay
        + " adLacpActive=" + adLacpActive + " missedMax=" + missedMax + "]";
  }

  /** An all-zero actor system is the kernel's "use the bond's MAC", the same as none. */
  private static byte[] actorSystem(byte[] mac) {
    for (byte b : mac) {
      if (b != 0) {
        return mac;
      }
    }
    return new byte[0];
  }

  private static boolean sameTargets(List<byte[]> a, List<byte[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Builds a {@link BondInfo}; starts from the kernel's defaults. */
  public static final class Builder {
    private int mode;
    private int miimon = 100;
    private int updelay;
    private int downdelay;
    private boolean useCarrier = true;
    private int arpInterval;
    private List<byte[]> arpIpTargets = List.of();
    private int arpValidate;
    private int arpAllTargets;
    private int primaryIndex;
    private int primaryReselect;
    private int failOverMac;
    private int xmitHashPolicy;
    private int resendIgmp = 1;
    private int numPeerNotif = 1;
    private int allSlavesActive;
    private int minLinks;
    private int lpInterval = 1;
    private int packetsPerSlave = 1;
    private int lacpRate;
    private int adSelect;
    private int adActorSysPrio = 65535;
    private int adUserPortKey;
    private byte[] adActorSystem = new byte[0];
    private int tlbDynamicLb = 1;
    private int peerNotifyDelay;
    private int adLacpActive = 1;
    private int missedMax = 2;

    private Builder(int mode) {
      this.mode = mode;
    }

    private Builder(BondInfo b) {
      mode = b.mode;
      miimon = b.miimon;
      updelay = b.updelay;
      downdelay = b.downdelay;
      useCarrier = b.useCarrier;
      arpInterval = b.arpInterval;
      arpIpTargets = b.arpIpTargets;
      arpValidate = b.arpValidate;
      arpAllTargets = b.arpAllTargets;
      primaryIndex = b.primaryIndex;
      primaryReselect = b.primaryReselect;
      failOverMac = b.failOverMac;
      xmitHashPolicy = b.xmitHashPolicy;
      resendIgmp = b.resendIgmp;
      numPeerNotif = b.numPeerNotif;
      allSlavesActive = b.allSlavesActive;
      minLinks = b.minLinks;
      lpInterval = b.lpInterval;
      packetsPerSlave = b.packetsPerSlave;
      lacpRate = b.lacpRate;
      adSelect = b.adSelect;
      adActorSysPrio = b.adActorSysPrio;
      adUserPortKey = b.adUserPortKey;
      adActorSystem = b.adActorSystem;
      tlbDynamicLb = b.tlbDynamicLb;
      peerNotifyDelay = b.peerNotifyDelay;
      adLacpActive = b.adLacpActive;
      missedMax = b.missedMax;
    }

    public Builder mode(int v) { mode = v; return this; }
    public Builder miimon(int v) { miimon = v; return this; }
    public Builder updelay(int v) { updelay = v; return this; }
    public Builder downdelay(int v) { downdelay = v; return this; }
    public Builder useCarrier(boolean v) { useCarrier = v; return this; }
    public Builder arpInterval(int v) { arpInterval = v; return this; }
    public Builder arpIpTargets(List<byte[]> v) { arpIpTargets = v; return this; }
    public Builder arpValidate(int v) { arpValidate = v; return this; }
    public Builder arpAllTargets(int v) { arpAllTargets = v; return this; }
    public Builder primaryIndex(int v) { primaryIndex = v; return this; }
    public Builder primaryReselect(int v) { primaryReselect = v; return this; }
    public Builder failOverMac(int v) { failOverMac = v; return this; }
    public Builder xmitHashPolicy(int v) { xmitHashPolicy = v; return this; }
    public Builder resendIgmp(int v) { resendIgmp = v; return this; }
    public Builder numPeerNotif(int v) { numPeerNotif = v; return this; }
    public Builder allSlavesActive(int v) { allSlavesActive = v; return this; }
    public Builder minLinks(int v) { minLinks = v; return this; }
    public Builder lpInterval(int v) { lpInterval = v; return this; }
    public Builder packetsPerSlave(int v) { packetsPerSlave = v; return this; }
    public Builder lacpRate(int v) { lacpRate = v; return this; }
    public Builder adSelect(int v) { adSelect = v; return this; }
    public Builder adActorSysPrio(int v) { adActorSysPrio = v; return this; }
    public Builder adUserPortKey(int v) { adUserPortKey = v; return this; }
    public Builder adActorSystem(byte[] v) { adActorSystem = v; return this; }
    public Builder tlbDynamicLb(int v) { tlbDynamicLb = v; return this; }
    public Builder peerNotifyDelay(int v) { peerNotifyDelay = v; return this; }
    public Builder adLacpActive(int v) { adLacpActive = v; return this; }
    public Builder missedMax(int v) { missedMax = v; return this; }

    public BondInfo build() {
      return new BondInfo(mode, miimon, updelay, downdelay, useCarrier, arpInterval, arpIpTargets, arpValidate,
          arpAllTargets, primaryIndex, primaryReselect, failOverMac, xmitHashPolicy, resendIgmp, numPeerNotif,
          allSlavesActive, minLinks, lpInterval, packetsPerSlave, lacpRate, adSelect, adActorSysPrio,
          adUserPortKey, adActorSystem, tlbDynamicLb, peerNotifyDelay, adLacpActive, missedMax);
    }
  }
}
