package dev.spindle.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.api.WireResources;
import dev.spindle.api.auth.CertificateAuthority;
import dev.spindle.api.auth.ClientConfig;
import dev.spindle.api.auth.ClientContext;
import dev.spindle.api.auth.Role;
import dev.spindle.api.auth.StateDirectoryPki;
import dev.spindle.api.auth.TlsContexts;
import dev.spindle.api.client.GrpcState;
import dev.spindle.resources.network.AddressStatus;
import dev.spindle.resources.network.RouteStatus;
import dev.spindle.resources.network.Family;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.time.TimeStatus;
import dev.spindle.runtime.meta.NamespaceSpec;
import dev.spindle.runtime.meta.ResourceDefinitionSpec;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceRegistry;
import dev.spindle.runtime.state.StateException;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The node as the daemon runs it: meta resources over mutual TLS, roles, health and metrics endpoints. */
@QuarkusTest
class SpindleNodeTest {
  private static final ResourceRegistry META =
      ResourceRegistry.of(List.of(NamespaceSpec.DEFINITION, ResourceDefinitionSpec.DEFINITION));

  @Inject
  SpindleNode node;

  @ConfigProperty(name = "quarkus.http.test-port")
  int httpPort;

  private Path dir;
  private Path config;

  @BeforeEach
  void start() throws Exception {
    dir = Files.createTempDirectory("spindled-test");
    config = dir.resolve("client/config");
    node.start(new DaemonOptions(Platform.SIMULATED, dir.resolve("state"), new InetSocketAddress("127.0.0.1", 0),
        List.of(), config, "test", null, false, dir.resolve("root")));
  }

  @AfterEach
  void stop() {
    node.stop();
  }

  private ManagedChannel channel(ClientContext context) throws IOException {
    return NettyChannelBuilder.forAddress("127.0.0.1", node.grpcPort())
        .sslContext(TlsContexts.client(context)).build();
  }

