package dev.spindle.platform.wireguard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.platform.network.linux.LinuxRtnetlink;
import dev.spindle.platform.network.linux.TestNamespace;
import dev.spindle.runtime.testing.Prerequisites;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fake against the real thing: the same seeded random changes (keys from a small pool, so peers are added,
 * changed, removed, replaced and collide with the device's own key; allowed IPs from overlapping prefixes, so they
 * move between peers; update_only, replace_allowed_ips, replace_peers, zero keys) go to a {@link FakeWireGuard} and to
 * wireguard-go, and after every change both devices must read the same. Counters and handshakes are left out (no
 * traffic flows). Needs root and wireguard-go.
 */
class FakeWireGuardDifferentialTest {
  private static final int STEPS = 80;
  private TestNamespace ns;
  private LinuxRtnetlink rtnl;
  private UserspaceWireGuard real;

  private final List<WireguardKey> privateKeys = new ArrayList<>();
  private final List<WireguardKey> peerKeys = new ArrayList<>();
  private final List<AllowedIp> prefixes = WireGuardContract.ips("10.0.0.1/24", "10.0.0.0/25", "10.0.0.128/25",
      "10.1.0.0/16", "192.0.2.7/32", "fd00::1/64", "fd00::/48", "0.0.0.0/0");
  private final List<InetSocketAddress> endpoints = List.of(endpoint("192.0.2.1", 51820),
      endpoint("2001:db8::1", 51821), endpoint("198.51.100.2", 1));

  @BeforeEach
  void start() throws Exception {
    Prerequisites.requireRoot("running wireguard-go");
    Prerequisites.requireBinary("wireguard-go", "wireguard-go");
    ns = TestNamespace.create();
    rtnl = LinuxRtnetlink.inNamespace(ns.path());
    real = UserspaceWireGuardTest.inNamespace(ns, rtnl);
    var random = new Random(11);
    for (int i = 0; i < 3; i++) {
      privateKeys.add(WireguardKey.generatePrivate(random));
    }
    for (int i = 0; i < 5; i++) {
      peerKeys.add(WireguardKey.generatePrivate(random).publicKey());
    }
    peerKeys.add(privateKeys.getFirst().publicKey()); // a peer with the device's own key, once that key is set
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (real != null) {
        real.close();
      }
      if (rtnl != null) {
        rtnl.close();
      }
    } finally {
      if (ns != null) {
        ns.close();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void everyChangeLeavesTheFakeAsWireguardGo(long seed) throws Exception {
    var fake = new FakeWireGuard();
    String name = WireGuardContract.newName();
    fake.createDevice(name);
    real.createDevice(name);
    var port = new WireguardConfig(null, 51850, null, false, List.of()); // both chose a random one at creation
    fake.configure(name, port);
    real.configure(name, port);
    var random = new Random(seed);
    for (int step = 0; step < STEPS; step++) {
      WireguardConfig change = randomChange(random);
      fake.configure(name, change);
      real.configure(name, change);
      assertThat(view(fake.device(name))).as("seed %d step %d: %s", seed, step, describe(change))
          .isEqualTo(view(real.device(name)));
    }
  }

  private WireguardConfig randomChange(Random random) {
    WireguardKey privateKey = switch (random.nextInt(8)) {
      case 0 -> WireguardKey.ZERO;
      case 1, 2 -> privateKeys.get(random.nextInt(privateKeys.size()));
      default -> null;
    };
    Integer port = random.nextInt(4) == 0 ? 51850 + random.nextInt(2) : null;
    Integer mark = random.nextInt(4) == 0 ? random.nextInt(3) : null;
    var peers = new ArrayList<WireguardPeerConfig>();
    for (int i = random.nextInt(5); i > 0; i--) {
      WireguardKey key = peerKeys.get(random.nextInt(peerKeys.size()));
      if (random.nextInt(7) == 0) {
        peers.add(WireguardPeerConfig.removal(key));
        continue;
      }
      WireguardKey psk = switch (random.nextInt(4)) {
        case 0 -> WireguardKey.ZERO;
        case 1 -> privateKeys.get(1);
        default -> null;
      };
      InetSocketAddress endpoint = random.nextBoolean() ? endpoints.get(random.nextInt(endpoints.size())) : null;
      Duration keepalive = random.nextBoolean() ? Duration.ofSeconds(List.of(0, 5, 25).get(random.nextInt(3))) : null;
      var ips = new ArrayList<AllowedIp>();
      for (int j = random.nextInt(4); j > 0; j--) {
        ips.add(prefixes.get(random.nextInt(prefixes.size())));
      }
      peers.add(new WireguardPeerConfig(key, false, random.nextInt(5) == 0, psk, endpoint, keepalive,
          random.nextBoolean(), ips));
    }
    return new WireguardConfig(privateKey, port, mark, random.nextInt(12) == 0, peers);
  }

  /** What both must agree on: keys, port, mark, and per peer its settings with the allowed IPs as a set. */
  private static Map<String, Object> view(WireguardDevice device) {
    var peers = new TreeMap<String, Object>();
    for (WireguardPeer p : device.peers()) {
      peers.put(p.publicKey().base64(), List.of(p.presharedKey().base64(), String.valueOf(p.endpoint()),
          p.persistentKeepalive(), Set.copyOf(p.allowedIps())));
    }
    return Map.of("privateKey", device.privateKey().base64(), "publicKey", device.publicKey().base64(),
        "listenPort", device.listenPort(), "fwmark", device.firewallMark(), "peers", peers);
  }

  private String describe(WireguardConfig c) {
    String peers = c.peers().stream().map(p -> "peer" + peerKeys.indexOf(p.publicKey())
        + (p.remove() ? " remove" : (p.updateOnly() ? " update_only" : "")
            + (p.presharedKey() == null ? "" : p.presharedKey().isZero() ? " psk=zero" : " psk")
            + (p.endpoint() == null ? "" : " " + p.endpoint()) + (p.persistentKeepalive() == null ? ""
                : " keepalive=" + p.persistentKeepalive().toSeconds())
            + (p.replaceAllowedIps() ? " replace_allowed_ips" : "") + " " + p.allowedIps()))
        .collect(Collectors.joining("; "));
    return "private=" + (c.privateKey() == null ? "-" : c.privateKey().isZero() ? "zero"
        : "key" + privateKeys.indexOf(c.privateKey())) + " port=" + c.listenPort() + " mark=" + c.firewallMark()
        + (c.replacePeers() ? " replace_peers" : "") + " [" + peers + "]";
  }

  private static InetSocketAddress endpoint(String address, int port) {
    return new InetSocketAddress(InetAddress.ofLiteral(address), port);
  }
}
