package dev.spindle.controllers.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.files.EtcFileSpec;
import dev.spindle.resources.files.FilesNamespaces;
import dev.spindle.resources.runtime.Environment;
import dev.spindle.resources.runtime.OutboundHttpStatus;
import dev.spindle.resources.runtime.RuntimeNamespaces;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.testing.ControllerHarness;
import java.net.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OutboundHttpControllerTest {
  private final OutboundHttp outbound = new OutboundHttp();

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new OutboundHttpController(outbound));

  @AfterEach
  void close() {
    outbound.close();
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

  private static String proxyOf(HttpClient client, String url) {
    Proxy proxy = client.proxy().orElseThrow().select(URI.create(url)).getFirst();
    return proxy.type() == Proxy.Type.DIRECT ? "DIRECT" : proxy.address().toString();
  }

  @Test
  void withoutInputsTheClientGoesDirectAndTrustsTheJdkOnly() {
    var status = h.awaitSpec(OutboundHttpStatus.DEFINITION, OutboundHttpStatus.ID, s -> { });
    assertThat(status.httpsProxy()).isEmpty();
    assertThat(status.bundleCertificates()).isZero();
    assertThat(status.generation()).isZero();
    assertThat(proxyOf(outbound.current(), "https://discovery.talos.dev/")).isEqualTo("DIRECT");
    assertThat(h.state().get(OutboundHttpStatus.DEFINITION, OutboundHttpStatus.ID).metadata().namespace())
        .isEqualTo(RuntimeNamespaces.RUNTIME);
  }

  @Test
  void theEnvironmentsProxiesAreUsedAndShownRedacted() {
    environment("HTTPS_PROXY=http://alice:s3cret@proxy.corp:3128", "NO_PROXY=.corp,10.0.0.0/8", "PATH=/bin");
    var status = h.awaitSpec(OutboundHttpStatus.DEFINITION, OutboundHttpStatus.ID,
        s -> assertThat(s.generation()).isEqualTo(1));
    assertThat(status.httpsProxy()).isEqualTo("http://alice:xxxxx@proxy.corp:3128");
    assertThat(status.httpProxy()).isEmpty();
    assertThat(status.noProxy()).containsExactly(".corp", "10.0.0.0/8");
    assertThat(status.toString()).doesNotContain("s3cret");
    assertThat(proxyOf(outbound.current(), "https://discovery.talos.dev/")).isEqualTo("proxy.corp/<unresolved>:3128");
    assertThat(proxyOf(outbound.current(), "https://git.corp/")).isEqualTo("DIRECT");
    assertThat(proxyOf(outbound.current(), "http://discovery.talos.dev/")).isEqualTo("DIRECT");
    assertThat(outbound.current().authenticator()).isPresent();
  }

  @Test
  void aChangedEnvironmentSwapsTheClientWithoutARestart() throws Exception {
    environment("https_proxy=http://one:3128");
    h.awaitSpec(OutboundHttpStatus.DEFINITION, OutboundHttpStatus.ID, s -> assertThat(s.generation()).isEqualTo(1));
    HttpClient first = outbound.current();
    environment("https_proxy=http://two:3128");
    h.awaitSpec(OutboundHttpStatus.DEFINITION, OutboundHttpStatus.ID, s -> {
      assertThat(s.generation()).isEqualTo(2);
      assertThat(s.httpsProxy()).isEqualTo("http://two:3128");
    });
    assertThat(outbound.current()).isNotSameAs(first);
    assertThat(first.isTerminated() || first.awaitTermination(java.time.Duration.ofSeconds(5))).isTrue();
    assertThat(proxyOf(outbound.current(), "https://example.com/")).isEqualTo("two/<unresolved>:3128");
  }

  @Test
  void anUnrelatedChangeKeepsTheClient() {
    environment("https_proxy=http://one:3128");
    h.awaitSpec(OutboundHttpStatus.DEFINITION, OutboundHttpStatus.ID, s -> assertThat(s.generation()).isEqualTo(1));
    HttpClient first = outbound.current();
    environment("https_proxy=http://one:3128", "TZ=UTC");
    bundle("");
    h.awaitSpec(OutboundHttpStatus.DEFINITION, OutboundHttpStatus.ID, s -> assertThat(s.generation()).isEqualTo(1));
    assertThat(outbound.current()).isSameAs(first);
  }

  @Test
  void theBundlesCertificatesAreCountedAndTrusted() throws Exception {
    bundle(CaBundleTest.twoRoots());
    var status = h.awaitSpec(OutboundHttpStatus.DEFINITION, OutboundHttpStatus.ID,
        s -> assertThat(s.bundleCertificates()).isEqualTo(2));
    assertThat(status.error()).isEmpty();
    assertThat(outbound.settings().bundle()).hasSize(2);
  }

  @Test
  void aBadProxyKeepsThePreviousClientAndSaysWhy() {
    environment("https_proxy=http://one:3128");
    h.awaitSpec(OutboundHttpStatus.DEFINITION, OutboundHttpStatus.ID, s -> assertThat(s.generation()).isEqualTo(1));
    HttpClient first = outbound.current();
    environment("https_proxy=socks5://user:hunter2@two:1080");
    var status = h.awaitSpec(OutboundHttpStatus.DEFINITION, OutboundHttpStatus.ID,
        s -> assertThat(s.error()).isNotEmpty());
    assertThat(status.error()).isEqualTo("environment variable https_proxy=\"socks5://user:xxxxx@two:1080\": proxy scheme"
        + " socks5 is not supported (only http://, which also tunnels https with CONNECT)");
    assertThat(status.httpsProxy()).isEqualTo("http://one:3128");
    assertThat(status.generation()).isEqualTo(1);
    assertThat(outbound.current()).isSameAs(first);

    environment("https_proxy=http://two:3128");
    h.awaitSpec(OutboundHttpStatus.DEFINITION, OutboundHttpStatus.ID, s -> {
      assertThat(s.error()).isEmpty();
      assertThat(s.generation()).isEqualTo(2);
    });
  }

  @Test
  void aBrokenBundleKeepsThePreviousTrust() throws Exception {
    bundle(CaBundleTest.twoRoots());
    h.awaitSpec(OutboundHttpStatus.DEFINITION, OutboundHttpStatus.ID, s -> assertThat(s.bundleCertificates()).isEqualTo(2));
    bundle(CaBundleTest.twoRoots() + "-----BEGIN CERTIFICATE-----\nMIIB\n");
    var status = h.awaitSpec(OutboundHttpStatus.DEFINITION, OutboundHttpStatus.ID,
        s -> assertThat(s.error()).startsWith("ssl/certs/ca-certificates.crt: certificate 3 (line "));
    assertThat(status.bundleCertificates()).isEqualTo(2);
    assertThat(outbound.settings().bundle()).hasSize(2);
  }
}
