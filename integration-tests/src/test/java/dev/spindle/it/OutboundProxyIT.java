package dev.spindle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.spindle.controllers.runtime.OutboundHttp;
import dev.spindle.controllers.runtime.OutboundHttpController;
import dev.spindle.resources.files.EtcFileSpec;
import dev.spindle.resources.files.FilesNamespaces;
import dev.spindle.resources.runtime.Environment;
import dev.spindle.resources.runtime.OutboundHttpStatus;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.testing.ControllerHarness;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.security.cert.CertPathBuilderException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbound client behind a real corporate proxy (tinyproxy on loopback) in front of a TLS server signed by a
 * private CA: it fails before the CA is in the bundle, succeeds through the proxy after the bundle grows (no
 * restart), goes direct when no_proxy covers the target, and authenticates to a proxy that wants credentials.
 */
class OutboundProxyIT {
  private static final String BASE_ROOT_COMMENT = "# base bundle (the JDK's roots are trusted besides)\n";

  @TempDir
  static Path dir;
  static TlsTarget target;
  static Tinyproxy proxy;
  static Tinyproxy authProxy;

  final OutboundHttp outbound = new OutboundHttp();

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new OutboundHttpController(outbound))
      .timeout(Duration.ofSeconds(20));

  @BeforeAll
  static void start() throws Exception {
    target = new TlsTarget();
    proxy = new Tinyproxy(dir.resolve("open"), target.port(), null);
    authProxy = new Tinyproxy(dir.resolve("auth"), target.port(), "alice s3cret");
  }

  @AfterAll
  static void stop() throws Exception {
    if (authProxy != null) {
      authProxy.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    if (target != null) {
      target.close();
    }
  }

  @AfterEach
  void closeClient() {
    outbound.close();
  }

  @Test
  void theCaBundleDecidesTrustAndTheProxyCarriesTheTunnelUntilNoProxyBypassesIt() throws Exception {
    String connect = "CONNECT 127.0.0.1:" + target.port();
    environment("HTTPS_PROXY=" + proxy.url());
    awaitStatus(s -> assertThat(s.httpsProxy()).isEqualTo(proxy.url()));

    // 1. through the proxy, but the private CA is not trusted yet
    int served = target.requests();
    assertThatThrownBy(() -> get(target.url())).isInstanceOf(SSLHandshakeException.class)
        .hasRootCauseInstanceOf(CertPathBuilderException.class);
    await().atMost(Duration.ofSeconds(10)).until(() -> proxy.requests("CONNECT", "127.0.0.1:" + target.port()) == 1);
    assertThat(target.requests()).isEqualTo(served);

    // 2. the bundle gains the CA: the same pipeline, a new client, and the request succeeds through the proxy
    bundle(BASE_ROOT_COMMENT + target.caPem());
    awaitStatus(s -> assertThat(s.bundleCertificates()).isEqualTo(1));
    HttpResponse<String> response = get(target.url());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("hello");
    await().atMost(Duration.ofSeconds(10)).until(() -> proxy.requests("CONNECT", "127.0.0.1:" + target.port()) == 2);
    assertThat(target.requests()).isEqualTo(served + 1);

    // 3. no_proxy covers the target: direct, the proxy sees nothing more
    environment("HTTPS_PROXY=" + proxy.url(), "NO_PROXY=example.com,127.0.0.1:" + target.port());
    awaitStatus(s -> assertThat(s.noProxy()).contains("127.0.0.1:" + target.port()));
    assertThat(get(target.url()).body()).isEqualTo("hello");
    assertThat(target.requests()).isEqualTo(served + 2);
    assertThat(proxy.requests("CONNECT", "127.0.0.1:" + target.port())).as(connect).isEqualTo(2);
  }

  @Test
  void proxyCredentialsFromTheUrlAnswerTheProxysChallengeAndAreNeverShown() throws Exception {
    bundle(target.caPem());
    environment("https_proxy=http://alice:wrong@127.0.0.1:" + authProxy.port);
    long wrong = awaitStatus(s -> {
      assertThat(s.httpsProxy()).isEqualTo("http://alice:xxxxx@127.0.0.1:" + authProxy.port);
      assertThat(s.bundleCertificates()).isEqualTo(1);
    }).generation();
    assertThatThrownBy(() -> get(target.url())).isInstanceOf(IOException.class);

    environment("https_proxy=http://alice:s3cret@127.0.0.1:" + authProxy.port);
    var status = awaitStatus(s -> assertThat(s.generation()).isGreaterThan(wrong));
    assertThat(status.toString()).doesNotContain("s3cret");
    assertThat(get(target.url()).body()).isEqualTo("hello");
    await().atMost(Duration.ofSeconds(10))
        .until(() -> authProxy.requests("CONNECT", "127.0.0.1:" + target.port()) >= 2);
  }

  @Test
  void plainHttpGoesThroughTheHttpProxy() throws Exception {
    HttpServer plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    plain.createContext("/", exchange -> {
      byte[] body = "plain".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    plain.start();
    try {
      String url = "http://127.0.0.1:" + plain.getAddress().getPort() + "/x";
      environment("http_proxy=" + proxy.url());
      awaitStatus(s -> assertThat(s.httpProxy()).isEqualTo(proxy.url()));
      assertThat(get(url).body()).isEqualTo("plain");
      await().atMost(Duration.ofSeconds(10)).until(() -> proxy.requests("GET", url) == 1);
    } finally {
      plain.stop(0);
    }
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15)).build();
    return outbound.current().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private void environment(String... variables) {
    var env = new Environment(List.of(variables));
    if (h.state().find(Environment.DEFINITION.pointer(Environment.ID)).isPresent()) {
      h.updateSpec(Environment.DEFINITION, Environment.ID, env);
    } else {
      h.create(Environment.DEFINITION, Environment.ID, env);
    }
  }

  private void bundle(String pem) {
    var spec = new EtcFileSpec(pem, 0644);
    var pointer = EtcFileSpec.DEFINITION.pointer(FilesNamespaces.FILES, OutboundHttpController.BUNDLE_ID);
    if (h.state().find(pointer).isPresent()) {
      h.state().<EtcFileSpec>updateWithConflicts(pointer, r -> r.withSpec(spec));
    } else {
      h.create(Resource.of(EtcFileSpec.DEFINITION, FilesNamespaces.FILES, OutboundHttpController.BUNDLE_ID, spec));
    }
  }

  private OutboundHttpStatus awaitStatus(Consumer<OutboundHttpStatus> assertion) {
    return h.awaitSpec(OutboundHttpStatus.DEFINITION, OutboundHttpStatus.ID, s -> {
      assertThat(s.error()).isEmpty();
      assertion.accept(s);
    });
  }
}
