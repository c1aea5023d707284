package dev.spindle.controllers.runtime;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which proxy a request takes, from the environment as Go's {@code httpproxy.FromEnvironment} reads it:
 * {@code HTTP_PROXY} then {@code http_proxy} (the first non-empty wins), the same for {@code HTTPS_PROXY} and
 * {@code NO_PROXY}. An {@code https} URL uses the https proxy, an {@code http} URL the http proxy, nothing else is
 * proxied; a host {@code no_proxy} matches goes direct.
 *
 * <p>One deliberate difference: Go never proxies {@code localhost} nor loopback addresses. Spindle still sends the
 * name {@code localhost} direct, but proxies loopback IP literals like any other address unless {@code no_proxy}
 * lists them ({@code no_proxy=127.0.0.1,::1} restores Go's behaviour). Nothing the node itself serves on loopback is
 * reached through this client, and a local forwarding proxy or a test needs loopback targets to be proxiable.
 */
public record ProxyRules(Optional<ProxyUrl> httpProxy, Optional<ProxyUrl> httpsProxy, NoProxy noProxy) {
  public static final ProxyRules DIRECT = new ProxyRules(Optional.empty(), Optional.empty(), NoProxy.NONE);

  /** The rules from {@code K=V} entries (an {@code Environment}'s variables); a bad proxy URL throws, naming it. */
  public static ProxyRules fromEnvironment(List<String> variables) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String entry : variables) {
      int eq = entry.indexOf('=');
      if (eq > 0) {
        env.put(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    return new ProxyRules(proxy(env, "HTTP_PROXY"), proxy(env, "HTTPS_PROXY"),
        first(env, "NO_PROXY").map(v -> NoProxy.parse(v.getValue())).orElse(NoProxy.NONE));
  }

  /** The proxy for a request to {@code uri}, or empty to go direct. */
  public Optional<ProxyUrl> proxyFor(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    Optional<ProxyUrl> proxy = switch (scheme) {
      case "https" -> httpsProxy;
      case "http" -> httpProxy;
      default -> Optional.empty();
    };
    if (proxy.isEmpty() || uri.getHost() == null) {
      return Optional.empty();
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    if (host.equalsIgnoreCase("localhost") || noProxy.matches(host, port)) {
      return Optional.empty();
    }
    return proxy;
  }

  private static Optional<ProxyUrl> proxy(Map<String, String> env, String upper) {
    return first(env, upper).map(e -> ProxyUrl.parse(e.getKey(), e.getValue()));
  }

  private static Optional<Map.Entry<String, String>> first(Map<String, String> env, String upper) {
    for (String name : List.of(upper, upper.toLowerCase(Locale.ROOT))) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return Optional.of(Map.entry(name, value));
      }
    }
    return Optional.empty();
  }
}
