package dev.spindle.platform.network.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One route attribute ({@code struct rtattr} / {@code struct nlattr}): a 4-byte header (u16 length including the
 * header, u16 type) then the value, padded to 4 bytes. The top two type bits are {@code NLA_F_NESTED} and
 * {@code NLA_F_NET_BYTEORDER}; {@link #type} has them masked off.
 *
 * @param value a read-only, host-order view of exactly the value bytes
 */
public record RtAttr(int type, ByteBuffer value) {
  public static final int HEADER = 4;
  public static final int NLA_F_NESTED = 1 << 15;
  public static final int NLA_F_NET_BYTEORDER = 1 << 14;
  public static final int NLA_TYPE_MASK = ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER) & 0xffff;

  /** Every attribute from the buffer's position to its limit. */
  public static List<RtAttr> parse(ByteBuffer attributes) {
    ByteBuffer in = attributes.slice().order(ByteOrder.nativeOrder());
    List<RtAttr> out = new ArrayList<>();
    while (in.hasRemaining()) {
      if (in.remaining() < HEADER) {
        throw new MalformedNetlinkException("attribute header truncated: " + in.remaining() + " of 4 bytes");
      }
      int start = in.position();
      int length = Short.toUnsignedInt(in.getShort(start));
      int type = Short.toUnsignedInt(in.getShort(start + 2)) & NLA_TYPE_MASK;
      if (length < HEADER || length > in.remaining()) {
        throw new MalformedNetlinkException(
            "attribute " + type + " length " + length + " outside 4.." + in.remaining());
      }
      ByteBuffer value = in.slice(start + HEADER, length - HEADER).asReadOnlyBuffer().order(ByteOrder.nativeOrder());
      out.add(new RtAttr(type, value));
      in.position(Math.min(in.limit(), start + NlMsg.align(length)));
    }
    return out;
  }

  /** The attributes nested inside this one. */
  public List<RtAttr> nested() {
    return parse(value);
  }

  public int u32() {
    if (value.remaining() != 4) {
      throw new MalformedNetlinkException("attribute " + type + ": " + value.remaining() + " bytes, u32 expected");
    }
    return value.getInt(0);
  }

  public long u64() {
    if (value.remaining() != 8) {
      throw new MalformedNetlinkException("attribute " + type + ": " + value.remaining() + " bytes, u64 expected");
    }
    return value.getLong(0);
  }

  public int u16() {
    if (value.remaining() != 2) {
      throw new MalformedNetlinkException("attribute " + type + ": " + value.remaining() + " bytes, u16 expected");
    }
    return Short.toUnsignedInt(value.getShort(0));
  }

  /** A 16-bit value in network byte order (ports, ethertypes). */
  public int be16() {
    u16(); // checks the size
    return (Byte.toUnsignedInt(value.get(0)) << 8) | Byte.toUnsignedInt(value.get(1));
  }

  public int u8() {
    if (value.remaining() != 1) {
      throw new MalformedNetlinkException("attribute " + type + ": " + value.remaining() + " bytes, u8 expected");
    }
    return Byte.toUnsignedInt(value.get(0));
  }

  /** A C string: the bytes up to the first NUL (or all of them), as UTF-8. */
  public String string() {
    int end = 0;
    while (end < value.remaining() && value.get(end) != 0) {
      end++;
    }
    byte[] bytes = new byte[end];
    value.get(0, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public byte[] bytes() {
    byte[] bytes = new byte[value.remaining()];
    value.get(0, bytes);
    return bytes;
  }

  /** The value as an address of exactly {@code length} bytes (4 for IPv4, 16 for IPv6). */
  public byte[] address(int length) {
    if (value.remaining() != length) {
      throw new MalformedNetlinkException(
          "attribute " + type + ": " + value.remaining() + " bytes, a " + length + "-byte address expected");
    }
    return bytes();
  }

  /** Appends an address attribute, unless the address is absent (empty). */
  public static void putIfPresent(ByteBuffer out, int type, byte[] address) {
    if (address.length > 0) {
      put(out, type, address);
    }
  }

  /** Appends an attribute with the given value, padded to 4 bytes. */
  public static void put(ByteBuffer out, int type, byte[] value) {
    out.order(ByteOrder.nativeOrder());
    int length = HEADER + value.length;
    if (length > 0xffff) {
      throw new IllegalArgumentException("attribute " + type + " too long: " + length);
    }
    out.putShort((short) length).putShort((short) type).put(value);
    for (int i = length; i < NlMsg.align(length); i++) {
      out.put((byte) 0);
    }
  }

  /** Appends a NUL-terminated string attribute. */
  public static void putString(ByteBuffer out, int type, String value) {
    byte[] text = value.getBytes(StandardCharsets.UTF_8);
    byte[] z = new byte[text.length + 1];
    System.arraycopy(text, 0, z, 0, text.length);
    put(out, type, z);
  }

  public static void putU8(ByteBuffer out, int type, int value) {
    put(out, type, new byte[] {(byte) value});
  }

  public static void putU16(ByteBuffer out, int type, int value) {
    put(out, type, ByteBuffer.allocate(2).order(ByteOrder.nativeOrder()).putShort((short) value).array());
  }

  /** A 16-bit value in network byte order, as iproute2 sends ports and ethertypes (without NLA_F_NET_BYTEORDER). */
  public static void putBe16(ByteBuffer out, int type, int value) {
    put(out, type, new byte[] {(byte) (value >>> 8), (byte) value});
  }

  /**
   * Appends a nested attribute holding what {@code content} wrote, from its start to its position. As iproute2, without
   * {@code NLA_F_NESTED}: the kernel's rtnetlink parses these nests either way.
   */
  public static void putNested(ByteBuffer out, int type, ByteBuffer content) {
    byte[] bytes = new byte[content.position()];
    content.get(0, bytes);
    put(out, type, bytes);
  }

  public static void putU32(ByteBuffer out, int type, int value) {
    put(out, type, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array());
  }
}
