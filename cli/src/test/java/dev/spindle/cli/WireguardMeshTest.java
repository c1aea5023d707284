package dev.spindle.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.cli.WireguardMesh.Node;
import dev.spindle.cli.WireguardMesh.Peer;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.IpPrefix;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The mesh plan against §6.5 of the reference: its computed worked example, IPv6, determinism and its errors. */
class WireguardMeshTest {
  private static List<IpAddr> ips(String... ips) {
    return Stream.of(ips).map(IpAddr::parse).toList();
  }

  private static List<Node> workedExample(long seed) {
    return WireguardMesh.generate(ips("10.5.0.2", "10.5.0.3", "10.5.0.4"), "10.1.0.0/24", 51111, 2,
        new Random(seed));
  }

  private static void assertPeer(Peer peer, Node of, String endpoint, String allowedIp) {
    assertThat(peer.publicKey()).as("the other node's derived public key").isEqualTo(of.privateKey().publicKey());
    assertThat(peer.endpoint()).isEqualTo(endpoint);
    assertThat(peer.allowedIp()).isEqualTo(IpPrefix.parse(allowedIp));
  }

  @Test
  void theWorkedExampleOfTheReference() {
    // --wireguard-cidr 10.1.0.0/24, nodes [cp 10.5.0.2, cp 10.5.0.3, worker 10.5.0.4]
    List<Node> mesh = workedExample(1);
    Node cp1 = mesh.get(0);
    Node cp2 = mesh.get(1);
    Node w1 = mesh.get(2);

    assertThat(mesh).extracting(Node::address).containsExactly(IpPrefix.parse("10.1.0.2/24"),
        IpPrefix.parse("10.1.0.3/24"), IpPrefix.parse("10.1.0.4/24"));
    assertThat(mesh).extracting(Node::listenPort).containsExactly(51111, 51111, 0);
    assertThat(mesh).extracting(Node::controlplane).containsExactly(true, true, false);
    assertThat(mesh).extracting(Node::nodeIp).containsExactlyElementsOf(ips("10.5.0.2", "10.5.0.3", "10.5.0.4"));

    assertThat(cp1.peers()).hasSize(2);
    assertPeer(cp1.peers().get(0), cp2, "10.5.0.3:51111", "10.1.0.3/32");
    assertPeer(cp1.peers().get(1), w1, "", "10.1.0.4/32");
    assertThat(cp2.peers()).hasSize(2);
    assertPeer(cp2.peers().get(0), cp1, "10.5.0.2:51111", "10.1.0.2/32");
    assertPeer(cp2.peers().get(1), w1, "", "10.1.0.4/32");
    assertThat(w1.peers()).hasSize(2);
    assertPeer(w1.peers().get(0), cp1, "10.5.0.2:51111", "10.1.0.2/32");
    assertPeer(w1.peers().get(1), cp2, "10.5.0.3:51111", "10.1.0.3/32");
  }

  @Test
  void everyNodeHasItsOwnKey() {
    List<Node> mesh = workedExample(7);
    assertThat(mesh.stream().map(n -> n.privateKey().base64()).distinct()).hasSize(3);
    for (Node node : mesh) {
      assertThat(node.peers()).extracting(Peer::publicKey).doesNotContain(node.privateKey().publicKey());
    }
  }

  @Test
  void theSameSeedGivesTheSameKeysAndAnotherSeedOthers() {
    List<String> first = workedExample(42).stream().map(n -> n.privateKey().base64()).toList();
    assertThat(workedExample(42).stream().map(n -> n.privateKey().base64()).toList()).isEqualTo(first);
    assertThat(workedExample(43).stream().map(n -> n.privateKey().base64()).toList()).doesNotContainAnyElementsOf(
        first);
  }

  @Test
  void ipv6MeshesUse128BitAllowedIpsAndBracketedEndpoints() {
    List<Node> mesh = WireguardMesh.generate(ips("fd00:5::2", "fd00:5::3"), "fd00::/64", 51111, 1, new Random(3));
    assertThat(mesh).extracting(Node::address).containsExactly(IpPrefix.parse("fd00::2/64"),
        IpPrefix.parse("fd00::3/64"));
    assertPeer(mesh.get(0).peers().getFirst(), mesh.get(1), "", "fd00::3/128");
    assertPeer(mesh.get(1).peers().getFirst(), mesh.get(0), "[fd00:5::2]:51111", "fd00::2/128");
  }

  @Test
  void addressesCountFromTheBaseAddressAsWritten() {
    List<Node> mesh = WireguardMesh.generate(ips("10.5.0.2"), "10.1.0.5/24", 51111, 1, new Random(1));
    assertThat(mesh.getFirst().address()).isEqualTo(IpPrefix.parse("10.1.0.7/24"));
  }

  @Test
  void errorsAreWordedAsTalosWordsThem() {
    assertThatThrownBy(() -> WireguardMesh.generate(ips("10.5.0.2"), "10.1.0.0", 51111, 1, new Random()))
        .hasMessage("failed to parse wireguard cidr 10.1.0.0: netip.ParsePrefix(\"10.1.0.0\"): no '/'");
    assertThatThrownBy(() -> WireguardMesh.generate(ips("10.5.0.2"), "10.1.0.0/33", 51111, 1, new Random()))
        .hasMessage("failed to parse wireguard cidr 10.1.0.0/33: netip.ParsePrefix(\"10.1.0.0/33\"): prefix length "
            + "out of range");
    assertThat(WireguardMesh.generate(ips("10.5.0.2", "10.5.0.3"), "10.1.0.0/30", 51111, 1, new Random()))
        .as(".2 and .3 fit a /30").hasSize(2);
    assertThatThrownBy(() -> WireguardMesh.generate(ips("10.5.0.2", "10.5.0.3", "10.5.0.4"), "10.1.0.0/30", 51111,
        1, new Random())).hasMessage("network does not contain enough IPs");
    assertThatThrownBy(() -> WireguardMesh.generate(ips("10.5.0.2"), "255.255.255.254/31", 51111, 1,
        new Random())).hasMessage("network does not contain enough IPs");
  }
}
