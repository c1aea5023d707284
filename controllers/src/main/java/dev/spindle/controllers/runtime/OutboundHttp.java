package dev.spindle.controllers.runtime;

import java.net.http.HttpClient;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The daemon's outbound HTTP client (discovery, later image pulls), held so it can be replaced while the daemon
 * runs: {@link #current()} always returns a complete client built from one environment and one CA bundle;
 * {@link OutboundHttpController} swaps in a new one when either changes, and the old one is shut down gracefully
 * (requests in flight finish on it). Callers fetch {@code current()} per request and never keep the client.
 *
 * <p>Until the controller's first reconcile the client goes direct and trusts the JDK's roots only.
 *
 * <p>Proxy credentials are answered with {@code Basic}; the JDK refuses Basic for {@code CONNECT} tunnels unless the
 * system property {@code jdk.http.auth.tunneling.disabledSchemes} is cleared before the first {@link HttpClient} of
 * the process authenticates, so this class clears it when nobody set it. The daemon's launcher may set it explicitly
 * ({@code -Djdk.http.auth.tunneling.disabledSchemes=}) to be independent of class loading order.
 */
public final class OutboundHttp implements AutoCloseable {
  static final String TUNNELING_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  static {
    if (System.getProperty(TUNNELING_DISABLED_SCHEMES) == null) {
      System.setProperty(TUNNELING_DISABLED_SCHEMES, "");
    }
  }

  /** One built client and what it was built from. */
  public record Client(HttpClient http, ProxyRules rules, List<X509Certificate> bundle, long generation) {}

  private final AtomicReference<Client> current;

  public OutboundHttp() {
    current = new AtomicReference<>(build(ProxyRules.DIRECT, List.of(), 0));
  }

  /** The client to use for the next request. */
  public HttpClient current() {
    return current.get().http();
  }

  /** The client and its settings, for status and tests. */
  public Client settings() {
    return current.get();
  }

  /** Replaces the client if the settings differ; returns the client now current. */
  Client use(ProxyRules rules, List<X509Certificate> bundle) {
    Client now = current.get();
    if (now.rules().equals(rules) && now.bundle().equals(bundle)) {
      return now;
    }
    Client next = build(rules, bundle, now.generation() + 1);
    current.set(next);
    now.http().shutdown();
    return next;
  }

  private static Client build(ProxyRules rules, List<X509Certificate> bundle, long generation) {
    HttpClient.Builder builder = HttpClient.newBuilder()
        .proxy(new RulesProxySelector(rules))
        .sslContext(OutboundTls.context(bundle))
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NORMAL);
    ProxyAuthenticator.of(rules).ifPresent(builder::authenticator);
    return new Client(builder.build(), rules, List.copyOf(bundle), generation);
  }

  @Override
  public void close() {
    current.get().http().shutdownNow();
  }
}
