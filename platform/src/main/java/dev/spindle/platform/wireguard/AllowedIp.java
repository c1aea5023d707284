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

  /**
   * Parses {@code 10.0.0.0/24} or {@code fd00::/64}; a bare address is a host prefix. Strict, as Go's
   * {@code netip.ParsePrefix} (so {@code 10.2.0} or {@code 010.0.0.1} are refused), and never a name lookup.
   *
   * @throws IllegalArgumentException {@code invalid CIDR address: <cidr>}
   */
  public static AllowedIp parse(String cidr) {
    int slash = cidr.indexOf('/');
    String host = slash < 0 ? cidr : cidr.substring(0, slash);
    String bits = slash < 0 ? null : cidr.substring(slash + 1);
    boolean v6 = host.contains(":");
    boolean literal = v6 ? IPV6.matcher(host).matches() : IPV4.matcher(host).matches();
    if (!literal || bits != null && !BITS.matcher(bits).matches()) {
      throw new IllegalArgumentException("invalid CIDR address: " + cidr);
    }
    try {
      InetAddress address = InetAddress.ofLiteral(host);
      if (v6 && !(address instanceof java.net.Inet6Address)) {
        // ::ffff:a.b.c.d is an IPv6 prefix to Go; the JDK hands back the IPv4 address
        address = java.net.Inet6Address.getByAddress(null, mapped(address.getAddress()), -1);
      }
      int max = address.getAddress().length * 8;
      return new AllowedIp(address, bits == null ? max : Integer.parseInt(bits));
    } catch (IllegalArgumentException | java.net.UnknownHostException e) {
      throw new IllegalArgumentException("invalid CIDR address: " + cidr);
    }
  }

  private static final java.util.regex.Pattern IPV4 =
      java.util.regex.Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
          + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
  private static final java.util.regex.Pattern IPV6 = java.util.regex.Pattern.compile("[0-9a-fA-F:.]{2,45}");
  private static final java.util.regex.Pattern BITS = java.util.regex.Pattern.compile("0|[1-9][0-9]{0,2}");

  private static byte[] mapped(byte[] v4) {
    byte[] out = new byte[16];
    out[10] = (byte) 0xff;
    out[11] = (byte) 0xff;
    System.arraycopy(v4, 0, out, 12, 4);
    return out;
  }

  /** The prefix with its host bits cleared. */
  public AllowedIp masked() {
    byte[] raw = address.getAddress();
    for (int bit = prefixLength; bit < raw.length * 8; bit++) {
      raw[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    try {
      // keeps an IPv4-mapped IPv6 prefix IPv6 (InetAddress.getByAddress would make it IPv4)
      return new AllowedIp(isIpv6() ? java.net.Inet6Address.getByAddress(null, raw, -1)
          : InetAddress.getByAddress(raw), prefixLength);
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
