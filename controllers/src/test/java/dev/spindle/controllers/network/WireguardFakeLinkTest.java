package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spindle.platform.network.FakeRtnetlink;
import dev.spindle.platform.sysfs.FakeSysfs;
import dev.spindle.platform.wireguard.AllowedIp;
import dev.spindle.platform.wireguard.FakeWireGuard;
import dev.spindle.platform.wireguard.WireguardDevice;
import dev.spindle.platform.wireguard.WireguardKey;
import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.network.IpPrefix;
import dev.spindle.resources.network.LinkSpec;
import dev.spindle.resources.network.LinkType;
import dev.spindle.resources.network.WireguardPeer;
import dev.spindle.resources.network.WireguardPeerStatus;
import dev.spindle.resources.network.WireguardSpec;
import dev.spindle.runtime.testing.ControllerHarness;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A WireGuard LinkSpec through the node's link controllers on {@link FakeWireGuard} over the fake kernel: the device
 * is made and configured, simulated traffic shows in the peer statuses, and a change to one peer's allowed IPs
 * leaves the other peer's handshake and counters as they were (the minimal diff names only the changed peer).
 */
class WireguardFakeLinkTest {
  private static final Random KEYS = new Random(42);
  private final FakeRtnetlink kernel = FakeRtnetlink.simulatedNode();
  private final FakeWireGuard wireguard = new FakeWireGuard(kernel);
  private final WireguardKey privateKey = WireguardKey.generatePrivate(KEYS);
  private final WireguardKey peerA = WireguardKey.generatePrivate(KEYS).publicKey();
  private final WireguardKey peerB = WireguardKey.generatePrivate(KEYS).publicKey();

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new LinkSpecController(kernel, wireguard),
      new LinkStatusController(kernel, new FakeSysfs(), null, wireguard),
      new WireguardPeerStatusController(wireguard, Duration.ofMillis(50)));

  private LinkSpec wg0(String peerBAllowed) {
    var spec = new WireguardSpec(privateKey.base64(), "", 51820, 0, List.of(
        new WireguardPeer(peerA.base64(), "", "192.0.2.1:51820", Duration.ofSeconds(5),
            List.of(IpPrefix.parse("10.0.1.0/24"))),
        new WireguardPeer(peerB.base64(), "", "", Duration.ZERO, List.of(IpPrefix.parse(peerBAllowed)))));
    return LinkSpec.builder("wg0", ConfigLayer.CONFIGURATION).logical(true).up(true).kind("wireguard")
        .type(LinkType.NONE).wireguard(spec).build();
  }

  private WireguardDevice awaitDevice(java.util.function.Predicate<WireguardDevice> condition) throws Exception {
    await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> condition.test(wireguard.device("wg0")));
    return wireguard.device("wg0");
  }

  private static dev.spindle.platform.wireguard.WireguardPeer peer(WireguardDevice d, WireguardKey key) {
    return d.peers().stream().filter(p -> p.publicKey().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void aChangeToOnePeerLeavesTheOtherPeersSessionAndCounters() throws Exception {
    h.create(LinkSpec.DEFINITION, "wg0", wg0("10.0.2.0/24"));
    WireguardDevice device = awaitDevice(d -> d.peers().size() == 2);
    assertThat(kernel.link("wg0").kind()).isEqualTo("wireguard");
    assertThat(device.privateKey()).isEqualTo(privateKey);
    assertThat(device.listenPort()).isEqualTo(51820);

    wireguard.simulateTraffic("wg0", peerA, 1000, 2000);
    h.awaitSpec(WireguardPeerStatus.DEFINITION, "wg0/" + peerA.base64(), s -> {
      assertThat(s.receiveBytes()).isEqualTo(1000);
      assertThat(s.transmitBytes()).isEqualTo(2000);
      assertThat(s.lastHandshakeTime()).isNotNull();
    });
    var before = peer(wireguard.device("wg0"), peerA);

    h.updateSpec(LinkSpec.DEFINITION, "wg0", wg0("10.0.3.0/24"));
    WireguardDevice after =
        awaitDevice(d -> peer(d, peerB).allowedIps().equals(List.of(AllowedIp.parse("10.0.3.0/24"))));
    assertThat(peer(after, peerA)).isEqualTo(before);
    wireguard.simulateTraffic("wg0", peerA, 1, 1);
    h.awaitSpec(WireguardPeerStatus.DEFINITION, "wg0/" + peerA.base64(),
        s -> assertThat(s.receiveBytes()).isEqualTo(1001));
  }
}
