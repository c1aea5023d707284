package dev.spindle.platform.wireguard;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A peer as the device reports it ({@code wg show}): its configuration and its live counters.
 *
 * @param publicKey the peer's public key
 * @param presharedKey {@link WireguardKey#ZERO} when there is none
 * @param endpoint the configured or last roamed-to endpoint, {@code null} if none is known yet
 * @param persistentKeepalive {@link Duration#ZERO} when off
 * @param lastHandshake {@code null} if there never was a handshake
 * @param rxBytes bytes received from the peer
 * @param txBytes bytes sent to the peer
 * @param allowedIps in the device's order
 * @param protocolVersion 1, or 0 when the device does not say
 */
public record WireguardPeer(WireguardKey publicKey, WireguardKey presharedKey, InetSocketAddress endpoint,
    Duration persistentKeepalive, Instant lastHandshake, long rxBytes, long txBytes, List<AllowedIp> allowedIps,
    int protocolVersion) {
  public WireguardPeer {
    Objects.requireNonNull(publicKey, "publicKey");
    presharedKey = presharedKey == null ? WireguardKey.ZERO : presharedKey;
    persistentKeepalive = persistentKeepalive == null ? Duration.ZERO : persistentKeepalive;
    allowedIps = allowedIps == null ? List.of() : List.copyOf(allowedIps);
  }
}
