package dev.spindle.controllers.network;

import dev.spindle.platform.wireguard.WireguardConfig;
import dev.spindle.platform.wireguard.WireguardDevice;
import dev.spindle.platform.wireguard.WireguardKey;
import dev.spindle.platform.wireguard.WireguardPeer;
import dev.spindle.platform.wireguard.WireguardPeerConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Faster first contact for WireGuard peers that Spindle dials: which peers that have not answered yet to remove and
 * add again, and when.
 *
 * <p>WireGuard sends a handshake initiation when a peer with a persistent keepalive is configured on a device that
 * is up, and after a lost initiation it waits {@code REKEY_TIMEOUT} (5 s, plus up to ⅓ s of jitter) before the
 * next; both the kernel and {@code wireguard-go} refuse an earlier one. When nodes start together, the first
 * initiation routinely reaches a node whose WireGuard device is not listening yet, and the mesh then waits those 5 s
 * (the workers of {@code gen config --wireguard-cidr} dial the control planes and nobody dials them, so such a pair
 * has no other way to meet). A peer removed and added again is a new peer to the device, and its keepalive sends a
 * fresh initiation at once; a peer that has not answered has no session, keys or traffic to lose.
 *
 * <p>So a peer with an endpoint and a keepalive that has not answered is re-added {@link #INTERVAL} after its window
 * began, and again each interval, at most {@link #ATTEMPTS} times: that covers the first {@code REKEY_TIMEOUT},
 * after which WireGuard's own retries are as frequent as these would be. A window begins when such a peer is added,
 * or changed while it has no session, or first seen without ever having had a handshake, and — for every peer —
 * when the device gets a new private key, since that ends every session and the peers may not know the new key yet
 * (its node may be applying its configuration after this one). A peer answers by a handshake newer than the one it
 * had when its window began. A peer changed in place while its session goes on is left alone: its last handshake
 * can stay the same for minutes. Between the device read and the re-add a handshake may complete; the re-add then
 * costs one more handshake, not the peer.
 */
final class WireguardRedial {
  static final Duration INTERVAL = Duration.ofSeconds(1);
  static final int ATTEMPTS = 4;

  /**
   * One peer's first-contact window: when it began, how many re-adds were made, and the peer's last handshake when
   * it began ({@code null} for a peer that never had one): a different one means the peer answered.
   */
  private record Window(long since, int attempts, Instant handshakeBefore) {}

  /** What a pass should do: re-add these peers (as one change), and look again after {@code next} if present. */
  record Plan(Optional<WireguardConfig> change, List<WireguardPeer> peers, Optional<Duration> next) {}

  private final long interval;
  private final Map<String, Map<WireguardKey, Window>> windows = new HashMap<>();

  WireguardRedial() {
    this(INTERVAL);
  }

  WireguardRedial(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("redial interval must be positive, not " + interval);
    }
    this.interval = interval.toNanos();
  }

  /**
   * @param device the device as read at the start of the pass
   * @param changed public keys of the peers this pass's change added or updated: a window starts now for those
   *     without a session
   * @param rekeyed whether this pass's change gave the device a new private key: every session ended with the old
   *     key, so a window starts now for every peer
   * @param now {@link System#nanoTime()} or a test clock
   */
  Plan plan(String link, WireguardDevice device, Set<WireguardKey> changed, boolean rekeyed, long now) {
    Map<WireguardKey, Window> open = windows.computeIfAbsent(link, l -> new HashMap<>());
    var present = new HashSet<WireguardKey>(changed);
    var redial = new ArrayList<WireguardPeer>();
    Map<WireguardKey, WireguardPeer> byKey = new HashMap<>();
    for (WireguardPeer peer : device.peers()) {
      WireguardKey key = peer.publicKey();
      present.add(key);
      byKey.put(key, peer);
      if (rekeyed || changed.contains(key)) {
        continue;
      }
      Window w = open.get(key);
      if (w == null && peer.lastHandshake() == null) {
        w = new Window(now, 0, null); // first seen, never answered: as if configured now
        open.put(key, w);
      }
      if (w == null || !dials(peer) || answered(peer, w)) {
        open.remove(key); // not ours to dial, or answered since the window began
        continue;
      }
      if (w.attempts() < ATTEMPTS && now - w.since() >= (w.attempts() + 1) * interval) {
        redial.add(peer);
        open.put(key, new Window(w.since(), w.attempts() + 1, w.handshakeBefore()));
      }
    }
    for (WireguardKey key : rekeyed ? present : changed) {
      WireguardPeer before = byKey.get(key);
      Instant handshake = before == null ? null : before.lastHandshake();
      if (rekeyed || handshake == null) {
        open.put(key, new Window(now, 0, handshake));
      } else {
        open.remove(key); // changed in place: its session goes on
      }
    }
    open.keySet().retainAll(present);

    long next = Long.MAX_VALUE;
    for (Window w : open.values()) {
      if (w.attempts() < ATTEMPTS) {
        next = Math.min(next, w.since() + (w.attempts() + 1) * interval - now);
      }
    }
    var config = redial.isEmpty() ? Optional.<WireguardConfig>empty() : Optional.of(readd(redial));
    var after = next == Long.MAX_VALUE ? Optional.<Duration>empty() : Optional.of(Duration.ofNanos(Math.max(next, 1)));
    return new Plan(config, List.copyOf(redial), after);
  }

  /** Attempts made so far for a peer's current window (0 when it has none), for logs and tests. */
  int attempts(String link, WireguardKey peer) {
    Window w = windows.getOrDefault(link, Map.of()).get(peer);
    return w == null ? 0 : w.attempts();
  }

  /** Forgets a link that no longer exists. */
  void forget(Set<String> links) {
    windows.keySet().retainAll(links);
  }

  /** A handshake newer than the one before the window; a re-added peer has none at all, which is no answer. */
  private static boolean answered(WireguardPeer peer, Window w) {
    Instant last = peer.lastHandshake();
    return last != null && (w.handshakeBefore() == null || last.isAfter(w.handshakeBefore()));
  }

  /** Whether WireGuard itself dials this peer: it has an endpoint and a keepalive that sends initiations. */
  private static boolean dials(WireguardPeer peer) {
    return peer.endpoint() != null && !peer.persistentKeepalive().isZero();
  }

  /** Each peer removed, then added with exactly the settings the device had: one change, so one UAPI/netlink call. */
  private static WireguardConfig readd(List<WireguardPeer> peers) {
    var changes = new ArrayList<WireguardPeerConfig>();
    for (WireguardPeer p : peers) {
      changes.add(WireguardPeerConfig.removal(p.publicKey()));
      changes.add(WireguardPeerConfig.replacing(p.publicKey(), p.presharedKey(), p.endpoint(),
          p.persistentKeepalive(), p.allowedIps()));
    }
    return WireguardConfig.ofPeers(changes);
  }
}
