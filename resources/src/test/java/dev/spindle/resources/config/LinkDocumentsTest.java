package dev.spindle.resources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.network.BondMode;
import dev.spindle.resources.network.HardwareAddr;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.IpPrefix;
import dev.spindle.resources.network.LacpRate;
import dev.spindle.resources.network.VlanProtocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The five link documents read into their records (Talos's examples, slightly extended). */
class LinkDocumentsTest {
  private static final String CONFIG = """
      apiVersion: v1alpha1
      kind: LinkConfig
      name: enp0s2
      mtu: 9000
      up: false
      multicast: true
      addresses:
        - address: 192.168.1.100/24
        - address: fd00::1/64
          routePriority: 100
      routes:
        - destination: 10.0.0.0/8
          gateway: 10.0.0.1
        - gateway: fe80::1
          metric: 1024
          table: "101"
      ---
      apiVersion: v1alpha1
      kind: BondConfig
      name: bond.int
      links: [enp1s2, enp1s3]
      bondMode: 802.3ad
      xmitHashPolicy: layer3+4
      lacpRate: slow
      miimon: 100
      updelay: 200
      downdelay: 200
      resendIGMP: 1
      packetsPerSlave: 1
      adActorSysPrio: 65535
      arpIpTargets: [10.15.0.1]
      hardwareAddr: 2e:3c:4d:5e:6f:70
      ---
      apiVersion: v1alpha1
      kind: BridgeConfig
      name: bridge.3
      links: [eno1, eno2]
      stp:
        enabled: true
      ---
      apiVersion: v1alpha1
      kind: VLANConfig
      name: enp0s3.34
      vlanID: 34
      vlanMode: 802.1ad
      parent: enp0s3
      ---
      apiVersion: v1alpha1
      kind: DummyLinkConfig
      name: dummy1
      """;

  @Test
  void everyLinkDocumentReadsIntoItsRecord() throws ConfigValidationException {
    MachineConfig config = MachineConfigParser.parse(CONFIG, "links.yaml");
    assertThat(config.documents(LinkDocument.class)).extracting(LinkDocument::name)
        .containsExactly("enp0s2", "bond.int", "bridge.3", "enp0s3.34", "dummy1");

    LinkConfig link = config.documents(LinkConfig.class).getFirst();
    assertThat(link.common().mtu()).isEqualTo(9000);
    assertThat(link.common().up()).isFalse();
    assertThat(link.common().upOrDefault()).isFalse();
    assertThat(link.common().multicast()).isTrue();
    assertThat(link.common().addresses()).containsExactly(
        new LinkAddressConfig(IpPrefix.parse("192.168.1.100/24"), null),
        new LinkAddressConfig(IpPrefix.parse("fd00::1/64"), 100));
    assertThat(link.common().routes()).containsExactly(
        new LinkRouteConfig(IpPrefix.parse("10.0.0.0/8"), IpAddr.parse("10.0.0.1"), null, 0, 0, ""),
        new LinkRouteConfig(null, IpAddr.parse("fe80::1"), null, 1024, 0, "101"));

    BondConfig bond = config.documents(BondConfig.class).getFirst();
    assertThat(bond.links()).containsExactly("enp1s2", "enp1s3");
    assertThat(bond.hardwareAddr()).isEqualTo(HardwareAddr.parse("2e:3c:4d:5e:6f:70"));
    assertThat(bond.settings().mode()).isEqualTo(BondMode.IEEE_802_3AD);
    assertThat(bond.settings().lacpRate()).isEqualTo(LacpRate.SLOW);
    assertThat(bond.settings().miimon()).isEqualTo(100);
    assertThat(bond.settings().adActorSysPrio()).isEqualTo(65535);
    assertThat(bond.settings().arpIpTargets()).containsExactly(IpAddr.parse("10.15.0.1"));
    assertThat(bond.settings().useCarrier()).isFalse();
    assertThat(bond.common().upOrDefault()).isTrue();

    BridgeConfig bridge = config.documents(BridgeConfig.class).getFirst();
    assertThat(bridge.links()).containsExactly("eno1", "eno2");
    assertThat(bridge.stpEnabled()).isTrue();
    assertThat(bridge.vlanFiltering()).isNull();

    VlanConfig vlan = config.documents(VlanConfig.class).getFirst();
    assertThat(vlan.vlanId()).isEqualTo(34);
    assertThat(vlan.parent()).isEqualTo("enp0s3");
    assertThat(vlan.modeOrDefault()).isEqualTo(VlanProtocol.IEEE_802_1AD);

    assertThat(config.documents(DummyLinkConfig.class).getFirst().common()).isEqualTo(CommonLinkConfig.EMPTY);
  }

  @Test
  void anUnsetVlanModeIs8021qAndAnUnsetUpMeansUp() throws ConfigValidationException {
    var vlan = MachineConfigParser.parse("apiVersion: v1alpha1\nkind: VLANConfig\nname: eth0.5\nvlanID: 5\n"
        + "parent: eth0\n", "vlan.yaml").documents(VlanConfig.class).getFirst();
    assertThat(vlan.vlanMode()).isNull();
    assertThat(vlan.modeOrDefault()).isEqualTo(VlanProtocol.IEEE_802_1Q);
    assertThat(vlan.common().upOrDefault()).isTrue();
    assertThat(List.of(vlan.kind())).containsExactly("VLANConfig");
  }

  @Test
  void an8023adBondWithoutTimersWarns() {
    var result = MachineConfigParser.check("apiVersion: v1alpha1\nkind: BondConfig\nname: bond0\nlinks: [eth0]\n"
        + "bondMode: 802.3ad\n", "bond.yaml");
    assertThat(result.valid()).isTrue();
    assertThat(result.warnings()).extracting(ConfigProblem::toString).containsExactly(
        "bond.yaml:5:1: document 1 (BondConfig): miimon: miimon was not specified for 802.3ad bond",
        "bond.yaml:5:1: document 1 (BondConfig): updelay: updelay was not specified for 802.3ad bond",
        "bond.yaml:5:1: document 1 (BondConfig): downdelay: downdelay was not specified for 802.3ad bond");
  }
}
