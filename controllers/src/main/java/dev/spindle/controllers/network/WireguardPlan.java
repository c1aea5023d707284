package dev.spindle.controllers.network;

import dev.spindle.platform.wireguard.AllowedIp;
import dev.spindle.platform.wireguard.WireguardConfig;
import dev.spindle.platform.wireguard.WireguardDevice;
import dev.spindle.platform.wireguard.WireguardKey;
import dev.spindle.platform.wireguard.WireguardPeerConfig;
import dev.spindle.resources.network.IpPrefix;
import dev.spindle.resources.network.WireguardPeer;
import dev.spindle.resources.network.WireguardSpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The smallest change that makes a WireGuard device what its {@link WireguardSpec} says (Talos's {@code Equal} then
 * {@code Encode}): a pure function of the spec, the device as read, and a resolver for endpoint names.
 *
 * <ul>
 *   <li>The private key, listen port and firewall mark are sent only when they differ; a spec's listen port 0 means
 *       "any", so the port the device chose is kept.</li>
 *   <li>Peers are walked in public-key order: a peer only the device has is removed, one only the spec has is added,
 *       one that differs (preshared key, keepalive, allowed IPs, or an endpoint the spec sets) is updated in place
 *       with its allowed IPs replaced. Peers that match are not named at all, so their sessions, handshakes and
 *       counters survive.</li>
 *   <li>A spec without an endpoint accepts whatever endpoint the device learnt (a roaming peer).</li>
 *   <li>Unlike Talos, a preshared key the spec drops is cleared (Talos leaves the old one on the device).</li>
 * </ul>
 */
final class WireguardPlan {
  /** Turns a spec's {@code host:port} into an address; throws IllegalArgumentException naming the endpoint. */
  interface Resolver {
    InetSocketAddress resolve(String endpoint);
  }

  /** A peer in device terms, for comparing. */
  record Peer(WireguardKey publicKey, WireguardKey presharedKey, InetSocketAddress endpoint, Duration keepalive,
      List<AllowedIp> allowedIps) {}

  private WireguardPlan() {}

  /**
   * @return the change, or empty when the device is as the spec says
   * @throws IllegalArgumentException a key or endpoint of the spec that does not parse (the message names the field
   *     and the peer, never a key's value)
   */
  static Optional<WireguardConfig> diff(String link, WireguardSpec spec, WireguardDevice device, Resolver resolver) {
    WireguardKey privateKey = key(spec.privateKey(), link + ": private key");
    List<Peer> wanted = new ArrayList<>();
    for (int i = 0; i < spec.peers().size(); i++) {
      wanted.add(peer(link, i, spec.peers().get(i), resolver));
    }
    wanted.sort(Comparator.comparing(p -> p.publicKey().base64()));
    List<Peer> current = new ArrayList<>(device.peers().stream().map(p -> new Peer(p.publicKey(), p.presharedKey(),
        p.endpoint(), p.persistentKeepalive(), sorted(p.allowedIps()))).toList());
    current.sort(Comparator.comparing(p -> p.publicKey().base64()));

    WireguardKey newKey = privateKey.equals(device.privateKey()) ? null : privateKey;
    Integer port = spec.listenPort() != 0 && spec.listenPort() != device.listenPort() ? spec.listenPort() : null;
    Integer mark = spec.firewallMark() != device.firewallMark() ? spec.firewallMark() : null;
    var peers = new ArrayList<WireguardPeerConfig>();
    int l = 0;
    int r = 0;
    while (l < current.size() || r < wanted.size()) {
      int order = l == current.size() ? 1 : r == wanted.size() ? -1
          : current.get(l).publicKey().base64().compareTo(wanted.get(r).publicKey().base64());
      if (order > 0) {
        peers.add(configure(wanted.get(r++)));
      } else if (order < 0) {
        peers.add(WireguardPeerConfig.removal(current.get(l++).publicKey()));
      } else {
        Peer want = wanted.get(r++);
        if (!same(current.get(l++), want)) {
          peers.add(configure(want));
        }
      }
    }
    var change = new WireguardConfig(newKey, port, mark, false, peers);
    return change.isEmpty() ? Optional.empty() : Optional.of(change);
  }

  /** The device peer {@code have} is as {@code want} says; {@code want}'s missing endpoint accepts any. */
  static boolean same(Peer have, Peer want) {
    return have.presharedKey().equals(want.presharedKey()) && have.keepalive().equals(want.keepalive())
        && have.allowedIps().equals(want.allowedIps())
        && (want.endpoint() == null || want.endpoint().equals(have.endpoint()));
  }

  private static WireguardPeerConfig configure(Peer p) {
    return WireguardPeerConfig.replacing(p.publicKey(), p.presharedKey(), p.endpoint(), p.keepalive(),
        p.allowedIps());
  }

  private static Peer peer(String link, int index, WireguardPeer p, Resolver resolver) {
    String where = link + ": peer " + index;
    WireguardKey publicKey = key(p.publicKey(), where + " public key");
    WireguardKey psk = p.presharedKey().isEmpty() ? WireguardKey.ZERO : key(p.presharedKey(), where
        + " preshared key");
    InetSocketAddress endpoint = p.endpoint().isEmpty() ? null : resolver.resolve(p.endpoint());
    var allowed = new ArrayList<AllowedIp>();
    for (IpPrefix prefix : p.allowedIps()) {
      allowed.add(allowedIp(prefix));
    }
    return new Peer(publicKey, psk, endpoint, p.persistentKeepaliveInterval(), sorted(allowed));
  }

  /** Allowed IPs compare masked and sorted: the device masks host bits and keeps its own order. */
  private static List<AllowedIp> sorted(List<AllowedIp> ips) {
    return ips.stream().map(AllowedIp::masked).sorted().distinct().toList();
  }

  static AllowedIp allowedIp(IpPrefix prefix) {
    try {
      return new AllowedIp(InetAddress.getByAddress(prefix.addr().bytes()), prefix.bits());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("allowed IP " + prefix + ": " + e.getMessage());
    }
  }

  private static WireguardKey key(String text, String what) {
    Objects.requireNonNull(text, what);
    if (text.isEmpty()) {
      throw new IllegalArgumentException(what + " is missing");
    }
    try {
      return WireguardKey.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is invalid: " + e.getMessage());
    }
  }

  /** The default resolver: IP literals as they are ({@code [v6]:port} too), names through the system resolver. */
  static InetSocketAddress resolve(String endpoint) {
    int colon = endpoint.lastIndexOf(':');
    if (colon <= 0 || colon == endpoint.length() - 1) {
      throw new IllegalArgumentException("peer endpoint \"" + endpoint + "\" has no port");
    }
    String host = endpoint.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(endpoint.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("peer endpoint \"" + endpoint + "\" has an invalid port");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("peer endpoint \"" + endpoint + "\" has a port outside 1..65535");
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("peer endpoint \"" + endpoint + "\" does not resolve: " + e.getMessage());
    }
  }
}
