package dev.spindle.platform.network.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The 12-byte {@code struct fib_rule_hdr} ({@code linux/fib_rules.h}) that starts every {@code RTM_*RULE} payload:
 * family, destination and source prefix lengths, tos, the 8-bit table, two reserved bytes, the action, and flags.
 */
public record FibRuleHdr(int family, int dstLength, int srcLength, int tos, int table, int action, int flags) {
  public static final int SIZE = 12;

  public void encode(ByteBuffer out) {
    out.order(ByteOrder.nativeOrder());
    out.put((byte) family).put((byte) dstLength).put((byte) srcLength).put((byte) tos).put((byte) table)
        .put((byte) 0).put((byte) 0).put((byte) action).putInt(flags);
  }

  /** Reads the header at the buffer's position, advancing it. */
  public static FibRuleHdr decode(ByteBuffer in) {
    if (in.remaining() < SIZE) {
      throw new MalformedNetlinkException("fib_rule_hdr truncated: " + in.remaining() + " of 12 bytes");
    }
    ByteBuffer b = in.slice().order(ByteOrder.nativeOrder());
    int family = Byte.toUnsignedInt(b.get());
    int dst = Byte.toUnsignedInt(b.get());
    int src = Byte.toUnsignedInt(b.get());
    int tos = Byte.toUnsignedInt(b.get());
    int table = Byte.toUnsignedInt(b.get());
    b.get();
    b.get();
    int action = Byte.toUnsignedInt(b.get());
    int flags = b.getInt();
    in.position(in.position() + SIZE);
    return new FibRuleHdr(family, dst, src, tos, table, action, flags);
  }
}
