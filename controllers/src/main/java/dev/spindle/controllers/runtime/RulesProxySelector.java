package dev.spindle.controllers.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;

/**
 * A {@link ProxySelector} over {@link ProxyRules}: an HTTP proxy or direct. The JDK client sends {@code http} requests
 * to the proxy in absolute form and opens {@code https} through it with {@code CONNECT}. The proxy's address is left
 * unresolved, so the name resolves when the client connects (and again after a DNS change).
 */
final class RulesProxySelector extends ProxySelector {
  private final ProxyRules rules;

  RulesProxySelector(ProxyRules rules) {
    this.rules = rules;
  }

  @Override
  public List<Proxy> select(URI uri) {
    return rules.proxyFor(uri)
        .map(p -> List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.host(), p.port()))))
        .orElse(List.of(Proxy.NO_PROXY));
  }

  @Override
  public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
    // one proxy per scheme, no fallback to try: the request fails with the client's own error
  }
}
