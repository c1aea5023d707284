package dev.spindle.platform.wireguard.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.platform.network.Errno;
import dev.spindle.platform.wireguard.AllowedIp;
import dev.spindle.platform.wireguard.WireGuard;
import dev.spindle.platform.wireguard.WireguardConfig;
import dev.spindle.platform.wireguard.WireguardDevice;
import dev.spindle.platform.wireguard.WireguardException;
import dev.spindle.platform.wireguard.WireguardKey;
import dev.spindle.platform.wireguard.WireguardPeer;
import dev.spindle.platform.wireguard.WireguardPeerConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checks {@link KernelWireGuard} must pass wherever it runs: create, configure key, port and peers, read back,
 * remove one peer, large configurations in several messages both ways, and {@code ENODEV} for what is not a WireGuard
 * device. Run against the real kernel ({@link KernelWireGuardTest}) and against a model of the kernel's family
 * ({@link KernelWireGuardModelTest}). A stand-in until the shared {@code WireGuardContract} lands.
 */
abstract class KernelWireGuardChecks {
  /** The adapter under test, in a namespace (or model) of its own with no WireGuard device yet. */
  protected abstract WireGuard wg();

  static InetSocketAddress endpoint(String ip, int port) throws Exception {
    return new InetSocketAddress(InetAddress.getByName(ip), port);
  }

  static List<AllowedIp> ips(String... cidrs) {
    return java.util.Arrays.stream(cidrs).map(AllowedIp::parse).toList();
  }

  static void assertErrno(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Errno errno) {
    assertThatThrownBy(call).isInstanceOfSatisfying(WireguardException.class,
        e -> assertThat(e.errno()).isEqualTo(errno));
  }

  @Test
  void aCreatedDeviceIsListedAndStartsUnconfigured() throws Exception {
    WireGuard wg = wg(); // first: where the adapter is unavailable, this aborts the case
    assertThat(wg.devices()).isEmpty();
    wg.createDevice("swg0");
    assertThat(wg.devices()).containsExactly("swg0");
    assertThat(wg.device("swg0")).isEqualTo(new WireguardDevice("swg0", null, null, 0, 0, List.of()));
    assertErrno(() -> wg.createDevice("swg0"), Errno.EEXIST);
  }

  @Test
  void keyPortAndPeersReadBackAndAPeerIsRemovedAlone() throws Exception {
    WireGuard wg = wg(); // first: where the adapter is unavailable, this aborts the case
    wg.createDevice("swg0");
    WireguardKey privateKey = WireguardKey.generatePrivate();
    WireguardKey one = WireguardKey.generatePrivate().publicKey();
    WireguardKey two = WireguardKey.generatePrivate().publicKey();
    WireguardKey psk = WireguardKey.generatePreshared();
    wg.configure("swg0", new WireguardConfig(privateKey, 51820, 0x2a, true, List.of(
        WireguardPeerConfig.replacing(one, null, endpoint("127.0.0.1", 51001), Duration.ofSeconds(25),
            ips("10.1.0.0/24", "fd01::/64")),
        WireguardPeerConfig.replacing(two, psk, endpoint("::1", 51002), Duration.ZERO, ips("10.2.0.2/32")))));

    WireguardDevice device = wg.device("swg0");
    assertThat(device.privateKey()).isEqualTo(privateKey);
    assertThat(device.publicKey()).isEqualTo(privateKey.publicKey());
    assertThat(device.listenPort()).isEqualTo(51820);
    assertThat(device.firewallMark()).isEqualTo(0x2a);
    assertThat(device.peers()).extracting(WireguardPeer::publicKey).containsExactly(one, two);
    WireguardPeer first = device.peers().getFirst();
    assertThat(first.endpoint()).isEqualTo(endpoint("127.0.0.1", 51001));
    assertThat(first.persistentKeepalive()).isEqualTo(Duration.ofSeconds(25));
    assertThat(first.allowedIps()).containsExactlyInAnyOrderElementsOf(ips("10.1.0.0/24", "fd01::/64"));
    assertThat(first.presharedKey()).isEqualTo(WireguardKey.ZERO);
    assertThat(first.lastHandshake()).isNull();
    assertThat(first.protocolVersion()).isEqualTo(1);
    assertThat(device.peers().get(1).presharedKey()).isEqualTo(psk);
    assertThat(device.peers().get(1).endpoint()).isEqualTo(endpoint("::1", 51002));

    wg.configure("swg0", WireguardConfig.ofPeers(List.of(WireguardPeerConfig.removal(one),
        new WireguardPeerConfig(WireguardKey.generatePrivate().publicKey(), false, true, null, null, null, false,
            ips("10.9.0.0/16")))));
    assertThat(wg.device("swg0").peers()).extracting(WireguardPeer::publicKey).containsExactly(two);

    wg.configure("swg0", new WireguardConfig(null, null, 0, false, List.of(new WireguardPeerConfig(two, false, false,
        WireguardKey.ZERO, null, null, true, ips("10.3.0.0/16")))));
    device = wg.device("swg0");
    assertThat(device.firewallMark()).isZero();
    assertThat(device.listenPort()).isEqualTo(51820);
    assertThat(device.peers()).singleElement().satisfies(p -> {
      assertThat(p.allowedIps()).containsExactlyElementsOf(ips("10.3.0.0/16"));
      assertThat(p.presharedKey()).isEqualTo(WireguardKey.ZERO);
    });
  }

