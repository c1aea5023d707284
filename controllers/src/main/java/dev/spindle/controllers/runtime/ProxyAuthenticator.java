package dev.spindle.controllers.runtime;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.util.List;
import java.util.Optional;

/**
 * Answers a proxy's {@code 407} with the credentials of its URL ({@code http://user:pass@proxy:3128}), and nothing
 * else: server challenges get no answer, and credentials go only to the proxy they were configured for.
 */
final class ProxyAuthenticator extends Authenticator {
  private final List<ProxyUrl> proxies;

  ProxyAuthenticator(List<ProxyUrl> proxies) {
    this.proxies = List.copyOf(proxies);
  }

  static Optional<Authenticator> of(ProxyRules rules) {
    List<ProxyUrl> withCredentials = java.util.stream.Stream.of(rules.httpProxy(), rules.httpsProxy())
        .flatMap(Optional::stream).filter(ProxyUrl::hasCredentials).toList();
    return withCredentials.isEmpty() ? Optional.empty() : Optional.of(new ProxyAuthenticator(withCredentials));
  }

  @Override
  protected PasswordAuthentication getPasswordAuthentication() {
    if (getRequestorType() != RequestorType.PROXY) {
      return null;
    }
    for (ProxyUrl proxy : proxies) {
      if (proxy.host().equalsIgnoreCase(getRequestingHost()) && proxy.port() == getRequestingPort()) {
        return new PasswordAuthentication(proxy.username(), proxy.password().toCharArray());
      }
    }
    return null;
  }
}
