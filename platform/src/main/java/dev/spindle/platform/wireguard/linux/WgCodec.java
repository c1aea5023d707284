package dev.spindle.platform.wireguard.linux;

import dev.spindle.platform.network.linux.GenlCodec;
import dev.spindle.platform.network.linux.MalformedNetlinkException;
import dev.spindle.platform.network.linux.NlMsg;
import dev.spindle.platform.network.linux.RtAttr;
import dev.spindle.platform.wireguard.AllowedIp;
import dev.spindle.platform.wireguard.WireguardConfig;
import dev.spindle.platform.wireguard.WireguardDevice;
import dev.spindle.platform.wireguard.WireguardKey;
import dev.spindle.platform.wireguard.WireguardPeer;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel WireGuard family's messages ({@code linux/wireguard.h}, family {@code wireguard}, version 1) to and from
 * bytes, without touching a socket: the {@code WG_CMD_GET_DEVICE} dump request and its multi-part answer, decoded into
 * a {@link WireguardDevice}; {@code WG_CMD_SET_DEVICE} requests for a {@link WireguardConfig}, split into messages of
 * at most a given size by {@link WgConfigEncoder}. Bad input throws {@link MalformedNetlinkException} and nothing else.
 *
 * <p>A device's answer may span several messages: later ones carry only the device name and more peers, and a peer
 * whose allowed IPs did not fit continues in the next message with only its public key and the rest of its allowed
 * IPs. {@link #decodeDevice} coalesces them by public key, as {@code wgctrl-go} does.
 */
public final class WgCodec {
  public static final String GENL_NAME = "wireguard";
  public static final int GENL_VERSION = 1;

  public static final int WG_CMD_GET_DEVICE = 0;
  public static final int WG_CMD_SET_DEVICE = 1;

  public static final int WGDEVICE_F_REPLACE_PEERS = 1;

  public static final int WGDEVICE_A_IFINDEX = 1;
  public static final int WGDEVICE_A_IFNAME = 2;
  public static final int WGDEVICE_A_PRIVATE_KEY = 3;
  public static final int WGDEVICE_A_PUBLIC_KEY = 4;
  public static final int WGDEVICE_A_FLAGS = 5;
  public static final int WGDEVICE_A_LISTEN_PORT = 6;
  public static final int WGDEVICE_A_FWMARK = 7;
  public static final int WGDEVICE_A_PEERS = 8;

  public static final int WGPEER_F_REMOVE_ME = 1;
  public static final int WGPEER_F_REPLACE_ALLOWEDIPS = 2;
  public static final int WGPEER_F_UPDATE_ONLY = 4;

  public static final int WGPEER_A_PUBLIC_KEY = 1;
  public static final int WGPEER_A_PRESHARED_KEY = 2;
  public static final int WGPEER_A_FLAGS = 3;
  public static final int WGPEER_A_ENDPOINT = 4;
  public static final int WGPEER_A_PERSISTENT_KEEPALIVE_INTERVAL = 5;
  public static final int WGPEER_A_LAST_HANDSHAKE_TIME = 6;
  public static final int WGPEER_A_RX_BYTES = 7;
  public static final int WGPEER_A_TX_BYTES = 8;
  public static final int WGPEER_A_ALLOWEDIPS = 9;
  public static final int WGPEER_A_PROTOCOL_VERSION = 10;

  public static final int WGALLOWEDIP_A_FAMILY = 1;
  public static final int WGALLOWEDIP_A_IPADDR = 2;
  public static final int WGALLOWEDIP_A_CIDR_MASK = 3;

  /** {@code IFNAMSIZ}: a device name has at most 15 bytes and its NUL. */
  public static final int IFNAMSIZ = 16;

  /**
   * Default size of one {@code WG_CMD_SET_DEVICE} message, headers included: 8 KiB, the most {@code wg(8)} puts in one
   * (libmnl's {@code MNL_SOCKET_BUFFER_SIZE} caps there), well under the 64 KiB a nested attribute can hold.
   */
  public static final int DEFAULT_MESSAGE_LIMIT = 8192;

  private WgCodec() {}

  /** {@code WG_CMD_GET_DEVICE} by {@code WGDEVICE_A_IFNAME}, a dump request as the family requires. */
  public static byte[] getDeviceRequest(int familyId, int seq, String name) {
    ByteBuffer attrs = ByteBuffer.allocate(RtAttr.HEADER + IFNAMSIZ);
    RtAttr.putString(attrs, WGDEVICE_A_IFNAME, checkName(name));
    return GenlCodec.request(familyId, NlMsg.NLM_F_REQUEST | NlMsg.NLM_F_DUMP, seq, WG_CMD_GET_DEVICE, GENL_VERSION,
        java.util.Arrays.copyOf(attrs.array(), attrs.position()));
  }

  /**
   * The attribute sets of the {@code WG_CMD_SET_DEVICE} messages that apply {@code config} to device {@code name},
   * each message (headers included) at most {@code limit} bytes; see {@link WgConfigEncoder}.
   *
   * @throws IllegalArgumentException for a name the kernel refuses or a limit outside
   *     {@value WgConfigEncoder#MIN_LIMIT}..{@value WgConfigEncoder#MAX_LIMIT}
   */
  public static List<byte[]> setDeviceAttributes(String name, WireguardConfig config, int limit) {
    return WgConfigEncoder.encode(checkName(name), config, limit);
  }

  /** One {@code WG_CMD_SET_DEVICE} request around attributes from {@link #setDeviceAttributes}, acknowledged. */
  public static byte[] setDeviceRequest(int familyId, int seq, byte[] attributes) {
    return GenlCodec.request(familyId, NlMsg.NLM_F_REQUEST | NlMsg.NLM_F_ACK, seq, WG_CMD_SET_DEVICE, GENL_VERSION,
        attributes);
  }

  static String checkName(String name) {
    int bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (bytes == 0 || bytes >= IFNAMSIZ || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "wireguard device name must be 1.." + (IFNAMSIZ - 1) + " bytes without NUL: \"" + name + "\"");
    }
    return name;
  }

  /**
   * Decodes the answer to {@link #getDeviceRequest}: the attributes (after the {@code genlmsghdr}) of each of its
   * messages, in order. A device without {@code WGDEVICE_A_IFNAME} is named {@code name}.
   */
  public static WireguardDevice decodeDevice(String name, List<ByteBuffer> messages) {
    if (messages.isEmpty()) {
      throw new MalformedNetlinkException("wireguard device answer without messages");
    }
    String reported = null;
    WireguardKey privateKey = null;
    WireguardKey publicKey = null;
    int listenPort = 0;
    int firewallMark = 0;
    Map<WireguardKey, PeerParts> peers = new LinkedHashMap<>();
    for (ByteBuffer message : messages) {
      for (RtAttr a : RtAttr.parse(message)) {
        switch (a.type()) {
          case WGDEVICE_A_IFNAME -> reported = a.string();
          case WGDEVICE_A_PRIVATE_KEY -> privateKey = key(a);
          case WGDEVICE_A_PUBLIC_KEY -> publicKey = key(a);
          case WGDEVICE_A_LISTEN_PORT -> listenPort = a.u16();
          case WGDEVICE_A_FWMARK -> firewallMark = a.u32();
          case WGDEVICE_A_PEERS -> {
            for (RtAttr peer : a.nested()) {
              decodePeer(peer, peers);
            }
          }
          default -> {} // WGDEVICE_A_IFINDEX, and attributes of later kernels
        }
      }
    }
    List<WireguardPeer> list = new ArrayList<>(peers.size());
    for (PeerParts parts : peers.values()) {
      list.add(parts.build());
    }
    return new WireguardDevice(reported == null ? name : reported, privateKey, publicKey, listenPort, firewallMark,
        list);
  }

  /** One peer, or the continuation of one already seen (the same public key): its allowed IPs are appended. */
  private static void decodePeer(RtAttr peer, Map<WireguardKey, PeerParts> peers) {
    PeerParts parts = new PeerParts();
    for (RtAttr a : peer.nested()) {
      switch (a.type()) {
        case WGPEER_A_PUBLIC_KEY -> parts.publicKey = key(a);
        case WGPEER_A_PRESHARED_KEY -> parts.presharedKey = key(a);
        case WGPEER_A_ENDPOINT -> parts.endpoint = WgSockaddr.decode(a.value());
        case WGPEER_A_PERSISTENT_KEEPALIVE_INTERVAL -> parts.keepalive = Duration.ofSeconds(a.u16());
        case WGPEER_A_LAST_HANDSHAKE_TIME -> parts.lastHandshake = timespec(a);
        case WGPEER_A_RX_BYTES -> parts.rxBytes = a.u64();
        case WGPEER_A_TX_BYTES -> parts.txBytes = a.u64();
        case WGPEER_A_PROTOCOL_VERSION -> parts.protocolVersion = a.u32();
        case WGPEER_A_ALLOWEDIPS -> {
          for (RtAttr ip : a.nested()) {
            parts.allowedIps.add(allowedIp(ip));
          }
        }
        default -> {}
      }
    }
    if (parts.publicKey == null) {
      throw new MalformedNetlinkException("wireguard peer " + peer.type() + " without WGPEER_A_PUBLIC_KEY");
    }
    PeerParts known = peers.putIfAbsent(parts.publicKey, parts);
    if (known != null) {
      known.allowedIps.addAll(parts.allowedIps);
    }
  }

  private static AllowedIp allowedIp(RtAttr entry) {
    int family = -1;
    byte[] address = null;
    int mask = -1;
    for (RtAttr a : entry.nested()) {
      switch (a.type()) {
        case WGALLOWEDIP_A_FAMILY -> family = a.u16();
        case WGALLOWEDIP_A_IPADDR -> address = a.bytes();
        case WGALLOWEDIP_A_CIDR_MASK -> mask = a.u8();
        default -> {}
      }
    }
    int length = family == WgSockaddr.AF_INET ? 4 : family == WgSockaddr.AF_INET6 ? 16 : -1;
    if (length < 0 || address == null || address.length != length || mask < 0 || mask > length * 8) {
      throw new MalformedNetlinkException("allowed IP " + entry.type() + ": family " + family + ", "
          + (address == null ? "no" : address.length + "-byte") + " address, mask " + mask
          + " (want family 2 with 4 bytes and mask 0..32, or 10 with 16 bytes and 0..128)");
    }
    try {
      InetAddress ip = length == 4 ? InetAddress.getByAddress(address) : Inet6Address.getByAddress(null, address, -1);
      return new AllowedIp(ip, mask);
    } catch (UnknownHostException e) {
      throw new MalformedNetlinkException("allowed IP " + entry.type() + ": " + e.getMessage());
    }
  }

  private static WireguardKey key(RtAttr a) {
    if (a.value().remaining() != WireguardKey.LENGTH) {
      throw new MalformedNetlinkException(
          "attribute " + a.type() + ": " + a.value().remaining() + " bytes, a 32-byte key expected");
    }
    return WireguardKey.of(a.bytes());
  }

  /** A {@code struct __kernel_timespec} (two s64), or the 32-bit {@code timespec} of old kernels; zero is "never". */
  private static Instant timespec(RtAttr a) {
    ByteBuffer v = a.value().duplicate().order(ByteOrder.nativeOrder());
    long seconds;
    long nanos;
    if (v.remaining() == 16) {
      seconds = v.getLong(0);
      nanos = v.getLong(8);
    } else if (v.remaining() == 8) {
      seconds = v.getInt(0);
      nanos = v.getInt(4);
    } else {
      throw new MalformedNetlinkException(
          "attribute " + a.type() + ": " + v.remaining() + " bytes, an 8- or 16-byte timespec expected");
    }
    if (seconds == 0 && nanos == 0) {
      return null;
    }
    try {
      return Instant.ofEpochSecond(seconds, nanos);
    } catch (DateTimeException | ArithmeticException e) {
      throw new MalformedNetlinkException("attribute " + a.type() + ": timespec " + seconds + "." + nanos
          + " out of range");
    }
  }

  /** A peer as its parts arrive; the fields of a continuation other than allowed IPs are ignored. */
  private static final class PeerParts {
    WireguardKey publicKey;
    WireguardKey presharedKey;
    InetSocketAddress endpoint;
    Duration keepalive;
    Instant lastHandshake;
    long rxBytes;
    long txBytes;
    int protocolVersion;
    final List<AllowedIp> allowedIps = new ArrayList<>();

    WireguardPeer build() {
      return new WireguardPeer(publicKey, presharedKey, endpoint, keepalive, lastHandshake, rxBytes, txBytes,
          allowedIps, protocolVersion);
    }
  }
}
