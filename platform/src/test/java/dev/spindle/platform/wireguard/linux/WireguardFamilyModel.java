package dev.spindle.platform.wireguard.linux;

import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.Iff;
import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.network.NetlinkException;
import dev.spindle.platform.network.Rtnetlink;
import dev.spindle.platform.network.linux.GenlCodec;
import dev.spindle.platform.network.linux.GenlFamily;
import dev.spindle.platform.network.linux.NlMsg;
import dev.spindle.platform.network.linux.RtAttr;
import dev.spindle.platform.wireguard.AllowedIp;
import dev.spindle.platform.wireguard.WireguardKey;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A model of the kernel's {@code wireguard} generic netlink family, in bytes: it parses {@code WG_CMD_SET_DEVICE}
 * requests and applies them as {@code drivers/net/wireguard/netlink.c} does (device fields, replace peers, per-peer
 * remove / update-only / replace-allowed-IPs, an allowed IP moving between peers, the device's own key ignored as a
 * peer, {@code EADDRINUSE} for a port another device that is up holds, after the firewall mark is set), and answers {@code WG_CMD_GET_DEVICE} dumps split as the kernel splits them: later messages with only the
 * index, the name and more peers, a peer's allowed IPs continued in the next message under its public key. Links come
 * from an {@link Rtnetlink} (a fake), as the kernel looks devices up among its links.
 *
 * <p>It parses requests with its own code, not {@link WgCodec}'s, so a codec bug is not mirrored. Dumps are cut by
 * count ({@link #PARTS_PER_MESSAGE} peer parts per message, {@link #IPS_PER_PART} allowed IPs per part) so that small
 * devices already span several messages.
 */
final class WireguardFamilyModel implements GenlChannel {
  static final int FAMILY = 0x1b;
  static final int PARTS_PER_MESSAGE = 3;
  static final int IPS_PER_PART = 4;

  private final Rtnetlink rtnl;
  private final boolean loaded;
  private final Map<Integer, Device> devices = new HashMap<>();
  private int interruptedDumps;
  private Errno failNext;
  private int failAfter;
  private int setRequests;
  private boolean closed;

  WireguardFamilyModel(Rtnetlink rtnl, boolean loaded) {
    this.rtnl = rtnl;
    this.loaded = loaded;
  }

  private static final class Device {
    int index;
    WireguardKey privateKey;
    int listenPort;
    int firewallMark;
    final Map<WireguardKey, Peer> peers = new LinkedHashMap<>();

    WireguardKey publicKey() {
      return privateKey == null ? null : privateKey.publicKey();
    }
  }

  private static final class Peer {
    WireguardKey presharedKey = WireguardKey.ZERO;
    byte[] endpoint;
    int keepalive;
    final List<AllowedIp> allowedIps = new ArrayList<>();
  }

  /** The next {@code n} dumps come back marked {@code NLM_F_DUMP_INTR}, as after a change during the dump. */
  synchronized void interruptDumps(int n) {
    interruptedDumps = n;
  }

  /** The exchange after {@code after} more succeed fails with {@code errno}. */
  synchronized void failAfter(int after, Errno errno) {
    failAfter = after;
    failNext = errno;
  }

  synchronized int interruptedDumpsLeft() {
    return interruptedDumps;
  }

  synchronized int setRequests() {
    return setRequests;
  }

  @Override
  public synchronized GenlFamily family(String name) throws NetlinkException {
    if (!loaded || !name.equals("wireguard")) {
      throw new NetlinkException(Errno.ENOENT, "resolving generic netlink family " + name);
    }
    return new GenlFamily("wireguard", FAMILY, 1, WgCodec.WGDEVICE_A_PEERS, Map.of());
  }

  @Override
  public synchronized List<NlMsg.Message> exchange(IntFunction<byte[]> request, String doing)
      throws NetlinkException {
    if (closed) {
      throw new NetlinkException(Errno.EIO, doing + ": socket closed");
    }
    byte[] bytes = request.apply(1);
    List<NlMsg.Message> messages = NlMsg.split(ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()));
    if (messages.size() != 1 || messages.getFirst().header().type() != FAMILY) {
      throw new NetlinkException(Errno.EINVAL, doing);
    }
    if (failNext != null && failAfter-- == 0) {
      Errno errno = failNext;
      failNext = null;
      throw new NetlinkException(errno, doing);
    }
    NlMsg.Message m = messages.getFirst();
    var genl = GenlCodec.decode(m.payload());
    Map<Integer, RtAttr> attrs = new HashMap<>();
    for (RtAttr a : RtAttr.parse(genl.attributes())) {
      attrs.put(a.type(), a);
    }
    int index = lookup(attrs.get(WgCodec.WGDEVICE_A_IFNAME), doing);
    Device device = devices.computeIfAbsent(index, i -> new Device());
    device.index = index;
    switch (genl.header().command()) {
      case WgCodec.WG_CMD_GET_DEVICE -> {
        if ((m.header().flags() & NlMsg.NLM_F_DUMP) != NlMsg.NLM_F_DUMP) {
          throw new NetlinkException(Errno.EOPNOTSUPP, doing);
        }
        return dump(index, attrs.get(WgCodec.WGDEVICE_A_IFNAME).string(), device);
      }
      case WgCodec.WG_CMD_SET_DEVICE -> {
        setRequests++;
        set(device, attrs, doing);
        return List.of();
      }
      default -> throw new NetlinkException(Errno.EOPNOTSUPP, doing);
    }
  }

  /** As the kernel's {@code lookup_interface}: no link is ENODEV, a link of another kind EOPNOTSUPP. */
  private int lookup(RtAttr name, String doing) throws NetlinkException {
    if (name == null) {
      throw new NetlinkException(Errno.EINVAL, doing);
    }
    List<LinkMessage> links = rtnl.links();
    // a link deleted and created again is a new device
    devices.keySet().removeIf(i -> links.stream().noneMatch(l -> l.index() == i));
    for (LinkMessage link : links) {
      if (link.name().equals(name.string())) {
        if (!"wireguard".equals(link.kind())) {
          throw new NetlinkException(Errno.EOPNOTSUPP, doing);
        }
        return link.index();
      }
    }
    throw new NetlinkException(Errno.ENODEV, doing);
  }

  private boolean isUp(Device device) {
    try {
      return rtnl.links().stream().anyMatch(l -> l.index() == device.index && l.hasFlags(Iff.UP));
    } catch (NetlinkException e) {
      throw new IllegalStateException(e);
    }
  }

  private void set(Device device, Map<Integer, RtAttr> attrs, String doing) throws NetlinkException {
    int flags = attrs.containsKey(WgCodec.WGDEVICE_A_FLAGS) ? attrs.get(WgCodec.WGDEVICE_A_FLAGS).u32() : 0;
    if ((flags & ~WgCodec.WGDEVICE_F_REPLACE_PEERS) != 0) {
      throw new NetlinkException(Errno.EOPNOTSUPP, doing);
    }
    if (attrs.containsKey(WgCodec.WGDEVICE_A_FWMARK)) {
      device.firewallMark = attrs.get(WgCodec.WGDEVICE_A_FWMARK).u32();
    }
    if (attrs.containsKey(WgCodec.WGDEVICE_A_LISTEN_PORT)) {
      int port = attrs.get(WgCodec.WGDEVICE_A_LISTEN_PORT).u16();
      // a device that is up binds its port at once; the fwmark above is already set when that fails
      if (port != 0 && port != device.listenPort && isUp(device) && devices.values().stream()
          .anyMatch(d -> d != device && d.listenPort == port && isUp(d))) {
        throw new NetlinkException(Errno.EADDRINUSE, doing);
      }
      device.listenPort = port;
    }
    if ((flags & WgCodec.WGDEVICE_F_REPLACE_PEERS) != 0) {
      device.peers.clear();
    }
    RtAttr privateKey = attrs.get(WgCodec.WGDEVICE_A_PRIVATE_KEY);
    if (privateKey != null && privateKey.value().remaining() == 32) {
      WireguardKey key = WireguardKey.of(privateKey.bytes());
      device.privateKey = key.isZero() ? null : key;
      if (device.privateKey != null) {
        device.peers.remove(device.publicKey()); // a peer with the device's own key cannot stay
      }
    }
    if (attrs.containsKey(WgCodec.WGDEVICE_A_PEERS)) {
      for (RtAttr peer : attrs.get(WgCodec.WGDEVICE_A_PEERS).nested()) {
        setPeer(device, peer, doing);
      }
    }
  }

  private void setPeer(Device device, RtAttr nest, String doing) throws NetlinkException {
    Map<Integer, RtAttr> attrs = new HashMap<>();
    for (RtAttr a : nest.nested()) {
      attrs.put(a.type(), a);
    }
    RtAttr publicKey = attrs.get(WgCodec.WGPEER_A_PUBLIC_KEY);
    if (publicKey == null || publicKey.value().remaining() != 32) {
      throw new NetlinkException(Errno.EINVAL, doing);
    }
    WireguardKey key = WireguardKey.of(publicKey.bytes());
    int flags = attrs.containsKey(WgCodec.WGPEER_A_FLAGS) ? attrs.get(WgCodec.WGPEER_A_FLAGS).u32() : 0;
    if ((flags & ~7) != 0) {
      throw new NetlinkException(Errno.EOPNOTSUPP, doing);
    }
    Peer peer = device.peers.get(key);
    if (peer == null) {
      if ((flags & (WgCodec.WGPEER_F_REMOVE_ME | WgCodec.WGPEER_F_UPDATE_ONLY)) != 0 || key.equals(device.publicKey())) {
        return;
      }
      flags &= ~WgCodec.WGPEER_F_REPLACE_ALLOWEDIPS;
      peer = new Peer();
      device.peers.put(key, peer);
    }
    if ((flags & WgCodec.WGPEER_F_REMOVE_ME) != 0) {
      device.peers.remove(key);
      return;
    }
    RtAttr psk = attrs.get(WgCodec.WGPEER_A_PRESHARED_KEY);
    if (psk != null && psk.value().remaining() == 32) {
      peer.presharedKey = WireguardKey.of(psk.bytes());
    }
    RtAttr endpoint = attrs.get(WgCodec.WGPEER_A_ENDPOINT);
    if (endpoint != null) {
      byte[] raw = endpoint.bytes();
      int family = raw.length >= 2 ? ByteBuffer.wrap(raw).order(ByteOrder.nativeOrder()).getShort(0) : -1;
      if ((raw.length == 16 && family == 2) || (raw.length == 28 && family == 10)) {
        peer.endpoint = raw;
      }
    }
    if ((flags & WgCodec.WGPEER_F_REPLACE_ALLOWEDIPS) != 0) {
      peer.allowedIps.clear();
    }
    if (attrs.containsKey(WgCodec.WGPEER_A_ALLOWEDIPS)) {
      for (RtAttr entry : attrs.get(WgCodec.WGPEER_A_ALLOWEDIPS).nested()) {
        AllowedIp ip = allowedIp(entry, doing);
        for (Peer other : device.peers.values()) {
          if (other != peer) {
            other.allowedIps.remove(ip); // a prefix routes to one peer: inserting it moves it
          }
        }
        if (!peer.allowedIps.contains(ip)) {
          peer.allowedIps.add(ip);
        }
      }
    }
    if (attrs.containsKey(WgCodec.WGPEER_A_PERSISTENT_KEEPALIVE_INTERVAL)) {
      peer.keepalive = attrs.get(WgCodec.WGPEER_A_PERSISTENT_KEEPALIVE_INTERVAL).u16();
    }
  }

  private static AllowedIp allowedIp(RtAttr entry, String doing) throws NetlinkException {
    Map<Integer, RtAttr> attrs = new HashMap<>();
    for (RtAttr a : entry.nested()) {
      attrs.put(a.type(), a);
    }
    RtAttr family = attrs.get(WgCodec.WGALLOWEDIP_A_FAMILY);
    RtAttr address = attrs.get(WgCodec.WGALLOWEDIP_A_IPADDR);
    RtAttr cidr = attrs.get(WgCodec.WGALLOWEDIP_A_CIDR_MASK);
    if (family == null || address == null || cidr == null) {
      throw new NetlinkException(Errno.EINVAL, doing);
    }
    int length = family.u16() == 2 ? 4 : family.u16() == 10 ? 16 : -1;
    if (address.value().remaining() != length || cidr.u8() > length * 8) {
      throw new NetlinkException(Errno.EINVAL, doing);
    }
    try {
      return new AllowedIp(InetAddress.getByAddress(address.bytes()), cidr.u8()).masked();
    } catch (java.net.UnknownHostException e) {
      throw new NetlinkException(Errno.EINVAL, doing);
    }
  }

  /** The dump, cut by count; every part of it a message of the family with NLM_F_MULTI. */
  private List<NlMsg.Message> dump(int index, String name, Device device) {
    List<List<RtAttrWriter>> messages = new ArrayList<>();
    List<RtAttrWriter> parts = new ArrayList<>();
    for (var e : device.peers.entrySet()) {
      List<AllowedIp> ips = e.getValue().allowedIps;
      int from = 0;
      do {
        int to = Math.min(ips.size(), from + IPS_PER_PART);
        boolean first = from == 0;
        List<AllowedIp> chunk = List.copyOf(ips.subList(from, to));
        parts.add(out -> peer(out, e.getKey(), e.getValue(), first, chunk));
        from = to;
      } while (from < ips.size());
    }
    for (int i = 0; i < parts.size(); i += PARTS_PER_MESSAGE) {
      messages.add(parts.subList(i, Math.min(parts.size(), i + PARTS_PER_MESSAGE)));
    }
    if (messages.isEmpty()) {
      messages.add(List.of());
    }
    int flags = NlMsg.NLM_F_MULTI | (interruptedDumps > 0 ? NlMsg.NLM_F_DUMP_INTR : 0);
    interruptedDumps = Math.max(0, interruptedDumps - 1);
    List<NlMsg.Message> out = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      ByteBuffer attrs = ByteBuffer.allocate(65536).order(ByteOrder.nativeOrder());
      RtAttr.putU32(attrs, WgCodec.WGDEVICE_A_IFINDEX, index);
      RtAttr.putString(attrs, WgCodec.WGDEVICE_A_IFNAME, name);
      if (i == 0) {
        if (device.privateKey != null) {
          RtAttr.put(attrs, WgCodec.WGDEVICE_A_PRIVATE_KEY, device.privateKey.bytes());
          RtAttr.put(attrs, WgCodec.WGDEVICE_A_PUBLIC_KEY, device.publicKey().bytes());
        }
        RtAttr.putU16(attrs, WgCodec.WGDEVICE_A_LISTEN_PORT, device.listenPort);
        RtAttr.putU32(attrs, WgCodec.WGDEVICE_A_FWMARK, device.firewallMark);
      }
      if (!messages.get(i).isEmpty()) {
        int peers = begin(attrs, WgCodec.WGDEVICE_A_PEERS);
        for (RtAttrWriter part : messages.get(i)) {
          part.write(attrs);
        }
        end(attrs, peers);
      }
      byte[] message = GenlCodec.request(FAMILY, flags, 1, WgCodec.WG_CMD_GET_DEVICE, 1,
          Arrays.copyOf(attrs.array(), attrs.position()));
      out.addAll(NlMsg.split(ByteBuffer.wrap(message).order(ByteOrder.nativeOrder())));
    }
    return out;
  }

  private interface RtAttrWriter {
    void write(ByteBuffer out);
  }

  private static void peer(ByteBuffer out, WireguardKey key, Peer peer, boolean first, List<AllowedIp> ips) {
    int nest = begin(out, 0);
    RtAttr.put(out, WgCodec.WGPEER_A_PUBLIC_KEY, key.bytes());
    if (first) {
      RtAttr.put(out, WgCodec.WGPEER_A_PRESHARED_KEY, peer.presharedKey.bytes());
      RtAttr.put(out, WgCodec.WGPEER_A_LAST_HANDSHAKE_TIME, new byte[16]);
      RtAttr.putU16(out, WgCodec.WGPEER_A_PERSISTENT_KEEPALIVE_INTERVAL, peer.keepalive);
      RtAttr.put(out, WgCodec.WGPEER_A_TX_BYTES, new byte[8]);
      RtAttr.put(out, WgCodec.WGPEER_A_RX_BYTES, new byte[8]);
      RtAttr.putU32(out, WgCodec.WGPEER_A_PROTOCOL_VERSION, 1);
      if (peer.endpoint != null) {
        RtAttr.put(out, WgCodec.WGPEER_A_ENDPOINT, peer.endpoint);
      }
    }
    if (!ips.isEmpty()) {
      int list = begin(out, WgCodec.WGPEER_A_ALLOWEDIPS);
      for (AllowedIp ip : ips) {
        int entry = begin(out, 0);
        RtAttr.putU16(out, WgCodec.WGALLOWEDIP_A_FAMILY, ip.isIpv6() ? 10 : 2);
        RtAttr.put(out, WgCodec.WGALLOWEDIP_A_IPADDR, ip.address().getAddress());
        RtAttr.putU8(out, WgCodec.WGALLOWEDIP_A_CIDR_MASK, ip.prefixLength());
        end(out, entry);
      }
      end(out, list);
    }
    end(out, nest);
  }

  private static int begin(ByteBuffer out, int type) {
    int start = out.position();
    out.putShort((short) 0).putShort((short) (type | RtAttr.NLA_F_NESTED));
    return start;
  }

  private static void end(ByteBuffer out, int start) {
    out.putShort(start, (short) (out.position() - start));
  }

  @Override
  public synchronized void close() {
    closed = true;
  }
}
