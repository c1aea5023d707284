package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.platform.wireguard.AllowedIp;
import dev.spindle.platform.wireguard.WireguardDevice;
import dev.spindle.platform.wireguard.WireguardKey;
import dev.spindle.platform.wireguard.WireguardPeer;
import dev.spindle.platform.wireguard.WireguardPeerConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The first-contact policy on a clock of the test's: which peers are added again, when, and when it stops. */
class WireguardRedialTest {
  private static final long S = 1_000_000_000L;
  private static final Random KEYS = new Random(3);
  private static final WireguardKey A = WireguardKey.generatePrivate(KEYS).publicKey();
  private static final WireguardKey B = WireguardKey.generatePrivate(KEYS).publicKey();
  private static final InetSocketAddress CP = new InetSocketAddress(InetAddress.ofLiteral("10.5.0.2"), 51111);
  private static final Duration KEEPALIVE = Duration.ofSeconds(5);

  private final WireguardRedial redial = new WireguardRedial();

  private static WireguardPeer peer(WireguardKey key, InetSocketAddress endpoint, Duration keepalive,
      Instant handshake) {
    return new WireguardPeer(key, WireguardKey.ZERO, endpoint, keepalive, handshake, 0, handshake == null ? 0 : 92,
        List.of(AllowedIp.parse("10.1.0.2/32")), 1);
  }

  private static WireguardDevice device(WireguardPeer... peers) {
    return new WireguardDevice("wg0", WireguardKey.ZERO, WireguardKey.ZERO, 0, 0, List.of(peers));
  }

  /** The seconds (of 0..9, one pass per half second) at which {@code peer} was added again. */
  private List<Double> redialTimes(WireguardDevice device) {
    var times = new ArrayList<Double>();
    for (long t = 0; t <= 9 * S; t += S / 2) {
      var plan = redial.plan("wg0", device, Set.of(), false, t);
      if (plan.change().isPresent()) {
        times.add(t / (double) S);
      }
    }
    return times;
  }

  @Test
  void aPeerThatNeverAnsweredIsAddedAgainEachSecondForItsFirstFourSeconds() {
    assertThat(redialTimes(device(peer(A, CP, KEEPALIVE, null)))).containsExactly(1.0, 2.0, 3.0, 4.0);
    assertThat(redial.attempts("wg0", A)).isEqualTo(WireguardRedial.ATTEMPTS);
  }

  @Test
  void theChangeRemovesThePeerThenAddsItWithTheSettingsTheDeviceHad() {
    WireguardPeer p = peer(A, CP, KEEPALIVE, null);
    redial.plan("wg0", device(p), Set.of(), false, 0);
    var plan = redial.plan("wg0", device(p), Set.of(), false, S);
    assertThat(plan.peers()).containsExactly(p);
    assertThat(plan.change().orElseThrow().peers()).containsExactly(WireguardPeerConfig.removal(A),
        WireguardPeerConfig.replacing(A, WireguardKey.ZERO, CP, KEEPALIVE, p.allowedIps()));
    assertThat(plan.change().get().privateKey()).isNull();
    assertThat(plan.change().get().replacePeers()).isFalse();
  }

  @Test
  void peersWithoutEndpointOrKeepaliveOrWithAHandshakeAreNeverTouched() {
    assertThat(redialTimes(device(peer(A, null, KEEPALIVE, null)))).as("no endpoint: others dial it").isEmpty();
    assertThat(redialTimes(device(peer(A, CP, Duration.ZERO, null)))).as("no keepalive: no initiation").isEmpty();
    assertThat(redialTimes(device(peer(A, CP, KEEPALIVE, Instant.EPOCH)))).as("had a session").isEmpty();
    assertThat(redial.plan("wg0", device(peer(A, CP, KEEPALIVE, Instant.EPOCH)), Set.of(), false, 0).next()).isEmpty();
  }

