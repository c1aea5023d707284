package dev.spindle.cli;

/**
 * A {@code host[:port]} address as given in {@code --nodes}, {@code --endpoints} or a client config: host names,
 * IPv4, and IPv6 either bare ({@code fd00::5}) or bracketed ({@code [fd00::5]:50000}).
 */
record HostPort(String host, int port) {
  /** Talos's apid port, which Spindle's API uses too. */
  static final int DEFAULT_PORT = 50000;

  static HostPort parse(String text, int defaultPort) {
    String s = text.strip();
    if (s.isEmpty()) {
      throw invalid(text, "empty address");
    }
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) {
        throw invalid(text, "missing ']'");
      }
      String rest = s.substring(close + 1);
      if (!rest.isEmpty() && !rest.startsWith(":")) {
        throw invalid(text, "unexpected text after ']'");
      }
      return new HostPort(s.substring(1, close), rest.isEmpty() ? defaultPort : port(text, rest.substring(1)));
    }
    int colon = s.indexOf(':');
    if (colon < 0 || s.indexOf(':', colon + 1) >= 0) {
      return new HostPort(s, defaultPort); // no port, or a bare IPv6 address
    }
    if (colon == 0) {
      throw invalid(text, "missing host");
    }
    return new HostPort(s.substring(0, colon), port(text, s.substring(colon + 1)));
  }

  private static int port(String text, String port) {
    try {
      int p = Integer.parseInt(port);
      if (p >= 1 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(text, "invalid port \"" + port + "\"");
  }

  private static CliException invalid(String text, String why) {
    return new CliException(ExitStatus.USAGE, "invalid address \"" + text + "\": " + why);
  }

  /** {@code host:port}, with brackets around an IPv6 host, as in messages. */
  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
