package dev.spindle.platform.wireguard;

import dev.spindle.platform.network.Errno;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;

/**
 * The state of one device in {@link FakeWireGuard} and the rules a change follows, as wireguard-go and the kernel
 * apply them: a new private key drops the peer that has its public key, a peer with the device's own public key is
 * ignored, {@code update_only} never adds, removing a missing peer does nothing, an allowed IP belongs to one peer
 * (adding it to another moves it) and is stored with its host bits cleared, a zero preshared key clears it, a changed
 * peer keeps its handshake and counters. A change is worked out on a copy and kept only if all of it applies.
 */
final class FakeWireguardDevice {
  WireguardKey privateKey = WireguardKey.ZERO;
  int listenPort;
  int firewallMark;
  final Map<WireguardKey, Peer> peers = new LinkedHashMap<>();

  /** A peer's state; its counters are what {@link FakeWireGuard}'s traffic simulation moves. */
  static final class Peer {
    final WireguardKey publicKey;
    WireguardKey presharedKey = WireguardKey.ZERO;
    InetSocketAddress endpoint;
    Duration keepalive = Duration.ZERO;
    Instant lastHandshake;
    long rxBytes;
    long txBytes;
    final List<AllowedIp> allowedIps = new ArrayList<>();

    Peer(WireguardKey publicKey) {
      this.publicKey = publicKey;
    }

    Peer copy() {
      var p = new Peer(publicKey);
      p.presharedKey = presharedKey;
      p.endpoint = endpoint;
      p.keepalive = keepalive;
      p.lastHandshake = lastHandshake;
      p.rxBytes = rxBytes;
      p.txBytes = txBytes;
      p.allowedIps.addAll(allowedIps);
      return p;
    }

    WireguardPeer snapshot() {
      return new WireguardPeer(publicKey, presharedKey, endpoint, keepalive, lastHandshake, rxBytes, txBytes,
          allowedIps, 1);
    }
  }

  WireguardKey publicKey() {
    return privateKey.isZero() ? WireguardKey.ZERO : privateKey.publicKey();
  }

  WireguardDevice snapshot(String name) {
    return new WireguardDevice(name, privateKey, publicKey(), listenPort, firewallMark,
        peers.values().stream().map(Peer::snapshot).toList());
  }

  /**
   * The device after {@code config}, leaving this one as it is.
   *
   * @param portTaken whether another device holds a port ({@link Errno#EADDRINUSE})
   * @param freePort a port to take for {@code listenPort 0}
   */
  FakeWireguardDevice applied(WireguardConfig config, IntPredicate portTaken, IntSupplier freePort, String doing)
      throws WireguardException {
    FakeWireguardDevice next = copy();
    if (config.listenPort() != null) {
      int port = config.listenPort() == 0 ? freePort.getAsInt() : config.listenPort();
      if (port != listenPort && portTaken.test(port)) {
        throw new WireguardException(Errno.EADDRINUSE, doing + " (port " + port + ")");
      }
      next.listenPort = port;
    }
    if (config.privateKey() != null && !config.privateKey().equals(privateKey)) {
      next.privateKey = config.privateKey();
      next.peers.remove(next.publicKey());
    }
    if (config.firewallMark() != null) {
      next.firewallMark = config.firewallMark();
    }
    if (config.replacePeers()) {
      next.peers.clear();
    }
    for (WireguardPeerConfig change : config.peers()) {
      next.apply(change);
    }
    return next;
  }

  private void apply(WireguardPeerConfig change) {
    WireguardKey key = change.publicKey();
    if (!privateKey.isZero() && key.equals(publicKey())) {
      return;
    }
    if (change.remove()) {
      peers.remove(key);
      return;
    }
    Peer peer = peers.get(key);
    if (peer == null) {
      if (change.updateOnly()) {
        return;
      }
      peer = new Peer(key);
      peers.put(key, peer);
    }
    if (change.presharedKey() != null) {
      peer.presharedKey = change.presharedKey();
    }
    if (change.endpoint() != null) {
      peer.endpoint = change.endpoint();
    }
    if (change.persistentKeepalive() != null) {
      peer.keepalive = change.persistentKeepalive();
    }
    if (change.replaceAllowedIps()) {
      peer.allowedIps.clear();
    }
    for (AllowedIp ip : change.allowedIps()) {
      AllowedIp masked = ip.masked();
      peers.values().forEach(other -> other.allowedIps.remove(masked));
      peer.allowedIps.add(masked);
    }
  }

  private FakeWireguardDevice copy() {
    var d = new FakeWireguardDevice();
    d.privateKey = privateKey;
    d.listenPort = listenPort;
    d.firewallMark = firewallMark;
    peers.forEach((k, p) -> d.peers.put(k, p.copy()));
    return d;
  }
}
