package dev.spindle.controllers.runtime;

import java.net.InetAddress;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP literals and CIDR prefixes in text, recognised without any DNS lookup (for {@link NoProxy}). */
final class IpLiterals {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]*:[0-9a-f:.]*");

  record Prefix(byte[] network, int bits) {}

  private IpLiterals() {}

  static Optional<InetAddress> parse(String text) {
    if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.ofLiteral(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static Optional<Prefix> prefix(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    Optional<InetAddress> ip = parse(text.substring(0, slash));
    if (ip.isEmpty()) {
      return Optional.empty();
    }
    int bits;
    try {
      bits = Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    byte[] address = ip.get().getAddress();
    if (bits < 0 || bits > address.length * 8) {
      return Optional.empty();
    }
    return Optional.of(new Prefix(address, bits));
  }

  static boolean inPrefix(InetAddress ip, byte[] network, int bits) {
    byte[] address = ip.getAddress();
    if (address.length != network.length) {
      return false;
    }
    for (int i = 0; i < bits; i++) {
      int mask = 0x80 >>> (i % 8);
      if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
        return false;
      }
    }
    return true;
  }
}
