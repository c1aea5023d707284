package dev.spindle.resources.config;

import dev.spindle.resources.network.GoNetip;
import dev.spindle.resources.network.HostnameSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The value rules of the fields Spindle uses, each a pure predicate with Talos's semantics: addresses as Go's
 * {@code netip.ParseAddr}/{@code net.ParseCIDR} accept them (no zones, no brackets, no leading zeros in IPv4), DNS names as
 * RFC 1123 labels, environment names as POSIX does.
 */
final class ValueRules {
  static final Pattern ENV_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");
  private static final Pattern DNS_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

  private ValueRules() {}

  /**
   * An IP address as Go's {@code netip.ParseAddr} accepts it (through {@link GoNetip}, the one Go address parser of
   * Spindle). For the addresses Talos checks with {@code net.ParseIP} this is the same set: both refuse leading zeros in
   * IPv4 and zones, and neither takes brackets.
   */
  static boolean isIp(String s) {
    try {
      GoNetip.parseAddr(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** An IPv4 address; an IPv4-mapped IPv6 one ({@code ::ffff:1.2.3.4}) is IPv6, as Go's {@code Is4} says. */
  static boolean isIpv4(String s) {
    return s.indexOf(':') < 0 && isIp(s);
  }

  static boolean isIpv6(String s) {
    return s.indexOf(':') >= 0 && isIp(s);
  }

  /** Go's {@code net.ParseCIDR}: an address, {@code /}, a decimal prefix length within the family's bits. */
  static boolean isCidr(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String address = s.substring(0, slash);
    String bits = s.substring(slash + 1);
    if (!bits.matches("0|[1-9][0-9]{0,2}")) {
      return false;
    }
    int prefix = Integer.parseInt(bits);
    return isIpv4(address) && prefix <= 32 || isIpv6(address) && prefix <= 128;
  }

  /** Talos's {@code validateIPOrCIDR}: a CIDR if it has a slash, else an address. */
  static boolean isIpOrCidr(String s) {
    return s.indexOf('/') >= 0 ? isCidr(s) : isIp(s);
  }

  /** A DNS name: dot-separated RFC 1123 labels, at most 253 characters, one trailing dot allowed. */
  static boolean isDnsName(String s) {
    String name = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    if (name.isEmpty() || name.length() > 253) {
      return false;
    }
    for (String label : name.split("\\.", -1)) {
      if (!DNS_LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  /** Talos's hostname rule ({@link HostnameSpec#fqdnProblems}, the one the hostname pipeline applies): every problem. */
  static List<String> hostnameProblems(String fqdn) {
    return HostnameSpec.fqdnProblems(fqdn);
  }

  /** An absolute http(s) URL with a host, as Go's {@code url.ParseRequestURI} plus a scheme check would accept. */
  static boolean isHttpUrl(String s) {
    try {
      URI uri = new URI(s);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  static String urlPath(String s) {
    try {
      String path = new URI(s).getPath();
      return path == null ? "" : path;
    } catch (URISyntaxException e) {
      return "";
    }
  }

  /**
   * {@code host:port} as Talos's {@code AddressContainsPort} (a legacy WireGuard endpoint) wants it, a little stricter:
   * the host an IPv4 address, a DNS name or an IPv6 address in brackets, the port a number from 1 to 65535 (Talos
   * takes any port text, which the kernel then refuses).
   */
  static boolean isHostPort(String s) {
    int colon = s.lastIndexOf(':');
    if (colon <= 0 || !isPort(s.substring(colon + 1))) {
      return false;
    }
    String host = s.substring(0, colon);
    if (host.startsWith("[")) {
      return host.endsWith("]") && isIpv6(host.substring(1, host.length() - 1));
    }
    return host.indexOf(':') < 0 && (isIpv4(host) || isDnsName(host));
  }

  /**
   * An IP literal and a port, as Go's {@code netip.ParseAddrPort} reads a {@code WireguardConfig} peer endpoint:
   * {@code 10.0.0.1:51820} or {@code [fd00::1]:51820}, never a name; the port from 1 to 65535 (Go also takes 0, which
   * no peer listens on).
   */
  static boolean isAddrPort(String s) {
    int colon = s.lastIndexOf(':');
    if (colon <= 0 || !isPort(s.substring(colon + 1))) {
      return false;
    }
    String host = s.substring(0, colon);
    if (host.startsWith("[")) {
      return host.endsWith("]") && isIpv6(host.substring(1, host.length() - 1));
    }
    return isIpv4(host);
  }

  private static boolean isPort(String s) {
    return s.matches("[0-9]{1,5}") && Integer.parseInt(s) >= 1 && Integer.parseInt(s) <= 65535;
  }
}
