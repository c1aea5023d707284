package dev.spindle.platform.wireguard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.platform.network.Errno;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The contract on the fake's own device table, and what the fake adds: port choice, traffic, roaming, faults. */
class FakeWireGuardTest extends WireGuardContract {
  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
  private final FakeWireGuard fake = new FakeWireGuard(null, Clock.fixed(NOW, ZoneOffset.UTC));

  @Override
  protected WireGuard wireGuard() {
    return fake;
  }

  @Test
  void listenPortZeroTakesAFreeEphemeralPort() throws Exception {
    fake.createDevice("wg0");
    fake.createDevice("wg1");
    int first = fake.device("wg0").listenPort();
    assertThat(first).as("bound at creation, as wireguard-go binds").isBetween(32768, 60999);
    fake.configure("wg1", new WireguardConfig(null, 0, null, false, List.of()));
    int second = fake.device("wg1").listenPort();
    assertThat(second).isBetween(32768, 60999).isNotEqualTo(first);
    fake.configure("wg0", new WireguardConfig(null, first, null, false, List.of()));
    assertThat(fake.device("wg0").listenPort()).as("its own port is not taken").isEqualTo(first);
  }

  @Test
  void simulatedTrafficSetsTheHandshakeAndRaisesCountersOfThatPeerOnly() throws Exception {
    fake.createDevice("wg0");
    WireguardKey a = newPublicKey();
    WireguardKey b = newPublicKey();
    fake.configure("wg0", WireguardConfig.ofPeers(List.of(adding(a, "10.0.1.0/24"), adding(b, "10.0.2.0/24"))));
    fake.simulateTraffic("wg0", a, 148, 92);
    fake.simulateTraffic("wg0", a, 100, 8);
    WireguardPeer pa = peer(fake.device("wg0"), a);
    assertThat(pa.lastHandshake()).isEqualTo(NOW);
    assertThat(pa.rxBytes()).isEqualTo(248);
    assertThat(pa.txBytes()).isEqualTo(100);
    WireguardPeer pb = peer(fake.device("wg0"), b);
    assertThat(pb.lastHandshake()).isNull();
    assertThat(pb.rxBytes()).isZero();

    fake.configure("wg0", WireguardConfig.ofPeers(List.of(adding(b, "10.0.3.0/24"), adding(a, "10.0.1.0/24"))));
    assertThat(peer(fake.device("wg0"), a)).as("a changed peer keeps its state").isEqualTo(pa);
    assertErrno(() -> fake.simulateTraffic("wg0", newPublicKey(), 1, 1), Errno.ENOENT);
  }

  @Test
  void aPeerRemovedAndAddedAgainStartsWithoutHandshakeOrCounters() throws Exception {
    fake.createDevice("wg0");
    WireguardKey a = newPublicKey();
    fake.configure("wg0", WireguardConfig.ofPeers(List.of(adding(a, "10.0.1.0/24"))));
    fake.simulateTraffic("wg0", a, 148, 92);
    fake.configure("wg0", WireguardConfig.ofPeers(List.of(WireguardPeerConfig.removal(a), adding(a, "10.0.1.0/24"))));
    WireguardPeer fresh = peer(fake.device("wg0"), a);
    assertThat(fresh.lastHandshake()).isNull();
    assertThat(fresh.rxBytes()).isZero();
    assertThat(fresh.txBytes()).isZero();
  }

  @Test
  void aRoamingPeerReportsItsNewEndpoint() throws Exception {
    fake.createDevice("wg0");
    WireguardKey a = newPublicKey();
    fake.configure("wg0", WireguardConfig.ofPeers(List.of(adding(a, "10.0.1.0/24"))));
    fake.simulateRoaming("wg0", a, endpoint("198.51.100.7", 40000));
    assertThat(peer(fake.device("wg0"), a).endpoint()).isEqualTo(endpoint("198.51.100.7", 40000));
  }

  @Test
  void aNewPrivateKeyDropsThePeerWithItsPublicKeyAndOwnKeyPeersAreIgnored() throws Exception {
    fake.createDevice("wg0");
    WireguardKey key = newPrivateKey();
    WireguardKey other = newPublicKey();
    fake.configure("wg0", WireguardConfig.ofPeers(List.of(adding(key.publicKey(), "10.0.1.0/24"),
        adding(other, "10.0.2.0/24"))));
    fake.configure("wg0", new WireguardConfig(key, null, null, false, List.of(adding(key.publicKey(), "10.0.3.0/24"))));
    assertThat(fake.device("wg0").peers()).extracting(WireguardPeer::publicKey).containsExactly(other);
  }

  @Test
  void injectedFaultsFailTheNextCallsInTurnAndChangeNothing() throws Exception {
    fake.createDevice("wg0");
    fake.failNext(Errno.EBUSY);
    fake.failNext(Errno.ENOBUFS);
    assertErrno(() -> fake.configure("wg0", new WireguardConfig(null, null, 5, false, List.of())), Errno.EBUSY);
    assertErrno(() -> fake.device("wg0"), Errno.ENOBUFS);
    assertThat(fake.device("wg0").firewallMark()).isZero();
  }
}
