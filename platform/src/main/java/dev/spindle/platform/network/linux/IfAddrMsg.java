package dev.spindle.platform.network.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The 8-byte {@code struct ifaddrmsg} ({@code linux/if_addr.h}) that starts every {@code RTM_*ADDR} payload: family,
 * prefix length, the low 8 bits of the {@code IFA_F_*} flags, scope and the link's ifindex.
 */
public record IfAddrMsg(int family, int prefixLength, int flags, int scope, int index) {
  public static final int SIZE = 8;

  public void encode(ByteBuffer out) {
    out.order(ByteOrder.nativeOrder());
    out.put((byte) family).put((byte) prefixLength).put((byte) flags).put((byte) scope).putInt(index);
  }

  /** Reads the header at the buffer's position, advancing it. */
  public static IfAddrMsg decode(ByteBuffer in) {
    if (in.remaining() < SIZE) {
      throw new MalformedNetlinkException("ifaddrmsg truncated: " + in.remaining() + " of 8 bytes");
    }
    ByteBuffer b = in.slice().order(ByteOrder.nativeOrder());
    int family = Byte.toUnsignedInt(b.get());
    int prefixLength = Byte.toUnsignedInt(b.get());
    int flags = Byte.toUnsignedInt(b.get());
    int scope = Byte.toUnsignedInt(b.get());
    int index = b.getInt();
    in.position(in.position() + SIZE);
    return new IfAddrMsg(family, prefixLength, flags, scope, index);
  }
}
