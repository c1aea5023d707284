package dev.spindle.platform.network.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The 12-byte {@code struct rtmsg} ({@code linux/rtnetlink.h}) that starts every {@code RTM_*ROUTE} payload: family,
 * destination and source prefix lengths, tos, the table (8 bits; RTA_TABLE carries larger ids), protocol, scope,
 * type and the u32 {@code rtm_flags}.
 */
public record RtMsg(int family, int dstLength, int srcLength, int tos, int table, int protocol, int scope, int type,
    int flags) {
  public static final int SIZE = 12;

  public void encode(ByteBuffer out) {
    out.order(ByteOrder.nativeOrder());
    out.put((byte) family).put((byte) dstLength).put((byte) srcLength).put((byte) tos).put((byte) table)
        .put((byte) protocol).put((byte) scope).put((byte) type).putInt(flags);
  }

  /** Reads the header at the buffer's position, advancing it. */
  public static RtMsg decode(ByteBuffer in) {
    if (in.remaining() < SIZE) {
      throw new MalformedNetlinkException("rtmsg truncated: " + in.remaining() + " of 12 bytes");
    }
    ByteBuffer b = in.slice().order(ByteOrder.nativeOrder());
    var msg = new RtMsg(u8(b), u8(b), u8(b), u8(b), u8(b), u8(b), u8(b), u8(b), b.getInt());
    in.position(in.position() + SIZE);
    return msg;
  }

  private static int u8(ByteBuffer b) {
    return Byte.toUnsignedInt(b.get());
  }
}
