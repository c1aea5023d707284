package dev.spindle.resources.config;

import dev.spindle.resources.network.IpPrefix;
import java.time.Duration;
import java.util.List;

/**
 * One {@code peers[]} entry of a {@link WireguardConfig}: the peer's public key, an optional preshared key
 * ({@code ""} when unset; a secret, never shown by {@link #toString()}), an optional endpoint {@code ip:port}
 * ({@code ""} when unset: the peer must reach us first), the keepalive interval ({@link Duration#ZERO}: off) and the
 * prefixes routed to the peer.
 */
public record WireguardPeerConfig(String publicKey, String presharedKey, String endpoint,
    Duration persistentKeepaliveInterval, List<IpPrefix> allowedIps) {
  public WireguardPeerConfig {
    publicKey = publicKey == null ? "" : publicKey;
    presharedKey = presharedKey == null ? "" : presharedKey;
    endpoint = endpoint == null ? "" : endpoint;
    persistentKeepaliveInterval = persistentKeepaliveInterval == null ? Duration.ZERO : persistentKeepaliveInterval;
    allowedIps = allowedIps == null ? List.of() : List.copyOf(allowedIps);
  }

  @Override
  public String toString() {
    return "WireguardPeerConfig[publicKey=" + publicKey + ", presharedKey="
        + (presharedKey.isEmpty() ? "" : Problems.REDACTED) + ", endpoint=" + endpoint
        + ", persistentKeepaliveInterval=" + persistentKeepaliveInterval + ", allowedIps=" + allowedIps + "]";
  }
}
