package dev.spindle.controllers.runtime;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * An HTTP proxy from {@code http_proxy}/{@code https_proxy}: host, port and optional credentials. Parsed as Go's
 * {@code httpproxy} parses it: a value without a scheme means {@code http://}, a missing port is 80. Unlike Go, which
 * silently ignores a value it cannot parse, a bad value is an error naming the variable, so a typo never means
 * "no proxy". Only {@code http://} proxies are accepted: the JDK client speaks HTTP (and CONNECT) to proxies, not
 * TLS or SOCKS. {@link #toString()} and {@link #redacted()} replace the password with {@code xxxxx}; nothing that
 * prints a proxy shows it.
 */
public record ProxyUrl(String host, int port, String username, String password) {
  public static final int DEFAULT_PORT = 80;

  public ProxyUrl {
    Objects.requireNonNull(host, "host");
    username = Objects.requireNonNullElse(username, "");
    password = Objects.requireNonNullElse(password, "");
  }

  /** Parses the value of environment variable {@code variable}; the message names both (the password masked). */
  public static ProxyUrl parse(String variable, String value) {
    String text = value.strip();
    String withScheme = text.contains("://") ? text : "http://" + text;
    URI uri;
    try {
      uri = new URI(withScheme);
    } catch (URISyntaxException e) {
      throw bad(variable, text, "not a URL (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http")) {
      throw bad(variable, text, "proxy scheme " + scheme + " is not supported (only http://, which also tunnels https"
          + " with CONNECT)");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw bad(variable, text, "no proxy host");
    }
    if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
      throw bad(variable, text, "a proxy URL has no path");
    }
    String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
        : uri.getHost();
    int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
    String user = "";
    String pass = "";
    if (uri.getRawUserInfo() != null) {
      String info = uri.getRawUserInfo();
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? info : info.substring(0, colon));
      pass = colon < 0 ? "" : decode(info.substring(colon + 1));
    }
    return new ProxyUrl(host.toLowerCase(Locale.ROOT), port, user, pass);
  }

  public boolean hasCredentials() {
    return !username.isEmpty();
  }

  /** {@code http://user:xxxxx@host:port}, as Go's {@code url.Redacted()} writes it. */
  public String redacted() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    String user = username.isEmpty() ? "" : username + (password.isEmpty() ? "" : ":xxxxx") + "@";
    return "http://" + user + h + ":" + port;
  }

  @Override
  public String toString() {
    return redacted();
  }

  private static String decode(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static IllegalArgumentException bad(String variable, String value, String reason) {
    return new IllegalArgumentException("environment variable " + variable + "=\"" + mask(value) + "\": " + reason);
  }

  /** The value with anything between {@code user:} and {@code @} masked, for error messages. */
  static String mask(String value) {
    int at = value.lastIndexOf('@');
    if (at < 0) {
      return value;
    }
    int start = value.indexOf("://");
    start = start < 0 ? 0 : start + 3;
    int colon = value.indexOf(':', start);
    return colon >= 0 && colon < at ? value.substring(0, colon + 1) + "xxxxx" + value.substring(at) : value;
  }
}
