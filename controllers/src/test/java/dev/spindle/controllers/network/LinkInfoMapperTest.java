package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.platform.network.Arphrd;
import dev.spindle.platform.network.BondInfo;
import dev.spindle.platform.network.BridgeInfo;
import dev.spindle.platform.network.LinkInfo;
import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.network.MacvlanInfo;
import dev.spindle.platform.network.VlanInfo;
import dev.spindle.platform.network.VrfInfo;
import dev.spindle.platform.network.VxlanInfo;
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
import dev.spindle.runtime.codec.ResourceYaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kind sections of a link status, per kind, from hand-made kind data as rtnetlink reports it. */
class LinkInfoMapperTest {
  private static LinkStatus status(String kind, LinkInfo info) {
    return LinkStatusMapper.map(LinkMessage.builder(7, "x0").type(Arphrd.ETHER).kind(kind).info(info).build());
  }

  @Test
  void aVlanShowsItsIdAndProtocol() {
    var cases = Map.of(
        VlanInfo.of(25), new VlanSpec(25, VlanProtocol.IEEE_802_1Q),
        new VlanInfo(4094, VlanInfo.P_8021AD), new VlanSpec(4094, VlanProtocol.IEEE_802_1AD),
        new VlanInfo(7, 0x9100), new VlanSpec(7, VlanProtocol.IEEE_802_1Q));
    cases.forEach((info, expected) -> {
      LinkStatus s = status("vlan", info);
      assertThat(s.vlan()).as(info.toString()).isEqualTo(expected);
      assertThat(s.bridgeMaster()).isNull();
      assertThat(s.bondMaster()).isNull();
    });
  }

  @Test
  void aBridgeShowsStpAndVlanFiltering() {
    var cases = Map.of(
        new BridgeInfo(1, false), new BridgeMasterSpec(new StpSpec(true), new BridgeVlanSpec(false)),
        new BridgeInfo(2, true), new BridgeMasterSpec(new StpSpec(true), new BridgeVlanSpec(true)),
        new BridgeInfo(0, true), new BridgeMasterSpec(new StpSpec(false), new BridgeVlanSpec(true)));
    cases.forEach((info, expected) ->
        assertThat(status("bridge", info).bridgeMaster()).as(info.toString()).isEqualTo(expected));
    assertThat(status("bridge", new BridgeInfo(0, false)).bridgeMaster())
        .as("all off is Go's zero value, which Talos leaves out").isNull();
  }

  @Test
  void an802_3adBondShowsEverySettingWithTalosNames() {
    BondInfo bond = BondInfo.builder(BondInfo.IEEE_802_3AD).xmitHashPolicy(4).lacpRate(1).arpValidate(3)
        .arpAllTargets(1).primaryIndex(3).primaryReselect(1).failOverMac(2).adSelect(2).miimon(33).updelay(99)
        .downdelay(198).arpInterval(10).arpIpTargets(List.of(new byte[] {(byte) 192, 0, 2, 1})).resendIgmp(30)
        .minLinks(1).lpInterval(3).packetsPerSlave(4).numPeerNotif(4).tlbDynamicLb(1).allSlavesActive(1)
        .useCarrier(true).adActorSysPrio(6).adUserPortKey(7).peerNotifyDelay(33).adLacpActive(0).missedMax(3)
        .build();
    assertThat(status("bond", bond).bondMaster()).isEqualTo(new BondMasterSpec(BondMode.IEEE_802_3AD,
        BondXmitHashPolicy.ENCAP3_4, LacpRate.FAST, ArpValidate.ALL, ArpAllTargets.ALL, 3, PrimaryReselect.BETTER,
        FailOverMac.FOLLOW, AdSelect.COUNT, 33, 99, 198, 10, 30, 1, 3, 4, 4, 1, 1, true, 6, 7, 33,
        List.of(IpAddr.parse("192.0.2.1")), List.of(), AdLacpActive.OFF, 3, ""));
  }

  @Test
  void aFreshActiveBackupBondShowsTheKernelDefaultsAndNoActorSettings() {
    BondMasterSpec spec = status("bond", BondInfo.builder(BondInfo.ACTIVE_BACKUP).build()).bondMaster();
    assertThat(spec.mode()).isEqualTo(BondMode.ACTIVE_BACKUP);
    assertThat(spec.primaryIndex()).as("no primary enslaved: IFLA_BOND_PRIMARY absent").isNull();
    assertThat(spec.miimon()).isEqualTo(100);
    assertThat(spec.adActorSysPrio()).as("dumped only in 802.3ad mode").isZero();
    assertThat(spec.adUserPortKey()).isZero();
    assertThat(spec.adLacpActive()).isEqualTo(AdLacpActive.ON);
    assertThat(spec.useCarrier()).isTrue();
    assertThat(spec.resendIgmp()).isEqualTo(1);
    assertThat(spec.missedMax()).isEqualTo(2);
    assertThat(ResourceYaml.encodeSpec(spec)).startsWith("""
        mode: active-backup
        xmitHashPolicy: layer2
        lacpRate: slow
        arpValidate: none
        arpAllTargets: any
        primaryReselect: always
        failOverMac: none
        miimon: 100
        """);
  }

  @Test
  void aKernelNumberTalosHasNoNameForReadsAsTheDefault() {
    BondMasterSpec spec = status("bond", BondInfo.builder(BondInfo.BALANCE_XOR).xmitHashPolicy(5).arpValidate(9)
        .build()).bondMaster();
    assertThat(spec.mode()).isEqualTo(BondMode.BALANCE_XOR);
    assertThat(spec.xmitHashPolicy()).as("vlan+srcmac (5) is newer than Talos's names")
        .isEqualTo(BondXmitHashPolicy.LAYER2);
    assertThat(spec.arpValidate()).isEqualTo(ArpValidate.NONE);
  }

  @Test
  void aVrfShowsItsTable() {
    assertThat(status("vrf", new VrfInfo(123)).vrfMaster()).isEqualTo(new VrfMasterSpec(RoutingTable.of(123)));
    assertThat(ResourceYaml.encodeSpec(status("vrf", new VrfInfo(123)))).contains("vrfMaster:\n    table: \"123\"\n");
  }

  @Test
  void kindsWithoutASectionAndLinksWithoutKindDataHaveNone() {
    for (LinkStatus s : List.of(status("macvlan", new MacvlanInfo(MacvlanInfo.BRIDGE)),
        status("vxlan", VxlanInfo.of(42, 4789)), status("bond", null), status("", null))) {
      assertThat(s.vlan()).isNull();
      assertThat(s.bridgeMaster()).isNull();
      assertThat(s.bondMaster()).isNull();
      assertThat(s.vrfMaster()).isNull();
    }
  }
}
