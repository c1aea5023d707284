package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.network.BondMasterSpec;
import dev.spindle.resources.network.BondMode;
import dev.spindle.resources.network.HardwareAddr;
import dev.spindle.resources.network.IpPrefix;
import dev.spindle.resources.network.LinkSpec;
import dev.spindle.resources.network.LinkType;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.WireguardPeer;
import dev.spindle.resources.network.WireguardSpec;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.testing.ControllerHarness;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Talos's link merge (§6.3): the pure fold as a table, and Talos's {@code link_merge_test.go} through the stage. */
class LinkMergeTest {
  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(LinkMerge.controller());

  private static final String PRIV = "KIT4Pe7jFbCnH+ZMwsqsIbX2xiTdmemQU9w9sYItqXY=";
  private static final String PUB1 = "VHlgUWcakWcZyrtKI476PJSdoINTc1G5PYO1SEkr4FQ=";
  private static final String PUB2 = "EiBteTHU1Dk3w9CYJtHFaSgkuZBVBZLEa+Y07xu+xno=";

  private static Resource<LinkSpec> cfg(LinkSpec spec) {
    return Resource.of(LinkSpec.DEFINITION, Namespaces.NETWORK_CONFIG, spec.layeredId(), spec);
  }

  private static Map<String, LinkSpec> merge(LinkSpec... specs) {
    return new LinkMerge().merge(List.of(specs).stream().map(LinkMergeTest::cfg)
        .sorted(Comparator.comparing(Resource::id)).toList());
  }

  private static WireguardPeer peer(String key, String endpoint) {
    return new WireguardPeer(key, "", endpoint, Duration.ZERO, List.of());
  }

  @Test
  void higherLayersOverrideOnlyTheFieldsTheySet() {
    LinkSpec dhcp = LinkSpec.builder("eth0", ConfigLayer.OPERATOR).mtu(1450).build();
    LinkSpec def = LinkSpec.builder("eth0", ConfigLayer.DEFAULT).up(true).multicast(true).build();
    LinkSpec conf = LinkSpec.builder("eth0", ConfigLayer.CONFIGURATION).mtu(1500)
        .hardwareAddr(HardwareAddr.parse("02:00:00:00:00:01")).multicast(false).build();
    assertThat(merge(dhcp, def, conf)).containsExactly(Map.entry("eth0", LinkSpec.builder("eth0",
        ConfigLayer.CONFIGURATION).up(true).mtu(1500).hardwareAddr(HardwareAddr.parse("02:00:00:00:00:01"))
        .multicast(true).build()));
    assertThat(merge(dhcp, def).get("eth0").mtu()).isEqualTo(1450);
    assertThat(merge(def, conf).get("eth0").multicast()).as("multicast is not merged, as in Talos").isTrue();
  }

  @Test
  void aPlatformBondKeepsItsKindUnderAConfigurationMtu() {
    var bond = new BondMasterSpec(BondMode.IEEE_802_3AD, null, null, null, null, null, null, null, null, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, false, 0, 0, 0, null, null, null, 0, null);
    LinkSpec platform = LinkSpec.builder("bond0", ConfigLayer.PLATFORM).logical(true).up(true).kind("bond")
        .type(LinkType.ETHER).bondMaster(bond).build();
    LinkSpec config = LinkSpec.builder("bond0", ConfigLayer.CONFIGURATION).up(true).mtu(1450).build();
    LinkSpec merged = merge(platform, config).get("bond0");
    assertThat(merged.logical()).isTrue();
    assertThat(merged.mtu()).isEqualTo(1450);
    assertThat(merged.kind()).isEqualTo("bond");
    assertThat(merged.bondMaster()).isEqualTo(bond);
    assertThat(merged.layer()).isEqualTo(ConfigLayer.CONFIGURATION);
  }

  @Test
  void wireguardMergesFieldByFieldAndTheLowerLayersPeerWins() {
    // R/link_test.go: {priv, fwmark 34, [pub1 keepalive 1s]} + {port 456, [pub1 @127.0.0.1:466, pub2 @…3445]}
    var keepalive = new WireguardPeer(PUB1, "", "", Duration.ofSeconds(1), List.of());
    LinkSpec low = LinkSpec.builder("wg0", ConfigLayer.PLATFORM)
        .wireguard(new WireguardSpec(PRIV, "", 0, 34, List.of(keepalive))).build();
    LinkSpec high = LinkSpec.builder("wg0", ConfigLayer.CONFIGURATION).wireguard(new WireguardSpec("", "", 456, 0,
        List.of(peer(PUB1, "127.0.0.1:466"), peer(PUB2, "127.0.0.1:3445")))).build();
    assertThat(merge(low, high).get("wg0").wireguard()).isEqualTo(new WireguardSpec(PRIV, "", 456, 34,
        List.of(keepalive, peer(PUB2, "127.0.0.1:3445"))));
    assertThat(merge(low).get("wg0").wireguard()).as("zero other keeps the spec").isEqualTo(low.wireguard());
    LinkSpec none = LinkSpec.builder("wg0", ConfigLayer.DEFAULT).build();
    assertThat(merge(none, high).get("wg0").wireguard()).as("zero spec takes the other").isEqualTo(high.wireguard());
  }

