package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.codec.ProtoValue;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 address as Go's {@code netip.Addr}: text in Go's form (IPv6 compressed per RFC 5952, an
 * IPv4-mapped address as {@code ::ffff:1.2.3.4}), a {@code common.NetIP} message on the wire. Unlike
 * {@link InetAddress} it never resolves names and keeps a mapped IPv6 address distinct from the IPv4 one. Zones are
 * not supported.
 */
public record IpAddr(byte[] bytes) implements ProtoValue {
  /** Talos's {@code common.NetIP}. */
  public record NetIp(@ProtoField(1) byte[] ip) {}

  public IpAddr {
    if (bytes == null || (bytes.length != 4 && bytes.length != 16)) {
      throw new IllegalArgumentException("an IP address has 4 or 16 bytes");
    }
    bytes = bytes.clone();
  }

  @JsonCreator
  public static IpAddr parse(String text) {
    if (text.contains("%")) {
      throw new IllegalArgumentException("invalid IP address \"" + text + "\": zones are not supported");
    }
    InetAddress parsed;
    try {
      parsed = InetAddress.ofLiteral(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid IP address \"" + text + "\"", e);
    }
    byte[] raw = parsed.getAddress();
    if (raw.length == 4 && text.contains(":")) {
      // Java folds ::ffff:a.b.c.d into IPv4; netip keeps it an IPv6 address
      raw = Arrays.copyOf(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff}, 16);
      System.arraycopy(parsed.getAddress(), 0, raw, 12, 4);
    }
    return new IpAddr(raw);
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public boolean isV4() {
    return bytes.length == 4;
  }

  @Override
  public Object protoValue() {
    return new NetIp(bytes.clone());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpAddr other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @JsonValue
  @Override
  public String toString() {
    if (isV4()) {
      return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
    }
    if (isV4Mapped()) {
      return "::ffff:" + new IpAddr(Arrays.copyOfRange(bytes, 12, 16));
    }
    return v6Text();
  }

  private boolean isV4Mapped() {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
  }

  /** RFC 5952: lower-case hex groups, the longest run (first if tied) of two or more zero groups as {@code ::}. */
  private String v6Text() {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = (bytes[2 * i] & 0xff) << 8 | (bytes[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    var out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }
}
