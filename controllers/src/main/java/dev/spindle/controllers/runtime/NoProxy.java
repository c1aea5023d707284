package dev.spindle.controllers.runtime;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code no_proxy} list with Go's {@code httpproxy} semantics: entries split on commas (not spaces: Go keeps
 * {@code "a b"} one entry) and trimmed, case-insensitive. {@code *} matches every host. An IP literal, optionally
 * {@code ip:port} or {@code [ipv6]:port}, matches that address; a CIDR ({@code 10.0.0.0/8}, {@code fd00::/8}) matches
 * addresses inside it, on any port. {@code example.com} matches the host and its subdomains, {@code .example.com} and
 * {@code *.example.com} only subdomains; {@code host:port} matches only that port. Names are never resolved, so an IP
 * entry does not match a name that resolves to it. Entries Go ignores (a port without a host) are ignored here too.
 */
public final class NoProxy {
  private sealed interface Matcher permits All, Cidr, Ip, Domain {}

  private record All() implements Matcher {}

  private record Cidr(byte[] network, int bits) implements Matcher {}

  private record Ip(InetAddress ip, String port) implements Matcher {}

  private record Domain(String suffix, String port, boolean matchHost) implements Matcher {}

  private final List<String> entries;
  private final List<Matcher> matchers;

  private NoProxy(List<String> entries, List<Matcher> matchers) {
    this.entries = List.copyOf(entries);
    this.matchers = List.copyOf(matchers);
  }

  public static final NoProxy NONE = new NoProxy(List.of(), List.of());

  public static NoProxy parse(String value) {
    List<String> entries = new ArrayList<>();
    List<Matcher> matchers = new ArrayList<>();
    for (String raw : value.split(",", -1)) {
      String entry = raw.strip().toLowerCase(Locale.ROOT);
      if (entry.isEmpty()) {
        continue;
      }
      entries.add(entry);
      if (entry.equals("*")) {
        return new NoProxy(entries, List.of(new All()));
      }
      matcher(entry).ifPresent(matchers::add);
    }
    return new NoProxy(entries, matchers);
  }

  /** The entries as given (lower case, trimmed), for the status resource. */
  public List<String> entries() {
    return entries;
  }

  /** Whether a request to {@code host} (a name or IP literal, IPv6 without brackets) on {@code port} goes direct. */
  public boolean matches(String host, int port) {
    String h = host.toLowerCase(Locale.ROOT);
    String p = Integer.toString(port);
    Optional<InetAddress> ip = IpLiterals.parse(h);
    for (Matcher m : matchers) {
      boolean hit = switch (m) {
        case All a -> true;
        case Cidr c -> ip.isPresent() && IpLiterals.inPrefix(ip.get(), c.network(), c.bits());
        case Ip i -> ip.isPresent() && i.ip().equals(ip.get()) && (i.port().isEmpty() || i.port().equals(p));
        case Domain d -> (h.endsWith(d.suffix()) || d.matchHost() && h.equals(d.suffix().substring(1)))
            && (d.port().isEmpty() || d.port().equals(p));
      };
      if (hit) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Matcher> matcher(String entry) {
    Optional<Matcher> cidr = IpLiterals.prefix(entry).map(p -> new Cidr(p.network(), p.bits()));
    if (cidr.isPresent()) {
      return cidr;
    }
    String host = entry;
    String port = "";
    int close = entry.lastIndexOf(']');
    int colon = entry.lastIndexOf(':');
    if (entry.startsWith("[") && close > 0) {
      host = entry.substring(1, close);
      port = close + 1 < entry.length() && entry.charAt(close + 1) == ':' ? entry.substring(close + 2) : "";
    } else if (colon >= 0 && entry.indexOf(':') == colon) {
      host = entry.substring(0, colon);
      port = entry.substring(colon + 1);
    }
    if (host.isEmpty()) {
      return Optional.empty();
    }
    Optional<InetAddress> ip = IpLiterals.parse(host);
    if (ip.isPresent()) {
      return Optional.of(new Ip(ip.get(), port));
    }
    if (host.startsWith("*.")) {
      host = host.substring(1);
    }
    boolean matchHost = !host.startsWith(".");
    return Optional.of(new Domain(matchHost ? "." + host : host, port, matchHost));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoProxy other && entries.equals(other.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return String.join(",", entries);
  }
}
