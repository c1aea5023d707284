package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;
import java.util.List;

/**
 * Settings of a link of kind {@code bond} (the IFLA_BOND_* attributes). {@code mode} through {@code failOverMac}
 * are always printed; the rest only when set, as in Talos. {@code primaryIndex} and {@code adLacpActive} are Go
 * pointers: {@code null} means "not reported", which differs from 0 and {@code off}. {@code primary} (the primary
 * slave by name) is only meaningful in a link spec; the kernel reports the index.
 */
public record BondMasterSpec(
    @ProtoField(1) BondMode mode,
    @ProtoField(2) BondXmitHashPolicy xmitHashPolicy,
    @ProtoField(3) LacpRate lacpRate,
    @ProtoField(4) ArpValidate arpValidate,
    @ProtoField(5) ArpAllTargets arpAllTargets,
    @ProtoField(6) @JsonInclude(JsonInclude.Include.NON_NULL) Integer primaryIndex,
    @ProtoField(7) PrimaryReselect primaryReselect,
    @ProtoField(8) FailOverMac failOverMac,
    @ProtoField(9) @OmitEmpty AdSelect adSelect,
    @ProtoField(10) @OmitEmpty int miimon,
    @ProtoField(11) @OmitEmpty int updelay,
    @ProtoField(12) @OmitEmpty int downdelay,
    @ProtoField(13) @OmitEmpty int arpInterval,
    @ProtoField(14) @OmitEmpty int resendIgmp,
    @ProtoField(15) @OmitEmpty int minLinks,
    @ProtoField(16) @OmitEmpty int lpInterval,
    @ProtoField(17) @OmitEmpty int packetsPerSlave,
    @ProtoField(18) @OmitEmpty int numPeerNotif,
    @ProtoField(19) @OmitEmpty int tlbLogicalLb,
    @ProtoField(20) @OmitEmpty int allSlavesActive,
    @ProtoField(21) @OmitEmpty boolean useCarrier,
    @ProtoField(22) @OmitEmpty int adActorSysPrio,
    @ProtoField(23) @OmitEmpty int adUserPortKey,
    @ProtoField(24) @OmitEmpty int peerNotifyDelay,
    @ProtoField(25) @OmitEmpty List<IpAddr> arpIpTargets,
    @ProtoField(26) @OmitEmpty List<IpAddr> nsIp6Targets,
    @ProtoField(27) @JsonInclude(JsonInclude.Include.NON_NULL) AdLacpActive adLacpActive,
    @ProtoField(28) @OmitEmpty int missedMax,
    @ProtoField(29) @OmitEmpty String primary) {
  /** Absent enums read as Go's zero value, so a decoded spec equals the one that was printed. */
  public BondMasterSpec {
    mode = mode == null ? BondMode.BALANCE_RR : mode;
    xmitHashPolicy = xmitHashPolicy == null ? BondXmitHashPolicy.LAYER2 : xmitHashPolicy;
    lacpRate = lacpRate == null ? LacpRate.SLOW : lacpRate;
    arpValidate = arpValidate == null ? ArpValidate.NONE : arpValidate;
    arpAllTargets = arpAllTargets == null ? ArpAllTargets.ANY : arpAllTargets;
    primaryReselect = primaryReselect == null ? PrimaryReselect.ALWAYS : primaryReselect;
    failOverMac = failOverMac == null ? FailOverMac.NONE : failOverMac;
    adSelect = adSelect == null ? AdSelect.STABLE : adSelect;
    arpIpTargets = arpIpTargets == null ? List.of() : List.copyOf(arpIpTargets);
    nsIp6Targets = nsIp6Targets == null ? List.of() : List.copyOf(nsIp6Targets);
    primary = primary == null ? "" : primary;
  }
}