  @Test
  void kubespanListenPortComesFromTheConfigurationLayer() {
    // C/link_merge_test.go TestMergeWireguard
    LinkSpec configuration = LinkSpec.builder("kubespan", ConfigLayer.CONFIGURATION).wireguard(new WireguardSpec(
        "", "", 1234, 0, List.of(peer("bGsc2rOpl6JHd/Pm4fYrIkEABL0ZxW7IlaSyh77IMhw=", "127.0.0.1:9999")))).build();
    LinkSpec operator = LinkSpec.builder("kubespan", ConfigLayer.OPERATOR).wireguard(new WireguardSpec(
        "IG9MqCII7z54Ysof1fQ9a7WcMNG+qNJRMyRCQz3JTUY=", "", 3456,
        0, List.of(peer("RXdQkMTD1Jcxd/Wizr9k8syw8ANs57l5jTormDVHAVs=", "127.0.0.1:1234")))).build();
    WireguardSpec wg = merge(configuration, operator).get("kubespan").wireguard();
    assertThat(wg.privateKey()).isEqualTo("IG9MqCII7z54Ysof1fQ9a7WcMNG+qNJRMyRCQz3JTUY=");
    assertThat(wg.listenPort()).isEqualTo(1234);
    assertThat(wg.peers()).extracting(WireguardPeer::endpoint).containsExactly("127.0.0.1:1234", "127.0.0.1:9999");
  }

  @Test
  void theStageFoldsLayersAndFollowsDeletions() {
    // C/link_merge_test.go TestMerge
    LinkSpec lo = LinkSpec.builder("lo", ConfigLayer.DEFAULT).up(true).build();
    h.create(cfg(lo));
    h.create(Resource.of(LinkSpec.DEFINITION, Namespaces.NETWORK_CONFIG, "dhcp/eth0",
        LinkSpec.builder("eth0", ConfigLayer.OPERATOR).mtu(1450).build()));
    h.create(cfg(LinkSpec.builder("eth0", ConfigLayer.CONFIGURATION).mtu(1500).build()));
    h.awaitSpec(LinkSpec.DEFINITION, "lo", s -> assertThat(s).isEqualTo(lo));
    h.awaitSpec(LinkSpec.DEFINITION, "eth0", s -> assertThat(s.mtu()).isEqualTo(1500));

    h.destroy(LinkSpec.DEFINITION.pointer(Namespaces.NETWORK_CONFIG, "configuration/eth0"));
    h.awaitSpec(LinkSpec.DEFINITION, "eth0", s -> {
      assertThat(s.mtu()).isEqualTo(1450);
      assertThat(s.layer()).isEqualTo(ConfigLayer.OPERATOR);
    });
    h.destroy(LinkSpec.DEFINITION.pointer(Namespaces.NETWORK_CONFIG, "default/lo"));
    h.awaitNoResource(LinkSpec.DEFINITION.pointer("lo"));
  }

  @Test
  void allowedIpsOfAPeerSurviveTheMerge() {
    var withIps = new WireguardPeer(PUB1, "", "", Duration.ZERO, List.of(IpPrefix.parse("10.2.0.0/16")));
    LinkSpec only = LinkSpec.builder("wg1", ConfigLayer.CONFIGURATION)
        .wireguard(new WireguardSpec(PRIV, "", 0, 0, List.of(withIps))).build();
    assertThat(merge(only).get("wg1").wireguard().peers()).containsExactly(withIps);
  }

  private static WireguardSpec wg(String priv, int port, int mark, WireguardPeer... peers) {
    return new WireguardSpec(priv, "", port, mark, List.of(peers));
  }

  /** {@code WireguardSpec.Merge}'s table (R/link_test.go), each row through a two-layer link merge. */
  static Stream<Arguments> wireguardMergeTable() {
    WireguardSpec zero = null;
    var pub1 = peer(PUB1, "");
    var pub2 = peer(PUB2, "127.0.0.1:3445");
    var pub1Keepalive = new WireguardPeer(PUB1, "", "", Duration.ofSeconds(1), List.of());
    return Stream.of(
        Arguments.of("zero + zero", zero, zero, zero),
        Arguments.of("zero + other", zero, wg("", 456, 0, pub2), wg("", 456, 0, pub2)),
        Arguments.of("spec + zero", wg(PRIV, 0, 34, pub1), zero, wg(PRIV, 0, 34, pub1)),
        Arguments.of("disjoint peers", wg(PRIV, 0, 34, pub1), wg("", 456, 0, pub2), wg(PRIV, 456, 34, pub1, pub2)),
        Arguments.of("the lower layer's peer wins", wg(PRIV, 0, 34, pub1Keepalive),
            wg("", 456, 0, peer(PUB1, "127.0.0.1:466"), pub2), wg(PRIV, 456, 34, pub1Keepalive, pub2)),
        Arguments.of("a set private key, port and mark override", wg(PRIV, 1, 2, pub1), wg(PUB2, 3, 4),
            wg(PUB2, 3, 4, pub1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wireguardMergeTable")
  void wireguardMergeTable(String name, WireguardSpec spec, WireguardSpec other, WireguardSpec expected) {
    LinkSpec low = LinkSpec.builder("wg0", ConfigLayer.PLATFORM).wireguard(spec).build();
    LinkSpec high = LinkSpec.builder("wg0", ConfigLayer.CONFIGURATION).wireguard(other).build();
    LinkSpec merged = merge(low, high).get("wg0");
    assertThat(merged.wireguard()).isEqualTo(expected);
    assertThat(merged.layer()).isEqualTo(ConfigLayer.CONFIGURATION);
  }
}
