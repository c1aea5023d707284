package dev.spindle.platform.wireguard.linux;

import dev.spindle.platform.network.linux.MalformedNetlinkException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A peer endpoint as {@code WGPEER_A_ENDPOINT} carries it: the raw C {@code struct sockaddr_in} (16 bytes: family in
 * host order, port in network order, the address, 8 zero bytes) or {@code struct sockaddr_in6} (28 bytes: family,
 * port, flow info, the address, the scope id in host order), as the kernel copies it in and out.
 */
final class WgSockaddr {
  static final int AF_INET = 2;
  static final int AF_INET6 = 10;
  static final int SIZE_IN = 16;
  static final int SIZE_IN6 = 28;

  private WgSockaddr() {}

  static int size(InetSocketAddress endpoint) {
    return endpoint.getAddress() instanceof Inet6Address ? SIZE_IN6 : SIZE_IN;
  }

  static byte[] encode(InetSocketAddress endpoint) {
    InetAddress address = endpoint.getAddress();
    if (address == null) {
      throw new IllegalArgumentException("peer endpoint must be an IP address, not " + endpoint.getHostString());
    }
    ByteBuffer out = ByteBuffer.allocate(size(endpoint)).order(ByteOrder.nativeOrder());
    boolean v6 = address instanceof Inet6Address;
    out.putShort((short) (v6 ? AF_INET6 : AF_INET));
    out.put((byte) (endpoint.getPort() >>> 8)).put((byte) endpoint.getPort());
    if (v6) {
      out.putInt(0); // flow info
      out.put(address.getAddress());
      out.putInt(((Inet6Address) address).getScopeId());
    } else {
      out.put(address.getAddress()); // and 8 bytes of sin_zero, already zero
    }
    return out.array();
  }

  static InetSocketAddress decode(ByteBuffer value) {
    ByteBuffer in = value.duplicate().order(ByteOrder.nativeOrder());
    if (in.remaining() < 2) {
      throw new MalformedNetlinkException("endpoint sockaddr truncated: " + in.remaining() + " bytes");
    }
    int family = Short.toUnsignedInt(in.getShort(0));
    try {
      // the length is checked first: a 2-byte "sockaddr" has a family and no port
      if (family == AF_INET && in.remaining() == SIZE_IN) {
        byte[] raw = new byte[4];
        in.get(4, raw);
        return new InetSocketAddress(InetAddress.getByAddress(raw), port(in));
      }
      if (family == AF_INET6 && in.remaining() == SIZE_IN6) {
        byte[] raw = new byte[16];
        in.get(8, raw);
        int scope = in.getInt(24);
        // Inet6Address keeps a mapped address (::ffff:a.b.c.d) IPv6; scope 0 is "none", not %0
        return new InetSocketAddress(Inet6Address.getByAddress(null, raw, scope == 0 ? -1 : scope), port(in));
      }
    } catch (UnknownHostException e) {
      throw new MalformedNetlinkException("endpoint address: " + e.getMessage());
    }
    throw new MalformedNetlinkException(
        "endpoint sockaddr of family " + family + " and " + in.remaining() + " bytes: neither sockaddr_in (2, 16)"
            + " nor sockaddr_in6 (10, 28)");
  }

  /** {@code sin_port} / {@code sin6_port}: bytes 2 and 3, in network order. */
  private static int port(ByteBuffer sockaddr) {
    return (Byte.toUnsignedInt(sockaddr.get(2)) << 8) | Byte.toUnsignedInt(sockaddr.get(3));
  }
}
