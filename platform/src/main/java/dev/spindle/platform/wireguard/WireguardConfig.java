package dev.spindle.platform.wireguard;

import java.util.List;

/**
 * One change to a device, applied as a whole ({@code wg set} / {@code WG_CMD_SET_DEVICE} / a UAPI {@code set=1}).
 * A {@code null} field is left as it is; peers not named are untouched unless {@code replacePeers}.
 *
 * @param privateKey the new private key; {@link WireguardKey#ZERO} removes it
 * @param listenPort the new port, 0 for any free port
 * @param firewallMark the new mark, 0 to clear it
 * @param replacePeers remove every peer before applying {@code peers}
 * @param peers per-peer changes, in order
 */
public record WireguardConfig(WireguardKey privateKey, Integer listenPort, Integer firewallMark, boolean replacePeers,
    List<WireguardPeerConfig> peers) {
  public WireguardConfig {
    peers = peers == null ? List.of() : List.copyOf(peers);
    if (listenPort != null && (listenPort < 0 || listenPort > 65535)) {
      throw new IllegalArgumentException("listen port must be between 0 and 65535, not " + listenPort);
    }
  }

  /** A change of peers only. */
  public static WireguardConfig ofPeers(List<WireguardPeerConfig> peers) {
    return new WireguardConfig(null, null, null, false, peers);
  }

  /** True when applying this would change nothing. */
  public boolean isEmpty() {
    return privateKey == null && listenPort == null && firewallMark == null && !replacePeers && peers.isEmpty();
  }
}
