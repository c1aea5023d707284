package dev.spindle.platform.wireguard;

import java.util.List;
import java.util.Objects;

/**
 * A WireGuard device as it is now ({@code wg show <name>}).
 *
 * @param name the link name
 * @param privateKey {@link WireguardKey#ZERO} on a device that has none yet (what the kernel reports for a fresh link)
 * @param publicKey derived from the private key; {@link WireguardKey#ZERO} when there is no private key
 * @param listenPort the UDP port the device listens on (the one chosen when configured with 0), 0 if none yet
 * @param firewallMark 0 when off
 * @param peers in the device's order
 */
public record WireguardDevice(String name, WireguardKey privateKey, WireguardKey publicKey, int listenPort,
    int firewallMark, List<WireguardPeer> peers) {
  public WireguardDevice {
    Objects.requireNonNull(name, "name");
    privateKey = privateKey == null ? WireguardKey.ZERO : privateKey;
    publicKey = publicKey == null ? WireguardKey.ZERO : publicKey;
    peers = peers == null ? List.of() : List.copyOf(peers);
  }
}
