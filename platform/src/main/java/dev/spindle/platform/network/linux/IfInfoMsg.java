package dev.spindle.platform.network.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The 16-byte {@code struct ifinfomsg} ({@code linux/rtnetlink.h}) that starts every {@code RTM_*LINK} payload:
 * family, padding, {@code ARPHRD_*} type, ifindex, {@code IFF_*} flags and the change mask.
 */
public record IfInfoMsg(int family, int type, int index, int flags, int change) {
  public static final int SIZE = 16;

  public void encode(ByteBuffer out) {
    out.order(ByteOrder.nativeOrder());
    out.put((byte) family).put((byte) 0).putShort((short) type).putInt(index).putInt(flags).putInt(change);
  }

  /** Reads the header at the buffer's position, advancing it. */
  public static IfInfoMsg decode(ByteBuffer in) {
    if (in.remaining() < SIZE) {
      throw new MalformedNetlinkException("ifinfomsg truncated: " + in.remaining() + " of 16 bytes");
    }
    ByteBuffer b = in.slice().order(ByteOrder.nativeOrder());
    int family = Byte.toUnsignedInt(b.get());
    b.get();
    int type = Short.toUnsignedInt(b.getShort());
    int index = b.getInt();
    int flags = b.getInt();
    int change = b.getInt();
    in.position(in.position() + SIZE);
    return new IfInfoMsg(family, type, index, flags, change);
  }
}
