package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.Devices.interfaces;
import static dev.spindle.controllers.network.Links.ether;
import static dev.spindle.controllers.network.Links.link;
import static dev.spindle.controllers.network.MachineConfigs.cmdline;
import static dev.spindle.controllers.network.MachineConfigs.documents;
import static dev.spindle.controllers.network.MachineConfigs.resource;
import static dev.spindle.controllers.network.MachineConfigs.v1alpha1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.config.BondConfig;
import dev.spindle.resources.config.BridgeConfig;
import dev.spindle.resources.config.CommonLinkConfig;
import dev.spindle.resources.config.LinkConfig;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.config.VlanConfig;
import dev.spindle.resources.config.WireguardConfig;
import dev.spindle.resources.config.WireguardPeerConfig;
import dev.spindle.resources.network.BondMasterSpec;
import dev.spindle.resources.network.BondMode;
import dev.spindle.resources.network.BondSlave;
import dev.spindle.resources.network.BridgeSlave;
import dev.spindle.resources.network.IpPrefix;
import dev.spindle.resources.network.LinkSpec;
import dev.spindle.resources.network.LinkType;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.VlanProtocol;
import dev.spindle.resources.network.VlanSpec;
import dev.spindle.resources.network.WireguardPeer;
import dev.spindle.resources.network.WireguardSpec;
import dev.spindle.runtime.resource.ResourceQuery;
import dev.spindle.runtime.testing.ControllerHarness;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Talos's {@code link_config_test.go} vectors (§7.8, §2.6, §6.2 of the reference) through the running stage. */
class LinkConfigControllerTest {
  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new DeviceConfigController(), new LinkConfigController());

  private List<String> ids() {
    return h.state().list(LinkSpec.DEFINITION.kind(Namespaces.NETWORK_CONFIG), ResourceQuery.ALL).stream()
        .map(r -> r.metadata().id()).toList();
  }

  private void awaitIds(String... ids) {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ids()).containsExactlyInAnyOrder(ids));
  }

  private LinkSpec spec(String id) {
    return LinkSpec.DEFINITION.cast(h.state().get(LinkSpec.DEFINITION.pointer(Namespaces.NETWORK_CONFIG, id))).spec();
  }

  private void fiveLinks(String eth5AltName) {
    h.create(link("eth1", ether()));
    h.create(link("eth2", ether()));
    h.create(link("eth3", ether()));
    h.create(link("eth4", ether()));
    h.create(link("eth5", ether().altNames(List.of(eth5AltName))));
  }

  @Test
  void defaultUpSkipsIgnoredConfiguredAndBondedLinks() {
    fiveLinks("enp0s2");
    h.create(cmdline("talos.network.interface.ignore=eth2"));
    h.create(resource(v1alpha1(interfaces(
        "{\"interface\": \"eth0\", \"vlans\": [{\"vlanId\": 24, \"mtu\": 1000}, {\"vlanId\": 48}]}",
        "{\"interface\": \"bond0\", \"bond\": {\"interfaces\": [\"eth3\", \"eth4\"], \"mode\": \"balance-xor\"}}"),
        null)));
    awaitIds("default/lo", "default/eth1", "default/eth5", "configuration/eth0", "configuration/eth0.24",
        "configuration/eth0.48", "configuration/bond0", "configuration/eth3", "configuration/eth4");

    assertThat(spec("default/eth1")).isEqualTo(LinkSpec.builder("eth1", ConfigLayer.DEFAULT).up(true).build());
    assertThat(spec("configuration/eth0.24")).isEqualTo(LinkSpec.builder("eth0.24", ConfigLayer.CONFIGURATION)
        .logical(true).up(true).mtu(1000).kind("vlan").type(LinkType.ETHER).parentName("eth0")
        .vlan(new VlanSpec(24, VlanProtocol.IEEE_802_1Q)).build());
    assertThat(spec("configuration/eth0.48").mtu()).isZero();
    assertThat(spec("configuration/eth0.48").vlan().vlanId()).isEqualTo(48);
    assertThat(spec("configuration/eth3").bondSlave()).isEqualTo(new BondSlave("bond0", 0));
    assertThat(spec("configuration/eth4").bondSlave()).isEqualTo(new BondSlave("bond0", 1));
    LinkSpec bond = spec("configuration/bond0");
    assertThat(bond.logical()).isTrue();
    assertThat(bond.kind()).isEqualTo("bond");
    assertThat(bond.bondMaster().mode()).isEqualTo(BondMode.BALANCE_XOR);
    assertThat(bond.bondMaster().useCarrier()).isTrue();
    assertThat(bond.bondMaster().missedMax()).isEqualTo(2);
  }

  @Test
  void withoutConfigEveryPhysicalLinkIsUpUntilALinkDocumentArrives() {
    fiveLinks("eth0");
    h.create(link("bond7", ether().kind("bond")));
    awaitIds("default/lo", "default/eth1", "default/eth2", "default/eth3", "default/eth4", "default/eth5");

    h.create(resource(documents(new LinkConfig("enp0s2", new CommonLinkConfig(null, 9001, null, null, null)))));
    awaitIds("default/lo", "configuration/enp0s2");
    assertThat(spec("configuration/enp0s2")).isEqualTo(LinkSpec.builder("enp0s2", ConfigLayer.CONFIGURATION)
        .up(true).mtu(9001).build());
  }

  @Test
  void bondSelectorsMakeEveryMatchedLinkAMember() {
    h.create(link("eth6", ether().driver("somekerneldriver")));
    h.create(link("eth7", ether().driver("somekerneldriver")));
    h.create(resource(v1alpha1(interfaces("{\"interface\": \"bond1\", \"bond\": {\"mode\": \"balance-xor\","
        + " \"deviceSelectors\": [{\"driver\": \"somekerneldriver\"}]}}"), null)));
    awaitIds("default/lo", "configuration/bond1", "configuration/eth6", "configuration/eth7");
    assertThat(spec("configuration/eth6").bondMasterName()).isEqualTo("bond1");
    assertThat(spec("configuration/eth7").bondSlave()).isEqualTo(new BondSlave("bond1", 1));
    LinkSpec bond = spec("configuration/bond1");
    assertThat(bond.logical()).isTrue();
    assertThat(bond.kind()).isEqualTo("bond");
    assertThat(bond.bondMaster().mode()).isEqualTo(BondMode.BALANCE_XOR);
    assertThat(bond.bondMaster().useCarrier()).isTrue();
  }

  @Test
  void aLegacyBridgeMakesItsInterfacesPortsAndIgnoredEntriesContributeNothing() {
    h.create(resource(v1alpha1(interfaces(
        "{\"interface\": \"br0\", \"mtu\": 9000, \"bridge\": {\"interfaces\": [\"eth1\", \"eth2\"],"
            + " \"stp\": {\"enabled\": true}}}",
        "{\"interface\": \"eth9\", \"ignore\": true, \"mtu\": 1400}",
        "{\"interface\": \"dummy0\", \"dummy\": true}"), null)));
    h.create(cmdline("ip=eth9:dhcp"));
    awaitIds("default/lo", "configuration/br0", "configuration/eth1", "configuration/eth2", "configuration/dummy0");
    LinkSpec bridge = spec("configuration/br0");
    assertThat(bridge.kind()).isEqualTo("bridge");
    assertThat(bridge.mtu()).isEqualTo(9000);
    assertThat(bridge.bridgeMaster().stp().enabled()).isTrue();
    assertThat(spec("configuration/eth1").bridgeSlave()).isEqualTo(new BridgeSlave("br0"));
    assertThat(spec("configuration/dummy0").kind()).isEqualTo("dummy");
    assertThat(spec("configuration/dummy0").logical()).isTrue();
  }

  @Test
  void theCmdlineLayerHasIpAndVlanLinksResolvedThroughAliases() {
    h.create(link("eth31", ether().altNames(List.of("enxa"))));
    h.create(cmdline("ip=172.20.0.2::172.20.0.1:255.255.255.0::enxa.4095::::: vlan=vlan4095:enxa"));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ids()).contains("cmdline/enxa.4095"));
    assertThat(spec("cmdline/enxa.4095")).isEqualTo(LinkSpec.builder("enxa.4095", ConfigLayer.CMDLINE)
        .logical(true).up(true).kind("vlan").type(LinkType.ETHER).parentName("eth31")
        .vlan(new VlanSpec(4095, VlanProtocol.IEEE_802_1Q)).build());
    assertThat(ids()).doesNotContain("cmdline/eth31");

    h.updateSpec(dev.spindle.resources.runtime.KernelCmdline.DEFINITION, dev.spindle.resources.runtime.KernelCmdline.ID,
        new dev.spindle.resources.runtime.KernelCmdline("vlan=eth1.0:eth1"));
    awaitIds("default/lo", "default/eth31");
  }

  @Test
  void linkDocumentsBuildBondsBridgesAndVlansOnResolvedNames() {
    h.create(link("eth0", ether().altNames(List.of("enp0s3"))));
    var bondSettings = new BondMasterSpec(BondMode.ACTIVE_BACKUP, null, null, null, null, null, null, null, null, 100,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, 0, 0, 0, null, null, null, 0, "enp0s3");
    MachineConfig config = documents(
        new BondConfig("bond0", null, List.of("enp0s3", "eth1"), bondSettings, CommonLinkConfig.EMPTY),
        new BridgeConfig("br0", null, List.of("eth2"), true, null,
            new CommonLinkConfig(false, 1400, null, null, true)),
        new VlanConfig("bond0.10", 10, VlanProtocol.IEEE_802_1AD, "bond0", CommonLinkConfig.EMPTY));
    h.create(resource(config));
    awaitIds("default/lo", "configuration/bond0", "configuration/eth0", "configuration/eth1", "configuration/br0",
        "configuration/eth2", "configuration/bond0.10");
    LinkSpec bond = spec("configuration/bond0");
    assertThat(bond.up()).isTrue();
    assertThat(bond.bondMaster().primary()).as("resolved through the altname").isEqualTo("eth0");
    assertThat(bond.bondMaster().miimon()).isEqualTo(100);
    assertThat(bond.bondMaster().resendIgmp()).as("the kernel's default").isEqualTo(1);
    assertThat(spec("configuration/eth0").bondSlave()).isEqualTo(new BondSlave("bond0", 0));
    assertThat(spec("configuration/eth1").bondSlave()).isEqualTo(new BondSlave("bond0", 1));
    LinkSpec bridge = spec("configuration/br0");
    assertThat(bridge.up()).isFalse();
    assertThat(bridge.mtu()).isEqualTo(1400);
    assertThat(bridge.multicast()).isTrue();
    assertThat(bridge.bridgeMaster().stp().enabled()).isTrue();
    assertThat(spec("configuration/eth2").bridgeSlave()).isEqualTo(new BridgeSlave("br0"));
    LinkSpec vlan = spec("configuration/bond0.10");
    assertThat(vlan.parentName()).isEqualTo("bond0");
    assertThat(vlan.vlan()).isEqualTo(new VlanSpec(10, VlanProtocol.IEEE_802_1AD));
    assertThat(ids()).as("link documents end the default-up of physical links").doesNotContain("default/eth0");
  }

  @Test
  void aLegacyWireguardSectionMakesAWireguardLink() {
    // C/link_config_test.go: wireguard0 with privateKey ABC and one peer (§6.2)
    h.create(resource(v1alpha1(interfaces("{\"interface\": \"wireguard0\", \"wireguard\": {\"privateKey\": \"ABC\","
        + " \"peers\": [{\"publicKey\": \"DEF\", \"endpoint\": \"10.0.0.1:3000\","
        + " \"allowedIPs\": [\"10.2.3.0/24\", \"10.2.4.0/24\"]}]}}"), null)));
    awaitIds("default/lo", "configuration/wireguard0");
    assertThat(spec("configuration/wireguard0")).isEqualTo(LinkSpec.builder("wireguard0", ConfigLayer.CONFIGURATION)
        .up(true).logical(true).type(LinkType.NONE).kind("wireguard").wireguard(new WireguardSpec("ABC", "", 0, 0,
            List.of(new WireguardPeer("DEF", "", "10.0.0.1:3000", Duration.ZERO,
                List.of(IpPrefix.parse("10.2.3.0/24"), IpPrefix.parse("10.2.4.0/24")))))).build());
  }

  @Test
  void aWireguardConfigDocumentMakesAWireguardLink() {
    // Talos's wireguardLink: as the legacy form, with the preshared key; endpoint "" and keepalive 0 when unset
    String priv = "GA1E1VB+g41Dl0+UH2TMW9C5953y+moVg6JIIqkJbmw=";
    String psk = "6j4UMxwszrHVZZUjY8/SFsZMjgaHkxV7yp9Tz05btho=";
    var first = new WireguardPeerConfig("735jkJdcVDninU5PzLJ/S+bfN6Q3QOk6svWrVLMJQAk=", "", "", null,
        List.of(IpPrefix.parse("192.168.1.0/24")));
    var second = new WireguardPeerConfig("uvdlJNva1X8/OCOZM+0gGT4Yu9x20odd3AWbbQUF7nM=", psk, "10.3.4.3:2222",
        Duration.ofSeconds(5), List.of(IpPrefix.parse("fd00::2/128")));
    h.create(link("eth0", ether()));
    h.create(resource(documents(new WireguardConfig("wg.int", priv, 5042, 176, List.of(first, second),
        new CommonLinkConfig(null, 1420, List.of(), List.of(), null)))));
    awaitIds("default/lo", "configuration/wg.int");
    assertThat(spec("configuration/wg.int")).isEqualTo(LinkSpec.builder("wg.int", ConfigLayer.CONFIGURATION)
        .up(true).mtu(1420).logical(true).type(LinkType.NONE).kind("wireguard").wireguard(new WireguardSpec(priv, "",
            5042, 176, List.of(
                new WireguardPeer(first.publicKey(), "", "", Duration.ZERO, first.allowedIps()),
                new WireguardPeer(second.publicKey(), psk, "10.3.4.3:2222", Duration.ofSeconds(5),
                    second.allowedIps())))).build());
    assertThat(ids()).as("a WireguardConfig is a link document: no default-up of physical links")
        .doesNotContain("default/eth0");
  }

  @Test
  void aWireguardConfigThatIsDownStaysDown() {
    h.create(resource(documents(new WireguardConfig("wg0", "GA1E1VB+g41Dl0+UH2TMW9C5953y+moVg6JIIqkJbmw=", 0, 0,
        List.of(), new CommonLinkConfig(false, 0, List.of(), List.of(), null)))));
    awaitIds("default/lo", "configuration/wg0");
    LinkSpec wg = spec("configuration/wg0");
    assertThat(wg.up()).isFalse();
    assertThat(wg.kind()).isEqualTo("wireguard");
    assertThat(wg.wireguard().listenPort()).isZero();
  }
}
