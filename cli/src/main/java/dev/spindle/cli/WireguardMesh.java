package dev.spindle.cli;

import dev.spindle.platform.wireguard.WireguardKey;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.IpPrefix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The WireGuard full mesh {@code talosctl cluster create --wireguard-cidr} gives a cluster (Talos's current
 * {@code NewWireguardConfigBundle}), as a pure plan: node {@code i} (controlplanes first) gets a key pair and the
 * address {@code <cidr base> + (i + 2)} on {@code wg0}; every other node is its peer, allowed only that peer's own
 * address ({@code /32}, {@code /128}), with a 5 s keepalive. Only controlplanes listen (on the listen port) and only
 * they are given as endpoints: workers reach them, and they learn the workers' endpoints from the handshakes.
 *
 * <p>Keys come from the {@link Random} given, in node order, so a seeded one makes the mesh reproducible.
 */
final class WireguardMesh {
  static final String LINK = "wg0";
  static final int MTU = 1500;
  static final Duration KEEPALIVE = Duration.ofSeconds(5);

  /** One peer entry: the other node's public key, its endpoint ({@code ""} for a worker) and its address. */
  record Peer(WireguardKey publicKey, String endpoint, IpPrefix allowedIp) {}

  /** One node's side of the mesh: its {@code wg0} address (with the CIDR's bits), key, listen port (0: none), peers. */
  record Node(IpAddr nodeIp, boolean controlplane, IpPrefix address, WireguardKey privateKey, int listenPort,
      List<Peer> peers) {
    Node {
      peers = List.copyOf(peers);
    }
  }

  private WireguardMesh() {}

  /**
   * @param nodeIps each node's own IP, controlplanes first
   * @throws IllegalArgumentException {@code failed to parse wireguard cidr <c>: ...} or
   *     {@code network does not contain enough IPs}, as Talos words them
   */
  static List<Node> generate(List<IpAddr> nodeIps, String cidr, int listenPort, int controlplanes, Random random) {
    IpPrefix network;
    try {
      network = Prefixes.parse(cidr);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("failed to parse wireguard cidr " + cidr + ": " + e.getMessage(), e);
    }
    var keys = new ArrayList<WireguardKey>();
    var peers = new ArrayList<Peer>();
    for (int i = 0; i < nodeIps.size(); i++) {
      WireguardKey key = WireguardKey.generatePrivate(random);
      keys.add(key);
      IpAddr address = Prefixes.nth(network, i + 2);
      String endpoint = i < controlplanes ? endpoint(nodeIps.get(i), listenPort) : "";
      peers.add(new Peer(key.publicKey(), endpoint, new IpPrefix(address, address.isV4() ? 32 : 128)));
    }
    var nodes = new ArrayList<Node>();
    for (int i = 0; i < nodeIps.size(); i++) {
      WireguardKey self = peers.get(i).publicKey();
      // by public key, as Talos filters: two nodes with one key (a seeded Random cannot make them) would drop both
      List<Peer> others = peers.stream().filter(p -> !p.publicKey().equals(self)).toList();
      boolean controlplane = i < controlplanes;
      nodes.add(new Node(nodeIps.get(i), controlplane,
          new IpPrefix(peers.get(i).allowedIp().addr(), network.bits()), keys.get(i), controlplane ? listenPort : 0,
          others));
    }
    return nodes;
  }

  /** {@code ip:port}, an IPv6 address in brackets (Talos formats {@code ip:port}, which IPv6 would not survive). */
  static String endpoint(IpAddr ip, int port) {
    return (ip.isV4() ? ip.toString() : "[" + ip + "]") + ":" + port;
  }
}
