package dev.spindle.platform.wireguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spindle.platform.network.linux.LinuxRtnetlink;
import dev.spindle.platform.network.linux.TestNamespace;
import dev.spindle.runtime.testing.Prerequisites;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real tunnels: a hub namespace A joined by veth pairs to B and C (underlay 10.201.1.0/24 and 10.201.2.0/24), a
 * wireguard-go device in each (overlay 10.202.0.0/24), A peering with B and C. Pings cross the tunnels and both ends
 * show the handshake and traffic; then changing peer B's allowed IPs on A leaves peer C's session, handshake and
 * counters as they were (a minimal diff disturbs no other peer). Needs root, ip, ping and wireguard-go.
 */
class UserspaceWireGuardTunnelTest {
  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private Node a;
  private Node b;
  private Node c;

  /** One namespace with its own adapter and wireguard device. */
  private record Node(TestNamespace ns, UserspaceWireGuard wg, String device, WireguardKey key, int port) {}

  @BeforeEach
  void build() throws Exception {
    Prerequisites.requireRoot("running wireguard-go tunnels");
    Prerequisites.requireBinary("wireguard-go", "wireguard-go");
    Prerequisites.requireBinary("ping", "iputils-ping");
    a = node(51901, "10.202.0.1/24");
    b = node(51902, "10.202.0.2/24");
    c = node(51903, "10.202.0.3/24");
    underlay(a, b, "10.201.1.1/24", "10.201.1.2/24");
    underlay(a, c, "10.201.2.1/24", "10.201.2.3/24");
    configure(a, List.of(peerOf(b, "10.201.1.2", "10.202.0.2/32"), peerOf(c, "10.201.2.3", "10.202.0.3/32")));
    configure(b, List.of(peerOf(a, "10.201.1.1", "10.202.0.1/32")));
    configure(c, List.of(peerOf(a, "10.201.2.1", "10.202.0.1/32")));
  }

  @AfterEach
  void tearDown() throws Exception {
    Exception first = null;
    for (AutoCloseable c : cleanup.reversed()) {
      try {
        c.close();
      } catch (Exception e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Test
  void pingsCrossTheTunnelsAndBothEndsCountTheTraffic() throws Exception {
    awaitPing(a, "10.202.0.2");
    awaitPing(a, "10.202.0.3");
    for (Node[] pair : new Node[][] {{a, b}, {b, a}, {a, c}, {c, a}}) {
      WireguardPeer peer = peerOn(pair[0], pair[1]);
      assertThat(peer.lastHandshake()).as(pair[0].device + " shakes hands with " + pair[1].device).isNotNull();
      assertThat(peer.rxBytes()).isPositive();
      assertThat(peer.txBytes()).isPositive();
    }
  }

  @Test
  void changingOnePeersAllowedIpsLeavesAnotherPeersSessionAlone() throws Exception {
    awaitPing(a, "10.202.0.2");
    awaitPing(a, "10.202.0.3");
    WireguardPeer cBefore = peerOn(a, c);
    WireguardPeer bBefore = peerOn(a, b);

    a.wg.configure(a.device, WireguardConfig.ofPeers(List.of(WireguardPeerConfig.replacing(b.key.publicKey(), null,
        endpoint("10.201.1.2", b.port), Duration.ZERO, List.of(AllowedIp.parse("10.202.0.2/32"),
            AllowedIp.parse("10.203.0.0/24"))))));

    WireguardPeer cAfter = peerOn(a, c);
    assertThat(cAfter).as("untouched by a change to another peer").isEqualTo(cBefore);
    WireguardPeer bAfter = peerOn(a, b);
    assertThat(bAfter.allowedIps()).containsExactlyInAnyOrder(AllowedIp.parse("10.202.0.2/32"),
        AllowedIp.parse("10.203.0.0/24"));
    assertThat(bAfter.lastHandshake()).as("the changed peer keeps its session").isEqualTo(bBefore.lastHandshake());
    assertThat(bAfter.rxBytes()).isGreaterThanOrEqualTo(bBefore.rxBytes());

    assertThat(ping(a, "10.202.0.3")).as("C's session still carries traffic").isTrue();
    WireguardPeer cLater = peerOn(a, c);
    assertThat(cLater.lastHandshake()).as("without a new handshake").isEqualTo(cBefore.lastHandshake());
    assertThat(cLater.rxBytes()).isGreaterThan(cBefore.rxBytes());
  }

  private Node node(int port, String overlay) throws Exception {
    TestNamespace ns = TestNamespace.create();
    cleanup.add(ns);
    LinuxRtnetlink rtnl = LinuxRtnetlink.inNamespace(ns.path());
    cleanup.add(rtnl);
    UserspaceWireGuard wg = UserspaceWireGuardTest.inNamespace(ns, rtnl);
    cleanup.add(wg);
    String device = WireGuardContract.newName();
    wg.createDevice(device);
    ns.ip("addr", "add", overlay, "dev", device);
    ns.ip("link", "set", device, "up");
    return new Node(ns, wg, device, WireGuardContract.newPrivateKey(), port);
  }

  private static void underlay(Node from, Node to, String fromAddress, String toAddress) throws Exception {
    // each end named after the namespace it leads to, so A's two ends differ
    String here = "u" + to.device.substring(3);
    String there = "u" + from.device.substring(3);
    from.ns.ip("link", "add", here, "type", "veth", "peer", "name", there, "netns", to.ns.name());
    from.ns.ip("addr", "add", fromAddress, "dev", here);
    to.ns.ip("addr", "add", toAddress, "dev", there);
    from.ns.ip("link", "set", here, "up");
    to.ns.ip("link", "set", there, "up");
  }

  private static void configure(Node node, List<WireguardPeerConfig> peers) throws WireguardException {
    node.wg.configure(node.device, new WireguardConfig(node.key, node.port, null, false, peers));
  }

  private static WireguardPeerConfig peerOf(Node peer, String underlayAddress, String allowed) {
    return WireguardPeerConfig.replacing(peer.key.publicKey(), null, endpoint(underlayAddress, peer.port),
        Duration.ZERO, List.of(AllowedIp.parse(allowed)));
  }

  private static WireguardPeer peerOn(Node node, Node peer) throws WireguardException {
    return WireGuardContract.peer(node.wg.device(node.device), peer.key.publicKey());
  }

  private static InetSocketAddress endpoint(String address, int port) {
    return new InetSocketAddress(InetAddress.ofLiteral(address), port);
  }

  private static void awaitPing(Node from, String address) {
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> ping(from, address));
  }

  private static boolean ping(Node from, String address) throws Exception {
    Process p = new ProcessBuilder("ip", "netns", "exec", from.ns.name(), "ping", "-c1", "-W1", "-n", address)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(5, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      return false;
    }
    return p.exitValue() == 0;
  }
}