  @Test
  void configurationsLargerThanOneMessageGoAndComeBackWhole() throws Exception {
    WireGuard wg = wg(); // first: where the adapter is unavailable, this aborts the case
    wg.createDevice("swg0");
    List<WireguardPeerConfig> peers = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      peers.add(WireguardPeerConfig.replacing(WireguardKey.generatePrivate().publicKey(), null,
          endpoint("127.0.0.1", 40000 + i), Duration.ofSeconds(5),
          ips("10.4." + (i >> 8) + "." + (i & 0xff) + "/32", "fd04::" + Integer.toHexString(i + 1) + "/128")));
    }
    List<AllowedIp> many = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      many.add(AllowedIp.parse("10.5." + (i >> 8) + "." + (i & 0xff) + "/32"));
    }
    WireguardKey big = WireguardKey.generatePrivate().publicKey();
    peers.add(WireguardPeerConfig.replacing(big, null, null, Duration.ZERO, many));
    wg.configure("swg0", new WireguardConfig(WireguardKey.generatePrivate(), 51821, null, true, peers));

    WireguardDevice device = wg.device("swg0");
    assertThat(device.peers()).extracting(WireguardPeer::publicKey)
        .containsExactlyElementsOf(peers.stream().map(WireguardPeerConfig::publicKey).toList());
    assertThat(device.peers().getLast().allowedIps()).containsExactlyInAnyOrderElementsOf(many);
    assertThat(device.peers().get(299).endpoint()).isEqualTo(endpoint("127.0.0.1", 40299));
  }

  @Test
  void missingAndForeignDevicesAreEnodev() throws Exception {
    WireGuard wg = wg(); // first: where the adapter is unavailable, this aborts the case
    assertErrno(() -> wg.device("swg9"), Errno.ENODEV);
    assertErrno(() -> wg.device("lo"), Errno.ENODEV);
    assertErrno(() -> wg.configure("swg9", WireguardConfig.ofPeers(List.of())), Errno.ENODEV);
    assertErrno(() -> wg.deleteDevice("lo"), Errno.ENODEV);
    wg.createDevice("swg0");
    wg.deleteDevice("swg0");
    assertThat(wg.devices()).isEmpty();
    assertErrno(() -> wg.deleteDevice("swg0"), Errno.ENODEV);
  }
}