  @Test
  void adminReadsResourceDefinitionsThroughTheWrittenClientConfig() throws Exception {
    var context = ClientConfig.read(config).currentContext();
    assertThat(context.endpoints()).containsExactly("127.0.0.1:" + node.grpcPort());
    ManagedChannel channel = channel(context);
    try {
      var state = new GrpcState(channel, new WireResources(META));
      var rds = state.list(ResourceDefinitionSpec.DEFINITION);
      assertThat(rds).extracting(Resource::id).contains("resourcedefinitions.meta.cosi.dev",
          "namespaces.meta.cosi.dev");
      assertThat(state.list(NamespaceSpec.DEFINITION)).extracting(Resource::id)
          .contains("meta", "network", "network-config", "runtime", "config");
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void theSimulatedNodeShowsItsLinks() throws Exception {
    ManagedChannel channel = channel(ClientConfig.read(config).currentContext());
    try {
      var state = new GrpcState(channel, new WireResources(ResourceRegistry.of(List.of(LinkStatus.DEFINITION))));
      // the kernel's eth0 and eth1, renamed to their predictable names as udev renames them on Talos
      org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(state.list(LinkStatus.DEFINITION))
          .extracting(Resource::id).containsExactly("enp0s2", "enp0s3", "lo"));
      var enp0s2 = state.get(LinkStatus.DEFINITION, "enp0s2");
      assertThat(enp0s2.metadata().owner()).isEqualTo("network.LinkStatusController");
      assertThat(enp0s2.spec().hardwareAddr().toString()).isEqualTo("52:54:00:12:34:56");
      assertThat(enp0s2.spec().index()).isEqualTo(2);
      assertThat(enp0s2.spec().altNames()).containsExactly("enx525400123456");
      assertThat(enp0s2.spec().busPath()).as("sysfs follows the rename").isEqualTo("0000:00:02.0");
      assertThat(enp0s2.spec().driverVersion()).as("ethtool follows the rename").isEqualTo("1.0.0");
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void theSimulatedNodeShowsItsAddresses() throws Exception {
    ManagedChannel channel = channel(ClientConfig.read(config).currentContext());
    try {
      var state = new GrpcState(channel, new WireResources(ResourceRegistry.of(List.of(AddressStatus.DEFINITION))));
      org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(state.list(AddressStatus.DEFINITION))
          .extracting(Resource::id).containsExactly("enp0s2/172.20.0.2/24", "enp0s2/fe80::5054:ff:fe12:3456/64",
              // eth1 (now enp0s3) boots down; Talos's default LinkSpec (every physical link up) brings it up:
              // link-local only
              "enp0s3/fe80::5054:ff:fe12:3457/64", "lo/127.0.0.1/8", "lo/::1/128"));
      var eth0 = state.get(AddressStatus.DEFINITION, "enp0s2/172.20.0.2/24");
      assertThat(eth0.metadata().owner()).isEqualTo("network.AddressStatusController");
      assertThat(eth0.spec().family()).isEqualTo(Family.INET4);
      assertThat(eth0.spec().broadcast()).isEqualTo(IpAddr.parse("172.20.0.255"));
      assertThat(eth0.spec().flags().text()).isEqualTo("permanent");
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void theSimulatedNodeShowsItsRoutesWithTheDefaultRouteViaTheGateway() throws Exception {
    ManagedChannel channel = channel(ClientConfig.read(config).currentContext());
    try {
      var state = new GrpcState(channel, new WireResources(ResourceRegistry.of(List.of(RouteStatus.DEFINITION))));
      org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(state.list(RouteStatus.DEFINITION))
          .extracting(Resource::id).contains("inet4/172.20.0.1//1024", "inet4//172.20.0.0/24/0",
              "local/inet4//127.0.0.0/8/0", "enp0s2/inet6//fe80::/64/256", "enp0s3/inet6//fe80::/64/256")
          .hasSize(14));
      var gateway = state.get(RouteStatus.DEFINITION, "inet4/172.20.0.1//1024");
      assertThat(gateway.metadata().owner()).isEqualTo("network.RouteStatusController");
      assertThat(gateway.spec().dst()).as("a default route has none, \"\" on the wire").isNull();
      assertThat(gateway.spec().gateway()).isEqualTo(IpAddr.parse("172.20.0.1"));
      assertThat(gateway.spec().outLinkName()).isEqualTo("enp0s2");
      assertThat(gateway.spec().protocol().text()).isEqualTo("static");
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void theSimulatedNodeSyncsItsTimeWithoutTouchingTheNetwork() throws Exception {
    ManagedChannel channel = channel(ClientConfig.read(config).currentContext());
    try {
      var state = new GrpcState(channel, new WireResources(ResourceRegistry.of(List.of(TimeStatus.DEFINITION))));
      org.awaitility.Awaitility.await().untilAsserted(() -> {
        var status = state.get(TimeStatus.DEFINITION, TimeStatus.ID).spec();
        assertThat(status.synced()).isTrue();
        assertThat(status.server()).isEqualTo("time.cloudflare.com");
      });
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void readerMayReadButNotWrite() throws Exception {
    var pki = new StateDirectoryPki(dir.resolve("state"), dev.spindle.api.auth.ServerNames.loopback())
        .loadOrCreate().pki();
    var reader = ClientContext.of(List.of(), pki.ca().certificate(), pki.ca().issueClient(Role.READER, "alice"));
    ManagedChannel channel = channel(reader);
    try {
      var state = new GrpcState(channel, new WireResources(META));
      assertThat(state.list(NamespaceSpec.DEFINITION)).isNotEmpty();
      assertThatThrownBy(() -> state.create(Resource.of(NamespaceSpec.DEFINITION, "mine", new NamespaceSpec("x"))))
          .isInstanceOf(StateException.AccessDenied.class).hasMessageContaining("os:admin");
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aClientOfAnotherAuthorityIsRefused() throws Exception {
    var foreign = CertificateAuthority.generate("someone else");
    var context = ClientContext.of(List.of(), foreign.certificate(), foreign.issueClient(Role.ADMIN, "mallory"));
    ManagedChannel channel = channel(context);
    try {
      var state = new GrpcState(channel, new WireResources(META));
      assertThatThrownBy(() -> state.list(NamespaceSpec.DEFINITION)).isInstanceOf(StateException.class);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void restartKeepsTheAuthorityAndMergesTheClientConfig() throws Exception {
    var before = Files.readString(dir.resolve("state/pki/ca.crt"));
    node.stop();
    node.start(new DaemonOptions(Platform.SIMULATED, dir.resolve("state"), new InetSocketAddress("127.0.0.1", 0),
        List.of(), config, "second", null, false, dir.resolve("root")));

    assertThat(Files.readString(dir.resolve("state/pki/ca.crt"))).isEqualTo(before);
    var merged = ClientConfig.read(config);
    assertThat(merged.contexts()).containsKeys("test", "second");
    assertThat(merged.context()).isEqualTo("second");
  }

  @Test
  void healthReadinessAndMetricsAreServed() throws Exception {
    var http = HttpClient.newHttpClient();
    assertThat(get(http, "/healthz").statusCode()).isEqualTo(200);
    assertThat(get(http, "/readyz").body()).isEqualTo("ready\n");
    String metrics = get(http, "/metrics").body();
    assertThat(metrics).contains("spindle_state_resources{namespace=\"meta\",type=\"Namespaces.meta.cosi.dev\"}");

    node.stop();
    assertThat(get(http, "/readyz").statusCode()).isEqualTo(503);
    start(); // @AfterEach stops it again
  }

  private HttpResponse<String> get(HttpClient http, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