  @Test
  void aHandshakeEndsTheWindowAndTheNextCheckIsDueWhenTheNextAttemptIs() {
    WireguardPeer waiting = peer(A, CP, KEEPALIVE, null);
    assertThat(redial.plan("wg0", device(waiting), Set.of(), false, 0).next()).contains(Duration.ofSeconds(1));
    assertThat(redial.plan("wg0", device(waiting), Set.of(), false, S / 4).next()).contains(Duration.ofMillis(750));
    assertThat(redial.plan("wg0", device(waiting), Set.of(), false, S).change()).isPresent();
    var answered = redial.plan("wg0", device(peer(A, CP, KEEPALIVE, Instant.EPOCH)), Set.of(), false, S + 1);
    assertThat(answered.change()).isEmpty();
    assertThat(answered.next()).isEmpty();
    assertThat(redial.attempts("wg0", A)).isZero();
  }

  @Test
  void aPeerTheChangeTouchedStartsItsWindowAgainAndIsNotAddedInThatPass() {
    WireguardPeer p = peer(A, CP, KEEPALIVE, null);
    redial.plan("wg0", device(p), Set.of(), false, 0);
    assertThat(redial.plan("wg0", device(p), Set.of(A), false, 3 * S).change()).as("just configured").isEmpty();
    assertThat(redial.plan("wg0", device(p), Set.of(), false, 3 * S + S / 2).change()).isEmpty();
    assertThat(redial.plan("wg0", device(p), Set.of(), false, 4 * S).change()).isPresent();
    assertThat(redial.attempts("wg0", A)).isEqualTo(1);
  }

  @Test
  void aPeerAddedInThisPassIsDueOneIntervalLaterThoughTheDeviceDidNotHaveItYet() {
    var plan = redial.plan("wg0", device(), Set.of(A), false, 0);
    assertThat(plan.change()).isEmpty();
    assertThat(plan.next()).contains(Duration.ofSeconds(1));
    assertThat(redial.plan("wg0", device(peer(A, CP, KEEPALIVE, null)), Set.of(), false, S).change()).isPresent();
  }

  @Test
  void onlyTheWaitingPeerIsInTheChangeAndGonePeersAndLinksAreForgotten() {
    WireguardPeer waiting = peer(A, CP, KEEPALIVE, null);
    WireguardPeer connected = peer(B, CP, KEEPALIVE, Instant.EPOCH);
    redial.plan("wg0", device(waiting, connected), Set.of(), false, 0);
    var plan = redial.plan("wg0", device(waiting, connected), Set.of(), false, S);
    assertThat(plan.change().orElseThrow().peers()).extracting(WireguardPeerConfig::publicKey).containsOnly(A);
    assertThat(redial.plan("wg0", device(connected), Set.of(), false, 2 * S).next()).as("A left the device")
        .isEmpty();
    assertThat(redial.attempts("wg0", A)).isZero();

    redial.plan("wg1", device(waiting), Set.of(), false, 0);
    redial.plan("wg1", device(waiting), Set.of(), false, S);
    redial.forget(Set.of("wg0"));
    assertThat(redial.attempts("wg1", A)).isZero();
  }

  @Test
  void aNewPrivateKeyOpensAWindowForPeersThatHadSessionsUntilTheyAnswerAgain() {
    WireguardPeer before = peer(A, CP, KEEPALIVE, Instant.EPOCH);
    assertThat(redial.plan("wg0", device(before), Set.of(), true, 0).change()).isEmpty();
    assertThat(redial.plan("wg0", device(before), Set.of(), false, S).change()).as("old handshake only").isPresent();
    WireguardPeer readded = peer(A, CP, KEEPALIVE, null);
    assertThat(redial.plan("wg0", device(readded), Set.of(), false, 2 * S).change())
        .as("a re-added peer has no handshake at all: still waiting").isPresent();
    var answered = redial.plan("wg0", device(peer(A, CP, KEEPALIVE, Instant.EPOCH.plusSeconds(9))), Set.of(), false,
        3 * S);
    assertThat(answered.change()).isEmpty();
    assertThat(answered.next()).isEmpty();
  }

  @Test
  void aPeerChangedInPlaceWhileItsSessionGoesOnIsLeftAlone() {
    WireguardPeer connected = peer(A, CP, KEEPALIVE, Instant.EPOCH);
    assertThat(redial.plan("wg0", device(connected), Set.of(A), false, 0).next()).isEmpty();
    assertThat(redialTimes(device(connected))).isEmpty();
  }

  @Test
  void theIntervalMustBePositive() {
    assertThatThrownBy(() -> new WireguardRedial(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }
}
