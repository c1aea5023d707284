package dev.spindle.platform.network.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The 4-byte {@code struct genlmsghdr} ({@code linux/genetlink.h}) that starts every generic netlink payload, after the
 * {@link NlMsg} header: the family's command, the family's interface version, and two reserved bytes.
 */
public record GenlMsgHdr(int command, int version) {
  public static final int SIZE = 4;

  public void encode(ByteBuffer out) {
    out.order(ByteOrder.nativeOrder());
    out.put((byte) command).put((byte) version).putShort((short) 0);
  }

  /** Reads the header at the buffer's position, advancing it. */
  public static GenlMsgHdr decode(ByteBuffer in) {
    if (in.remaining() < SIZE) {
      throw new MalformedNetlinkException("genlmsghdr truncated: " + in.remaining() + " of 4 bytes");
    }
    int command = Byte.toUnsignedInt(in.get(in.position()));
    int version = Byte.toUnsignedInt(in.get(in.position() + 1));
    in.position(in.position() + SIZE);
    return new GenlMsgHdr(command, version);
  }
}
