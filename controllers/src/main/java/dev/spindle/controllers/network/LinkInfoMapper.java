package dev.spindle.controllers.network;

import dev.spindle.platform.network.BondInfo;
import dev.spindle.platform.network.BridgeInfo;
import dev.spindle.platform.network.LinkInfo;
import dev.spindle.platform.network.VlanInfo;
import dev.spindle.platform.network.VrfInfo;
import dev.spindle.resources.TalosEnum;
import dev.spindle.resources.network.AdLacpActive;
import dev.spindle.resources.network.AdSelect;
import dev.spindle.resources.network.ArpAllTargets;
import dev.spindle.resources.network.ArpValidate;
import dev.spindle.resources.network.BondMasterSpec;
import dev.spindle.resources.network.BondMode;
import dev.spindle.resources.network.BondXmitHashPolicy;
import dev.spindle.resources.network.BridgeMasterSpec;
import dev.spindle.resources.network.BridgeVlanSpec;
import dev.spindle.resources.network.FailOverMac;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.LacpRate;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.PrimaryReselect;
import dev.spindle.resources.network.RoutingTable;
import dev.spindle.resources.network.StpSpec;
import dev.spindle.resources.network.VlanProtocol;
import dev.spindle.resources.network.VlanSpec;
import dev.spindle.resources.network.VrfMasterSpec;
import java.util.List;

/**
 * The kind sections of a {@link LinkStatus} ({@code vlan}, {@code bridgeMaster}, {@code bondMaster},
 * {@code vrfMaster}) from the kind
 * data rtnetlink reported ({@link LinkInfo}), as Talos's link status controller decodes {@code IFLA_INFO_DATA}. Pure.
 *
 * <p>A kernel number that Talos's enum has no name for (a newer kernel's hash policy, say) maps to the setting's
 * default (the enum's zero value; {@code on} for {@code adLacpActive}) rather than failing: one odd setting must not
 * cost the whole link its status. Kinds without a section here
 * (macvlan, vxlan) or whose section needs another source (veth: the peer; wireguard: the device) are left out.
 */
final class LinkInfoMapper {
  private LinkInfoMapper() {}

  /** Sets the section {@code info} belongs to; nothing for a null {@code info} or a kind without one. */
  static void fill(LinkStatus.Builder status, LinkInfo info) {
    switch (info) {
      case VlanInfo vlan -> status.vlan(vlan(vlan));
      case BridgeInfo bridge -> status.bridgeMaster(bridgeMaster(bridge));
      case BondInfo bond -> status.bondMaster(bondMaster(bond));
      case VrfInfo vrf -> status.vrfMaster(new VrfMasterSpec(RoutingTable.of(vrf.table())));
      case null, default -> {}
    }
  }

  static VlanSpec vlan(VlanInfo vlan) {
    return new VlanSpec(vlan.id(), named(VlanProtocol.class, vlan.protocol(), VlanProtocol.IEEE_802_1Q));
  }

  /** STP counts as enabled in either of the kernel's STP states (1 kernel, 2 user space), as Talos reads it. */
  static BridgeMasterSpec bridgeMaster(BridgeInfo bridge) {
    return new BridgeMasterSpec(new StpSpec(bridge.stpState() != 0), new BridgeVlanSpec(bridge.vlanFiltering()));
  }

  /**
   * The bond's settings in Talos's terms. The kernel reports a primary ({@code IFLA_BOND_PRIMARY}) only while one is
   * enslaved, so index 0 is "none" ({@code null}); it dumps the 802.3ad actor priority and port key only in 802.3ad
   * mode, so in the other modes they read 0 (omitted), as in Talos; no IPv6 NS targets are decoded.
   */
  static BondMasterSpec bondMaster(BondInfo b) {
    boolean lacp = b.mode() == BondInfo.IEEE_802_3AD;
    List<IpAddr> targets = b.arpIpTargets().stream().map(IpAddr::new).toList();
    return new BondMasterSpec(
        named(BondMode.class, b.mode(), BondMode.BALANCE_RR),
        named(BondXmitHashPolicy.class, b.xmitHashPolicy(), BondXmitHashPolicy.LAYER2),
        named(LacpRate.class, b.lacpRate(), LacpRate.SLOW),
        named(ArpValidate.class, b.arpValidate(), ArpValidate.NONE),
        named(ArpAllTargets.class, b.arpAllTargets(), ArpAllTargets.ANY),
        b.primaryIndex() == 0 ? null : b.primaryIndex(),
        named(PrimaryReselect.class, b.primaryReselect(), PrimaryReselect.ALWAYS),
        named(FailOverMac.class, b.failOverMac(), FailOverMac.NONE),
        named(AdSelect.class, b.adSelect(), AdSelect.STABLE),
        b.miimon(), b.updelay(), b.downdelay(), b.arpInterval(), b.resendIgmp(), b.minLinks(), b.lpInterval(),
        b.packetsPerSlave(), b.numPeerNotif(), b.tlbDynamicLb(), b.allSlavesActive(), b.useCarrier(),
        lacp ? b.adActorSysPrio() : 0, lacp ? b.adUserPortKey() : 0, b.peerNotifyDelay(), targets, List.of(),
        named(AdLacpActive.class, b.adLacpActive(), AdLacpActive.ON), b.missedMax(), "");
  }

  private static <E extends Enum<E> & TalosEnum> E named(Class<E> type, int number, E fallback) {
    for (E constant : type.getEnumConstants()) {
      if (constant.protoNumber() == number) {
        return constant;
      }
    }
    return fallback;
  }
}
