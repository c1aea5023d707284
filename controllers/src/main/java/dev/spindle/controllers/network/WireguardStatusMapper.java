package dev.spindle.controllers.network;

import dev.spindle.platform.wireguard.AllowedIp;
import dev.spindle.platform.wireguard.WireguardDevice;
import dev.spindle.platform.wireguard.WireguardPeer;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.IpPrefix;
import dev.spindle.resources.network.WireguardPeerStatus;
import dev.spindle.resources.network.WireguardSpec;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * A WireGuard device as resources show it: the {@code wireguard} section of its {@code LinkStatus} (Talos's status
 * decode: the public key, never the private one; peers without their preshared keys) and one
 * {@link WireguardPeerStatus} per peer.
 */
final class WireguardStatusMapper {
  private WireguardStatusMapper() {}

  static WireguardSpec linkSection(WireguardDevice device) {
    return new WireguardSpec("", device.publicKey().isZero() ? "" : device.publicKey().base64(),
        device.listenPort(), device.firewallMark(), device.peers().stream()
            .map(p -> new dev.spindle.resources.network.WireguardPeer(p.publicKey().base64(), "", endpoint(p),
                p.persistentKeepalive(), prefixes(p.allowedIps())))
            .toList());
  }

  static WireguardPeerStatus peer(String link, WireguardPeer p) {
    return new WireguardPeerStatus(link, p.publicKey().base64(), endpoint(p), p.lastHandshake(), p.rxBytes(),
        p.txBytes(), p.persistentKeepalive(), prefixes(p.allowedIps()));
  }

  /** {@code ip:port}, IPv6 in brackets, as Go prints a UDP address; {@code ""} when there is none. */
  static String endpoint(WireguardPeer p) {
    InetSocketAddress e = p.endpoint();
    if (e == null || e.getAddress() == null) {
      return "";
    }
    String host = new IpAddr(e.getAddress().getAddress()).toString();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + e.getPort();
  }

  private static List<IpPrefix> prefixes(List<AllowedIp> ips) {
    return ips.stream().map(ip -> new IpPrefix(new IpAddr(ip.address().getAddress()), ip.prefixLength())).toList();
  }
}
