package dev.spindle.cli;

import dev.spindle.resources.network.GoNetip;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.IpPrefix;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Prefix text and arithmetic for the generators, with Go's semantics: {@code netip.ParsePrefix}'s rules and messages,
 * and siderolabs/net's {@code NthIPInNetwork} (the prefix's address as written, plus n, which must stay inside).
 */
final class Prefixes {
  private Prefixes() {}

  /** {@code netip.ParsePrefix}: an address (no zone), {@code /}, a decimal length within the family's bits. */
  static IpPrefix parse(String text) {
    int slash = text.lastIndexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("netip.ParsePrefix(\"" + text + "\"): no '/'");
    }
    IpAddr addr;
    try {
      addr = GoNetip.parseAddr(text.substring(0, slash));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("netip.ParsePrefix(\"" + text + "\"): " + e.getMessage(), e);
    }
    String bits = text.substring(slash + 1);
    if (!bits.matches("0|[1-9][0-9]{0,2}")) {
      throw new IllegalArgumentException("netip.ParsePrefix(\"" + text + "\"): bad bits after slash: \"" + bits
          + "\"");
    }
    int length = Integer.parseInt(bits);
    if (length > (addr.isV4() ? 32 : 128)) {
      throw new IllegalArgumentException("netip.ParsePrefix(\"" + text + "\"): prefix length out of range");
    }
    return new IpPrefix(addr, length);
  }

  /** The prefix's address plus {@code n}, or {@code network does not contain enough IPs} if that leaves it. */
  static IpAddr nth(IpPrefix network, int n) {
    byte[] base = network.addr().bytes();
    BigInteger value = new BigInteger(1, base).add(BigInteger.valueOf(n));
    if (value.bitLength() > base.length * 8) {
      throw new IllegalArgumentException("network does not contain enough IPs");
    }
    byte[] raw = value.toByteArray();
    byte[] out = new byte[base.length];
    int copy = Math.min(raw.length, out.length);
    System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
    IpAddr addr = new IpAddr(out);
    if (!contains(network, addr)) {
      throw new IllegalArgumentException("network does not contain enough IPs");
    }
    return addr;
  }

  static boolean contains(IpPrefix network, IpAddr addr) {
    byte[] a = network.addr().bytes();
    byte[] b = addr.bytes();
    if (a.length != b.length) {
      return false;
    }
    int full = network.bits() / 8;
    if (!Arrays.equals(a, 0, full, b, 0, full)) {
      return false;
    }
    int rest = network.bits() % 8;
    int mask = (0xff << (8 - rest)) & 0xff;
    return rest == 0 || (a[full] & mask) == (b[full] & mask);
  }
}
