package dev.spindle.platform.time;

import java.util.Objects;

/**
 * One time server entry as the configuration lists it: a host name or IP literal with an optional port
 * ({@code time.cloudflare.com}, {@code 10.0.0.1}, {@code 127.0.0.1:12345}, {@code ::1}, {@code [::1]:12345}). The port
 * defaults to NTP's 123; carrying one lets tests run a server on loopback without root. Parsing never resolves names.
 */
public record SntpServer(String host, int port) {
  public static final int NTP_PORT = 123;

  public SntpServer {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty()) {
      throw new IllegalArgumentException("time server: empty host");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("time server " + host + ": port " + port + " is outside 1-65535");
    }
  }

  /** Parses an entry; the message names the entry and what is wrong with it. */
  public static SntpServer parse(String entry) {
    String text = Objects.requireNonNull(entry, "entry").strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("time server \"" + entry + "\": empty");
    }
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("time server \"" + entry + "\": missing ] after the IPv6 address");
      }
      String host = text.substring(1, close);
      String rest = text.substring(close + 1);
      if (rest.isEmpty()) {
        return new SntpServer(host, NTP_PORT);
      }
      if (!rest.startsWith(":")) {
        throw new IllegalArgumentException("time server \"" + entry + "\": expected :port after ]");
      }
      return new SntpServer(host, port(entry, rest.substring(1)));
    }
    int colon = text.indexOf(':');
    if (colon < 0) {
      return new SntpServer(text, NTP_PORT);
    }
    if (text.indexOf(':', colon + 1) >= 0) {
      return new SntpServer(text, NTP_PORT); // a bare IPv6 literal: a port needs brackets
    }
    return new SntpServer(text.substring(0, colon), port(entry, text.substring(colon + 1)));
  }

  private static int port(String entry, String digits) {
    try {
      int port = Integer.parseInt(digits);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below with the entry
    }
    throw new IllegalArgumentException("time server \"" + entry + "\": port \"" + digits + "\" is not a number in 1-65535");
  }

  /** The entry as written back: the port only when it is not 123, IPv6 in brackets when a port follows. */
  @Override
  public String toString() {
    if (port == NTP_PORT) {
      return host;
    }
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
