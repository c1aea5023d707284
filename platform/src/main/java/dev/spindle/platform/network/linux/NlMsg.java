package dev.spindle.platform.network.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The 16-byte {@code struct nlmsghdr} ({@code linux/netlink.h}): total length, type, flags, sequence number and
 * sender port id, in host byte order. {@link #split} cuts a received datagram into its messages.
 *
 * @param length {@code nlmsg_len}: header plus payload, unpadded
 */
public record NlMsg(int length, int type, int flags, int seq, int pid) {
  public static final int SIZE = 16;

  public static final int NLMSG_NOOP = 1;
  public static final int NLMSG_ERROR = 2;
  public static final int NLMSG_DONE = 3;
  public static final int NLMSG_OVERRUN = 4;

  public static final int NLM_F_REQUEST = 0x1;
  public static final int NLM_F_MULTI = 0x2;
  public static final int NLM_F_ACK = 0x4;
  public static final int NLM_F_DUMP_INTR = 0x10;
  public static final int NLM_F_ROOT = 0x100;
  public static final int NLM_F_MATCH = 0x200;
  public static final int NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH;
  /** Flags of new-object requests (the same bits as ROOT/MATCH, which only dump requests use). */
  public static final int NLM_F_REPLACE = 0x100;
  public static final int NLM_F_EXCL = 0x200;
  public static final int NLM_F_CREATE = 0x400;

  /** One message: its header and its payload (a read-only, host-order view of exactly {@code length - 16} bytes). */
  public record Message(NlMsg header, ByteBuffer payload) {}

  public static int align(int length) {
    return (length + 3) & ~3;
  }

  public void encode(ByteBuffer out) {
    out.order(ByteOrder.nativeOrder());
    out.putInt(length).putShort((short) type).putShort((short) flags).putInt(seq).putInt(pid);
  }

  /** Reads a header at the buffer's position (advancing it) and checks its length against what remains. */
  public static NlMsg decode(ByteBuffer in) {
    if (in.remaining() < SIZE) {
      throw new MalformedNetlinkException("netlink header truncated: " + in.remaining() + " of 16 bytes");
    }
    ByteBuffer b = in.slice().order(ByteOrder.nativeOrder());
    int length = b.getInt();
    int type = Short.toUnsignedInt(b.getShort());
    int flags = Short.toUnsignedInt(b.getShort());
    int seq = b.getInt();
    int pid = b.getInt();
    if (length < SIZE || length > in.remaining()) {
      throw new MalformedNetlinkException(
          "netlink message length " + Integer.toUnsignedString(length) + " outside 16.." + in.remaining());
    }
    in.position(in.position() + SIZE);
    return new NlMsg(length, type, flags, seq, pid);
  }

  /** Every message in one datagram, in order. */
  public static List<Message> split(ByteBuffer datagram) {
    ByteBuffer in = datagram.slice().order(ByteOrder.nativeOrder());
    List<Message> messages = new ArrayList<>();
    while (in.hasRemaining()) {
      int start = in.position();
      NlMsg header = decode(in);
      ByteBuffer payload = in.slice(in.position(), header.length - SIZE).asReadOnlyBuffer()
          .order(ByteOrder.nativeOrder());
      messages.add(new Message(header, payload));
      in.position(Math.min(in.limit(), start + align(header.length)));
    }
    return messages;
  }

  /** The (negative) errno of an {@code NLMSG_ERROR} payload; 0 is an acknowledgement. */
  public static int errorCode(ByteBuffer payload) {
    if (payload.remaining() < 4) {
      throw new MalformedNetlinkException("NLMSG_ERROR payload truncated: " + payload.remaining() + " of 4 bytes");
    }
    return payload.duplicate().order(ByteOrder.nativeOrder()).getInt();
  }
}
