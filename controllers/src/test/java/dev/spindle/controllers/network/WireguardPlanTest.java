package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.platform.wireguard.AllowedIp;
import dev.spindle.platform.wireguard.WireguardConfig;
import dev.spindle.platform.wireguard.WireguardDevice;
import dev.spindle.platform.wireguard.WireguardKey;
import dev.spindle.platform.wireguard.WireguardPeerConfig;
import dev.spindle.resources.network.IpPrefix;
import dev.spindle.resources.network.WireguardPeer;
import dev.spindle.resources.network.WireguardSpec;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * WireguardPlan against Talos's Encode/Equal vectors (wireguard_spec_test.go, link_test.go; structural, because the
 * keys are random there): the diff names only what changed, and peers that match are left out of it.
 */
class WireguardPlanTest {
  private static final Random RANDOM = new Random(7);
  private static final WireguardKey PRIV = WireguardKey.generatePrivate(RANDOM);
  private static final WireguardKey PUB1;
  private static final WireguardKey PUB2;

  static {
    var a = WireguardKey.generatePrivate(RANDOM).publicKey();
    var b = WireguardKey.generatePrivate(RANDOM).publicKey();
    boolean ordered = a.base64().compareTo(b.base64()) < 0;
    PUB1 = ordered ? a : b;
    PUB2 = ordered ? b : a;
  }

  private static final WireguardSpec SPEC_V1 = new WireguardSpec(PRIV.base64(), "", 30000, 1, List.of(
      new WireguardPeer(PUB1.base64(), "", "10.2.0.3:20000", Duration.ZERO, List.of(IpPrefix.parse("172.24.0.0/16"))),
      new WireguardPeer(PUB2.base64(), "", "", Duration.ZERO, List.of(IpPrefix.parse("172.25.0.0/24")))));

  /** The change, or null for none. */
  private static WireguardConfig diff(WireguardSpec spec, WireguardDevice device) {
    return WireguardPlan.diff("wg0", spec, device, WireguardPlan::resolve).orElse(null);
  }

  private static WireguardDevice fresh() {
    return new WireguardDevice("wg0", WireguardKey.ZERO, WireguardKey.ZERO, 0, 0, List.of());
  }

  /** The device after SPEC_V1 was applied, with live state that must not matter. */
  private static WireguardDevice applied(int listenPort) {
    return new WireguardDevice("wg0", PRIV, PRIV.publicKey(), listenPort, 1, List.of(
        new dev.spindle.platform.wireguard.WireguardPeer(PUB2, WireguardKey.ZERO, null, Duration.ZERO, null, 0, 0,
            List.of(AllowedIp.parse("172.25.0.0/24")), 1),
        new dev.spindle.platform.wireguard.WireguardPeer(PUB1, WireguardKey.ZERO,
            new InetSocketAddress("10.2.0.3", 20000), Duration.ZERO, Instant.EPOCH, 92, 148,
            List.of(AllowedIp.parse("172.24.0.0/16")), 1)));
  }

  @Test
  void aFreshDeviceGetsEverythingPeersInKeyOrder() {
    var config = diff(SPEC_V1, fresh());
    assertThat(config.privateKey()).isEqualTo(PRIV);
    assertThat(config.listenPort()).isEqualTo(30000);
    assertThat(config.firewallMark()).isEqualTo(1);
    assertThat(config.replacePeers()).isFalse();
    assertThat(config.peers()).containsExactly(
        WireguardPeerConfig.replacing(PUB1, WireguardKey.ZERO, new InetSocketAddress("10.2.0.3", 20000),
            Duration.ZERO, List.of(AllowedIp.parse("172.24.0.0/16"))),
        WireguardPeerConfig.replacing(PUB2, WireguardKey.ZERO, null, Duration.ZERO,
            List.of(AllowedIp.parse("172.25.0.0/24"))));
  }

  @Test
  void aDeviceAsTheSpecSaysGetsNoChangeWhateverItsCountersAndPeerOrder() {
    assertThat(diff(SPEC_V1, applied(30000))).isNull();
  }

  @Test
  void listenPortZeroInTheSpecAcceptsTheDevicesPortButNotTheOtherWayRound() {
    var any = new WireguardSpec(PRIV.base64(), "", 0, 1, SPEC_V1.peers());
    assertThat(diff(any, applied(30000))).isNull();
    assertThat(diff(SPEC_V1, applied(41000))).isEqualTo(new WireguardConfig(null, 30000, null, false,
        List.of()));
  }

