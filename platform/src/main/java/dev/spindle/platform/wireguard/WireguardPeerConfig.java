package dev.spindle.platform.wireguard;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A change to one peer, as {@code wg set <dev> peer ...} makes it. A {@code null} field is left as it is.
 *
 * @param publicKey which peer
 * @param remove remove the peer (every other field is ignored)
 * @param updateOnly change the peer only if the device has it already (never add it)
 * @param presharedKey the new preshared key; {@link WireguardKey#ZERO} removes it
 * @param endpoint the new endpoint (an IP literal and port; names are resolved before this point)
 * @param persistentKeepalive the new interval (whole seconds, 0..65535); {@link Duration#ZERO} turns it off
 * @param replaceAllowedIps clear the peer's allowed IPs before adding {@code allowedIps}
 * @param allowedIps prefixes to add (after clearing, with {@code replaceAllowedIps})
 */
public record WireguardPeerConfig(WireguardKey publicKey, boolean remove, boolean updateOnly,
    WireguardKey presharedKey, InetSocketAddress endpoint, Duration persistentKeepalive, boolean replaceAllowedIps,
    List<AllowedIp> allowedIps) {
  public WireguardPeerConfig {
    Objects.requireNonNull(publicKey, "publicKey");
    allowedIps = allowedIps == null ? List.of() : List.copyOf(allowedIps);
    if (persistentKeepalive != null
        && (persistentKeepalive.isNegative() || persistentKeepalive.toSeconds() > 65535
            || persistentKeepalive.toNanosPart() != 0)) {
      throw new IllegalArgumentException(
          "persistent keepalive must be whole seconds in 0..65535, not " + persistentKeepalive);
    }
    if (endpoint != null && endpoint.isUnresolved()) {
      throw new IllegalArgumentException("peer endpoint must be an IP address, not " + endpoint.getHostString());
    }
  }

  /** {@code wg set <dev> peer <key> remove}. */
  public static WireguardPeerConfig removal(WireguardKey publicKey) {
    return new WireguardPeerConfig(publicKey, true, false, null, null, null, false, List.of());
  }

  /**
   * Add or replace a peer with exactly these settings (the allowed IPs replace the old ones; the keepalive is always
   * set, as Talos sets it): what a minimal diff sends for a new or changed peer.
   */
  public static WireguardPeerConfig replacing(WireguardKey publicKey, WireguardKey presharedKey,
      InetSocketAddress endpoint, Duration persistentKeepalive, List<AllowedIp> allowedIps) {
    return new WireguardPeerConfig(publicKey, false, false, presharedKey, endpoint,
        persistentKeepalive == null ? Duration.ZERO : persistentKeepalive, true, allowedIps);
  }
}
