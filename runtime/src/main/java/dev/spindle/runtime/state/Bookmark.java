package dev.spindle.runtime.state;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An opaque resume point of a watch. On the wire it is 16 bytes, a per-store random cookie and the big-endian
 * history position, as in COSI, so a bookmark from another store instance (another process, an earlier run) is
 * rejected because its cookie differs. The bytes are only built when asked for.
 */
public final class Bookmark {
  static final int LENGTH = 16;
  private final long cookie;
  private final long position;
  private final boolean wellFormed;

  private Bookmark(long cookie, long position, boolean wellFormed) {
    this.cookie = cookie;
    this.position = position;
    this.wellFormed = wellFormed;
  }

  /** Parses bytes received from a client; malformed input yields a bookmark that every store rejects. */
  public static Bookmark of(byte[] bytes) {
    if (bytes.length != LENGTH) {
      return new Bookmark(0, 0, false);
    }
    var buffer = ByteBuffer.wrap(bytes);
    return new Bookmark(buffer.getLong(), buffer.getLong(), true);
  }

  static Bookmark at(long cookie, long position) {
    return new Bookmark(cookie, position, true);
  }

  public byte[] bytes() {
    return ByteBuffer.allocate(LENGTH).putLong(cookie).putLong(position).array();
  }

  boolean wellFormed() {
    return wellFormed;
  }

  long cookie() {
    return cookie;
  }

  long position() {
    return position;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bookmark other && Arrays.equals(bytes(), other.bytes()) && wellFormed == other.wellFormed;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(cookie) * 31 + Long.hashCode(position);
  }

  @Override
  public String toString() {
    return wellFormed ? HexFormat.of().formatHex(bytes()) : "malformed";
  }
}
