package dev.spindle.platform.wireguard.linux;

import static dev.spindle.platform.wireguard.linux.WgCodec.*;

import dev.spindle.platform.network.linux.GenlMsgHdr;
import dev.spindle.platform.network.linux.NlMsg;
import dev.spindle.platform.network.linux.RtAttr;
import dev.spindle.platform.wireguard.AllowedIp;
import dev.spindle.platform.wireguard.WireguardConfig;
import dev.spindle.platform.wireguard.WireguardKey;
import dev.spindle.platform.wireguard.WireguardPeerConfig;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes a {@link WireguardConfig} as the attributes of one or more {@code WG_CMD_SET_DEVICE} messages, packing as
 * many peers into each as fit its size limit, as {@code linux/wireguard.h} asks of a sender whose configuration
 * exceeds one message:
 *
 * <ul>
 *   <li>a new listen port, when the change holds more than that, goes first in a message of its own, so that a port
 *       already taken refuses the change before any of it is applied (the kernel applies a message's fields in turn);
 *   <li>every message names the device; only the first (after the port's) carries its private key, firewall mark and
 *       {@code WGDEVICE_F_REPLACE_PEERS}, so the peers are cleared once and the later messages append;
 *   <li>a peer whose allowed IPs do not fit is cut: the rest follow in the next message as a continuation with only
 *       the public key and the allowed IPs, without {@code WGPEER_F_REPLACE_ALLOWEDIPS} (which would drop the IPs
 *       just added). A continuation is always {@code WGPEER_F_UPDATE_ONLY}: the first part has created the peer if it
 *       was to be created, so a continuation can never create a peer an update-only change skipped;
 *   <li>a removal is the public key and {@code WGPEER_F_REMOVE_ME} alone (the kernel ignores the rest of it).
 * </ul>
 *
 * <p>{@code wgctrl-go} cuts by count (one peer per message past 32 peers, 256 allowed IPs per part); packing by size
 * sends far fewer messages for the same effect. Nests are written with {@code NLA_F_NESTED}, arrays with index 0 as
 * the kernel documents them.
 */
final class WgConfigEncoder {
  /** Smallest limit accepted: room for the device head and the largest peer head with one IPv6 allowed IP. */
  static final int MIN_LIMIT = 512;
  /** Largest limit accepted: a nested attribute's length is 16 bits, and the peer list is one nest. */
  static final int MAX_LIMIT = 65535;

  private static final int HEADERS = NlMsg.SIZE + GenlMsgHdr.SIZE;
  private static final int KEY_ATTR = RtAttr.HEADER + WireguardKey.LENGTH;
  private static final int SCALAR_ATTR = RtAttr.HEADER + 4; // u8, u16 and u32 all pad to 4

  private final String name;
  private final WireguardConfig config;
  private final int limit;
  private final List<byte[]> messages = new ArrayList<>();
  private ByteBuffer current;
  private int peersNest = -1;

  private WgConfigEncoder(String name, WireguardConfig config, int limit) {
    this.name = name;
    this.config = config;
    this.limit = limit;
  }

  static List<byte[]> encode(String name, WireguardConfig config, int limit) {
    if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "wireguard message limit must be " + MIN_LIMIT + ".." + MAX_LIMIT + " bytes, not " + limit);
    }
    List<byte[]> messages = new ArrayList<>();
    if (config.listenPort() != null && (config.privateKey() != null || config.firewallMark() != null
        || config.replacePeers() || !config.peers().isEmpty())) {
      messages.add(portOnly(name, config.listenPort()));
      config = new WireguardConfig(config.privateKey(), null, config.firewallMark(), config.replacePeers(),
          config.peers());
    }
    var encoder = new WgConfigEncoder(name, config, limit);
    for (WireguardPeerConfig peer : config.peers()) {
      encoder.add(peer);
    }
    encoder.flush();
    messages.addAll(encoder.messages);
    return messages;
  }

  /**
   * The listen port alone. The kernel sets the firewall mark before it binds the port, and a port another socket holds
   * ({@code EADDRINUSE}, only once the device is up) ends the request there; sent first and alone, a taken port
   * refuses the change before anything of it is applied.
   */
  private static byte[] portOnly(String name, int port) {
    ByteBuffer out = ByteBuffer.allocate(64).order(ByteOrder.nativeOrder());
    RtAttr.putString(out, WGDEVICE_A_IFNAME, name);
    RtAttr.putU16(out, WGDEVICE_A_LISTEN_PORT, port);
    return Arrays.copyOf(out.array(), out.position());
  }

  private void add(WireguardPeerConfig peer) {
    List<AllowedIp> ips = peer.remove() ? List.of() : peer.allowedIps();
    int next = 0;
    boolean first = true;
    while (true) {
      int needed = headSize(peer, first) + (next < ips.size() ? RtAttr.HEADER + ipSize(ips.get(next)) : 0);
      if (free() < needed) {
        flush();
        if (free() < needed) {
          throw new IllegalStateException("a " + limit + "-byte message cannot hold one peer of " + needed + " bytes");
        }
      }
      next = putPeer(peer, first, ips, next);
      first = false;
      if (next >= ips.size()) {
        return;
      }
      flush(); // the rest of this peer's allowed IPs continue in the next message
    }
  }

  /** Writes one part of {@code peer}: its head, then allowed IPs from {@code next} while they fit; returns the next. */
  private int putPeer(WireguardPeerConfig peer, boolean first, List<AllowedIp> ips, int next) {
    ByteBuffer out = current();
    if (peersNest < 0) {
      peersNest = begin(out, WGDEVICE_A_PEERS);
    }
    int peerNest = begin(out, 0);
    RtAttr.put(out, WGPEER_A_PUBLIC_KEY, peer.publicKey().bytes());
    int flags = flags(peer, first);
    if (flags != 0) {
      RtAttr.putU32(out, WGPEER_A_FLAGS, flags);
    }
    if (first && !peer.remove()) {
      if (peer.presharedKey() != null) {
        RtAttr.put(out, WGPEER_A_PRESHARED_KEY, peer.presharedKey().bytes());
      }
      if (peer.endpoint() != null) {
        RtAttr.put(out, WGPEER_A_ENDPOINT, WgSockaddr.encode(peer.endpoint()));
      }
      if (peer.persistentKeepalive() != null) {
        RtAttr.putU16(out, WGPEER_A_PERSISTENT_KEEPALIVE_INTERVAL, (int) peer.persistentKeepalive().toSeconds());
      }
    }
    if (next < ips.size()) {
      int ipsNest = begin(out, WGPEER_A_ALLOWEDIPS);
      while (next < ips.size() && out.remaining() >= ipSize(ips.get(next))) {
        putAllowedIp(out, ips.get(next++));
      }
      end(out, ipsNest);
    }
    end(out, peerNest);
    return next;
  }

  private static void putAllowedIp(ByteBuffer out, AllowedIp ip) {
    int nest = begin(out, 0);
    RtAttr.putU16(out, WGALLOWEDIP_A_FAMILY, ip.isIpv6() ? WgSockaddr.AF_INET6 : WgSockaddr.AF_INET);
    RtAttr.put(out, WGALLOWEDIP_A_IPADDR, ip.address().getAddress());
    RtAttr.putU8(out, WGALLOWEDIP_A_CIDR_MASK, ip.prefixLength());
    end(out, nest);
  }

  private static int flags(WireguardPeerConfig peer, boolean first) {
    if (!first) {
      return WGPEER_F_UPDATE_ONLY;
    }
    if (peer.remove()) {
      return WGPEER_F_REMOVE_ME;
    }
    return (peer.replaceAllowedIps() ? WGPEER_F_REPLACE_ALLOWEDIPS : 0) | (peer.updateOnly() ? WGPEER_F_UPDATE_ONLY : 0);
  }

  /** Bytes of a peer part without its allowed IPs: nest header, public key, flags, and the first part's settings. */
  private static int headSize(WireguardPeerConfig peer, boolean first) {
    int size = RtAttr.HEADER + KEY_ATTR + (flags(peer, first) != 0 ? SCALAR_ATTR : 0);
    if (first && !peer.remove()) {
      size += peer.presharedKey() != null ? KEY_ATTR : 0;
      size += peer.endpoint() != null ? RtAttr.HEADER + WgSockaddr.size(peer.endpoint()) : 0;
      size += peer.persistentKeepalive() != null ? SCALAR_ATTR : 0;
    }
    return size;
  }

  /** Bytes of one allowed IP entry: nest header, family (u16), address, mask (u8). */
  private static int ipSize(AllowedIp ip) {
    return RtAttr.HEADER + SCALAR_ATTR + RtAttr.HEADER + (ip.isIpv6() ? 16 : 4) + SCALAR_ATTR;
  }

  /** Room left in the current message for peer parts, keeping space for the peer list's nest header. */
  private int free() {
    return current().remaining() - (peersNest < 0 ? RtAttr.HEADER : 0);
  }

  /** The message being filled, started with its device head when there is none. */
  private ByteBuffer current() {
    if (current == null) {
      current = ByteBuffer.allocate(limit - HEADERS).order(ByteOrder.nativeOrder());
      RtAttr.putString(current, WGDEVICE_A_IFNAME, name);
      if (messages.isEmpty()) {
        putDeviceFields(current);
      }
    }
    return current;
  }

  private void putDeviceFields(ByteBuffer out) {
    if (config.privateKey() != null) {
      RtAttr.put(out, WGDEVICE_A_PRIVATE_KEY, config.privateKey().bytes());
    }
    if (config.listenPort() != null) {
      RtAttr.putU16(out, WGDEVICE_A_LISTEN_PORT, config.listenPort());
    }
    if (config.firewallMark() != null) {
      RtAttr.putU32(out, WGDEVICE_A_FWMARK, config.firewallMark());
    }
    if (config.replacePeers()) {
      RtAttr.putU32(out, WGDEVICE_A_FLAGS, WGDEVICE_F_REPLACE_PEERS);
    }
  }

  /** Ends the current message (the first is sent even when it holds no peers: it carries the device's fields). */
  private void flush() {
    ByteBuffer out = messages.isEmpty() ? current() : current;
    if (out == null) {
      return;
    }
    if (peersNest >= 0) {
      end(out, peersNest);
    }
    messages.add(Arrays.copyOf(out.array(), out.position()));
    current = null;
    peersNest = -1;
  }

  private static int begin(ByteBuffer out, int type) {
    int start = out.position();
    out.putShort((short) 0).putShort((short) (type | RtAttr.NLA_F_NESTED));
    return start;
  }

  private static void end(ByteBuffer out, int start) {
    out.putShort(start, (short) (out.position() - start));
  }
}