  @Test
  void aPeerTheSpecDropsIsRemovedAndNothingElseIsNamed() {
    var v2 = new WireguardSpec(PRIV.base64(), "", 30000, 1, SPEC_V1.peers().subList(0, 1));
    assertThat(diff(v2, applied(30000)))
        .isEqualTo(WireguardConfig.ofPeers(List.of(WireguardPeerConfig.removal(PUB2))));
  }

  @Test
  void aChangedPresharedKeyReplacesThatPeerWithoutItsEndpointWhenTheSpecHasNone() {
    // Talos's specV3: fwmark 2, pub1 with a psk and no endpoint
    var v3 = new WireguardSpec(PRIV.base64(), "", 30000, 2, List.of(new WireguardPeer(PUB1.base64(), PRIV.base64(),
        "", Duration.ZERO, List.of(IpPrefix.parse("172.24.0.0/16")))));
    var config = diff(v3, applied(30000));
    assertThat(config.firewallMark()).isEqualTo(2);
    assertThat(config.privateKey()).isNull();
    assertThat(config.peers()).containsExactly(
        WireguardPeerConfig.replacing(PUB1, PRIV, null, Duration.ZERO, List.of(AllowedIp.parse("172.24.0.0/16"))),
        WireguardPeerConfig.removal(PUB2));
  }

  @Test
  void aSpecWithoutEndpointAcceptsARoamedOneAndHostBitsAndOrderOfAllowedIpsDoNotMatter() {
    var roamed = new WireguardSpec(PRIV.base64(), "", 30000, 1, List.of(
        new WireguardPeer(PUB1.base64(), "", "", Duration.ZERO, List.of(IpPrefix.parse("172.24.9.9/16"))),
        SPEC_V1.peers().get(1)));
    assertThat(diff(roamed, applied(30000))).isNull();
  }

  @Test
  void aDroppedPresharedKeyIsClearedAndAKeepaliveChangeIsSent() {
    var device = applied(30000);
    var withPsk = new WireguardDevice("wg0", PRIV, PRIV.publicKey(), 30000, 1, List.of(device.peers().get(0),
        new dev.spindle.platform.wireguard.WireguardPeer(PUB1, PRIV, new InetSocketAddress("10.2.0.3", 20000),
            Duration.ZERO, null, 0, 0, List.of(AllowedIp.parse("172.24.0.0/16")), 1)));
    var keepalive = new WireguardSpec(PRIV.base64(), "", 30000, 1, List.of(
        new WireguardPeer(PUB1.base64(), "", "10.2.0.3:20000", Duration.ofSeconds(5),
            List.of(IpPrefix.parse("172.24.0.0/16"))), SPEC_V1.peers().get(1)));
    assertThat(diff(keepalive, withPsk).peers()).containsExactly(WireguardPeerConfig.replacing(PUB1,
        WireguardKey.ZERO, new InetSocketAddress("10.2.0.3", 20000), Duration.ofSeconds(5),
        List.of(AllowedIp.parse("172.24.0.0/16"))));
  }

  @Test
  void badKeysAndEndpointsAreNamedWithoutTheirValue() {
    var badKey = new WireguardSpec("not-a-key", "", 0, 0, List.of());
    assertThatThrownBy(() -> diff(badKey, fresh())).hasMessageContaining("wg0: private key is invalid")
        .hasMessageNotContaining("not-a-key");
    var noKey = new WireguardSpec("", "", 0, 0, List.of());
    assertThatThrownBy(() -> diff(noKey, fresh())).hasMessage("wg0: private key is missing");
    var badEndpoint = new WireguardSpec(PRIV.base64(), "", 0, 0, List.of(new WireguardPeer(PUB1.base64(), "",
        "10.2.0.3", Duration.ZERO, List.of())));
    assertThatThrownBy(() -> diff(badEndpoint, fresh())).hasMessage("peer endpoint \"10.2.0.3\" has no port");
    assertThat(WireguardPlan.resolve("[fd00::1]:51820")).isEqualTo(new InetSocketAddress("fd00::1", 51820));
  }
}
