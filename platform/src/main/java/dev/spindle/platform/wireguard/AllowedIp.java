package dev.spindle.platform.wireguard;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One allowed IP prefix of a peer, as the device holds it: the address with its host bits as configured (the kernel
 * and wireguard-go mask them; compare after {@link #masked()}).
 */
public record AllowedIp(InetAddress address, int prefixLength) implements Comparable<AllowedIp> {
  public AllowedIp {
    Objects.requireNonNull(address, "address");
    int max = address.getAddress().length * 8;
    if (prefixLength < 0 || prefixLength > max) {
      throw new IllegalArgumentException("prefix length " + prefixLength + " outside 0.." + max + " for " + address);
    }
  }

  /** Parses {@code 10.0.0.0/24} or {@code fd00::/64}; a bare address is a host prefix. */
  public static AllowedIp parse(String cidr) {
    int slash = cidr.indexOf('/');
    String host = slash < 0 ? cidr : cidr.substring(0, slash);
    if (host.isEmpty() || !host.matches("[0-9a-fA-F:.]+")) {
      throw new IllegalArgumentException("invalid CIDR address: " + cidr);
    }
    try {
      InetAddress address = InetAddress.getByName(host);
      int bits = slash < 0 ? address.getAddress().length * 8 : Integer.parseInt(cidr.substring(slash + 1));
      return new AllowedIp(address, bits);
    } catch (java.net.UnknownHostException | NumberFormatException e) {
      throw new IllegalArgumentException("invalid CIDR address: " + cidr);
    }
  }

  /** The prefix with its host bits cleared. */
  public AllowedIp masked() {
    byte[] raw = address.getAddress();
    for (int bit = prefixLength; bit < raw.length * 8; bit++) {
      raw[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    try {
      return new AllowedIp(InetAddress.getByAddress(raw), prefixLength);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean isIpv6() {
    return address.getAddress().length == 16;
  }

  /** IPv4 before IPv6, then by address bytes, then by prefix length (Talos sorts allowed IPs so). */
  @Override
  public int compareTo(AllowedIp other) {
    byte[] a = address.getAddress();
    byte[] b = other.address.getAddress();
    if (a.length != b.length) {
      return Integer.compare(a.length, b.length);
    }
    int c = java.util.Arrays.compareUnsigned(a, b);
    return c != 0 ? c : Integer.compare(prefixLength, other.prefixLength);
  }

  @Override
  public String toString() {
    return address.getHostAddress() + "/" + prefixLength;
  }
}
