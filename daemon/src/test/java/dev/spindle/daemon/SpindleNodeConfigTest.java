package dev.spindle.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import dev.spindle.api.WireResources;
import dev.spindle.api.auth.ClientConfig;
import dev.spindle.api.auth.TlsContexts;
import dev.spindle.api.client.GrpcState;
import dev.spindle.api.proto.machine.ApplyConfigurationRequest;
import dev.spindle.api.proto.machine.ApplyConfigurationRequest.Mode;
import dev.spindle.api.proto.machine.MachineServiceGrpc;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.runtime.OutboundHttpStatus;
import dev.spindle.resources.network.AddressSpec;
import dev.spindle.resources.network.DeviceSelectorStatus;
import dev.spindle.resources.network.LinkNameStatus;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.ResolverSpec;
import dev.spindle.resources.network.ResolverStatus;
import dev.spindle.runtime.resource.ResourceRegistry;
import dev.spindle.runtime.state.StateException;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import dev.spindle.runtime.resource.Resource;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The machine configuration as the daemon takes it: {@code --config} at start, apply-config, and restarts. */
@QuarkusTest
class SpindleNodeConfigTest {
  private static final String FIRST = """
      version: v1alpha1
      machine:
        type: worker
        env:
          http_proxy: http://proxy.example:3128
      """;
  private static final String SECOND = FIRST.replace("proxy.example", "proxy2.example");

  @Inject
  SpindleNode node;

  private Path dir;

  @BeforeEach
  void dir() throws Exception {
    dir = Files.createTempDirectory("spindled-config");
  }

  @AfterEach
  void stop() {
    node.stop();
  }

  private DaemonOptions options(Path config) {
    return new DaemonOptions(Platform.SIMULATED, dir.resolve("state"), new InetSocketAddress("127.0.0.1", 0),
        List.of(), dir.resolve("client"), "test", config, false, dir.resolve("root"));
  }

  private <T> T withChannel(ChannelCall<T> call) throws Exception {
    var context = ClientConfig.read(dir.resolve("client")).currentContext();
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", node.grpcPort())
        .sslContext(TlsContexts.client(context)).build();
    try {
      return call.run(channel);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private interface ChannelCall<T> {
    T run(ManagedChannel channel) throws Exception;
  }

  private String machineConfigText() throws Exception {
    return withChannel(channel -> new GrpcState(channel,
        new WireResources(ResourceRegistry.of(List.of(MachineConfig.DEFINITION))))
        .get(MachineConfig.DEFINITION, MachineConfig.ID).spec().text());
  }

  private static ApplyConfigurationRequest apply(String text) {
    return ApplyConfigurationRequest.newBuilder().setData(ByteString.copyFromUtf8(text)).setMode(Mode.AUTO).build();
  }

  @Test
  void startsWithTheGivenFileAndComesBackWithWhatWasAppliedLast() throws Exception {
    Path file = Files.writeString(dir.resolve("machine.yaml"), FIRST);
    node.start(options(file));
    assertThat(machineConfigText()).isEqualTo(FIRST);

    var reply = withChannel(channel -> MachineServiceGrpc.newBlockingStub(channel).applyConfiguration(apply(SECOND)));
    assertThat(reply.getMessages(0).getModeDetails())
        .contains("~ MachineConfigs.config.talos.dev(config/v1alpha1)");
    assertThat(machineConfigText()).isEqualTo(SECOND);

    node.stop();
    node.start(options(null));
    assertThat(machineConfigText()).isEqualTo(SECOND);
  }

  @Test
  void evenAnAdminCannotWriteTheMachineConfigurationPastApplyConfig() throws Exception {
    node.start(options(Files.writeString(dir.resolve("machine.yaml"), FIRST)));
    assertThatThrownBy(() -> withChannel(channel -> {
      var state = new GrpcState(channel, new WireResources(ResourceRegistry.of(List.of(MachineConfig.DEFINITION))));
      var current = state.get(MachineConfig.DEFINITION, MachineConfig.ID);
      return state.update(current.withSpec(MachineConfig.fromText(SECOND)));
    })).isInstanceOf(StateException.AccessDenied.class)
        .hasMessageContaining("MachineConfigs.config.talos.dev is read-only over the State API; it changes through "
            + "apply-config");
    assertThat(machineConfigText()).isEqualTo(FIRST);
  }

  @Test
  void anInvalidApplyIsRefusedWithEveryProblemAndChangesNothing() throws Exception {
    node.start(options(Files.writeString(dir.resolve("machine.yaml"), FIRST)));
    String bad = FIRST + "  kubelett: {}\n  network:\n    nameservers: [8.8.8]\n";
    assertThatThrownBy(() -> withChannel(channel ->
        MachineServiceGrpc.newBlockingStub(channel).applyConfiguration(apply(bad))))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).startsWith("2 errors:\n")
              .contains("machine.kubelett").contains("8.8.8");
        });
    assertThat(machineConfigText()).isEqualTo(FIRST);
    assertThat(dir.resolve("state/config.yaml")).hasContent(FIRST.strip());
  }

  @Test
  void aDryRunNamesTheSpecsAConfigurationWouldChangeAndApplyingChangesThem() throws Exception {
    node.start(options(null));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(resolverStatus()).isPresent());
    String resolvers = FIRST + "  network:\n    nameservers: [10.0.0.53]\n";
    var request = apply(resolvers).toBuilder().setDryRun(true).build();

    var dryRun = withChannel(channel -> MachineServiceGrpc.newBlockingStub(channel).applyConfiguration(request));
    assertThat(dryRun.getMessages(0).getModeDetails()).contains(
        "+ MachineConfigs.config.talos.dev(config/v1alpha1)",
        "+ ResolverSpecs.net.talos.dev(network-config/configuration/resolvers)",
        "~ ResolverSpecs.net.talos.dev(network/resolvers)");

    withChannel(channel -> MachineServiceGrpc.newBlockingStub(channel).applyConfiguration(apply(resolvers)));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(resolverStatus().orElseThrow().spec()
        .dnsServers()).extracting(Object::toString).containsExactly("10.0.0.53"));
  }

  private Optional<Resource<ResolverStatus>> resolverStatus() throws Exception {
    var registry = ResourceRegistry.of(List.of(ResolverSpec.DEFINITION, ResolverStatus.DEFINITION));
    return withChannel(channel -> new GrpcState(channel, new WireResources(registry))
        .find(ResolverStatus.DEFINITION, "resolvers"));
  }

  @Test
  void theCorporateProxyExampleReachesTheFilesTheEnvironmentAndTheOutboundClient() throws Exception {
    node.start(options(Path.of("..", "examples", "corporate-proxy.yaml")));
    Path root = dir.resolve("root");
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      assertThat(root.resolve("etc/ssl/certs/ca-certificates.crt")).content()
          .contains("\ncorp-proxy-ca:\n==============\n-----BEGIN CERTIFICATE-----");
      assertThat(root.resolve("etc/resolv.conf"))
          .hasContent("nameserver 10.0.0.53\nnameserver 10.0.1.53\n\nsearch corp.example");
      var status = withChannel(channel -> new GrpcState(channel, new WireResources(ResourceRegistry.of(
          List.of(OutboundHttpStatus.DEFINITION)))).get(OutboundHttpStatus.DEFINITION, OutboundHttpStatus.ID).spec());
      assertThat(status.httpsProxy()).isEqualTo("http://proxy.corp.example:3128");
    });
  }

  @Test
  void theSelectorsExampleBindsByHardwareFactsReportsTheMissAndAliasesTheNics() throws Exception {
    node.start(options(Path.of("..", "examples", "selectors.yaml")));
    var types = List.of(DeviceSelectorStatus.DEFINITION, LinkStatus.DEFINITION, AddressSpec.DEFINITION,
        dev.spindle.resources.network.RouteStatus.DEFINITION);
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> withChannel(channel -> {
      var state = new GrpcState(channel, new WireResources(ResourceRegistry.of(types)));
      assertThat(state.get(DeviceSelectorStatus.DEFINITION, "000").spec().links()).containsExactly("enp0s3");
      assertThat(state.get(DeviceSelectorStatus.DEFINITION, "001").spec().matched()).isFalse();
      assertThat(state.get(AddressSpec.DEFINITION, "enp0s3/10.0.1.2/24").spec().linkName()).isEqualTo("enp0s3");
      assertThat(state.get(LinkStatus.DEFINITION, "enp0s2").spec().alias()).isEqualTo("lan0");
      assertThat(state.get(LinkStatus.DEFINITION, "enp0s3").spec().alias()).isEqualTo("lan1");
      // enp0s3 (the kernel's eth1) up (default LinkSpec), its address on it, so the configured route over 10.0.1.1
      // is in the kernel
      assertThat(state.get(LinkStatus.DEFINITION, "enp0s3").spec().operationalState().text()).isEqualTo("up");
      assertThat(state.get(dev.spindle.resources.network.RouteStatus.DEFINITION,
          "inet4/10.0.1.1/10.99.0.0/16/1024").spec().outLinkName()).isEqualTo("enp0s3");
      return null;
    }));
  }

  @Test
  void netIfnamesZeroOnTheSimulatedCommandLineKeepsTheKernelsNames() throws Exception {
    Files.createDirectories(dir.resolve("state"));
    Files.writeString(dir.resolve("state/cmdline"), "console=ttyS0 talos.platform=metal net.ifnames=0");
    node.start(options(null));
    var types = List.of(LinkStatus.DEFINITION, LinkNameStatus.DEFINITION);
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> withChannel(channel -> {
      var state = new GrpcState(channel, new WireResources(ResourceRegistry.of(types)));
      assertThat(state.get(LinkNameStatus.DEFINITION, "eth0").spec().enabled()).isFalse();
      assertThat(state.get(LinkNameStatus.DEFINITION, "eth0").spec().path()).isEqualTo("enp0s2");
      assertThat(state.list(LinkStatus.DEFINITION)).extracting(Resource::id).containsExactly("eth0", "eth1", "lo");
      return null;
    }));
  }

  @Test
  void anInvalidFileAtStartStopsTheStartWithItsProblems() throws Exception {
    Path file = Files.writeString(dir.resolve("machine.yaml"), "version: v1alpha1\nmachine:\n  typo: 1\n");
    assertThatThrownBy(() -> node.start(options(file)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the machine configuration is invalid:\n" + file + ":3:3: v1alpha1: machine.typo");
    assertThat(dir.resolve("state/config.yaml")).doesNotExist();
  }

  @Test
  void theWireguardExampleMakesAConfiguredDeviceOnTheSimulatedNode() throws Exception {
    node.start(options(Path.of("..", "examples", "wireguard.yaml")));
    var types = List.of(LinkStatus.DEFINITION, dev.spindle.resources.network.WireguardPeerStatus.DEFINITION,
        dev.spindle.resources.network.AddressStatus.DEFINITION);
    String publicKey = dev.spindle.platform.wireguard.WireguardKey.parse(
        "YGAmUc8i+hEkkIT24qxizREIqqXAZI2jarIfVLaI12M=").publicKey().base64();
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> withChannel(channel -> {
      var state = new GrpcState(channel, new WireResources(ResourceRegistry.of(types)));
      var wg0 = state.get(LinkStatus.DEFINITION, "wg0").spec();
      assertThat(wg0.kind()).isEqualTo("wireguard");
      assertThat(wg0.mtu()).isEqualTo(1420);
      assertThat(wg0.wireguard().publicKey()).isEqualTo(publicKey);
      assertThat(wg0.wireguard().privateKey()).isEmpty();
      assertThat(wg0.wireguard().listenPort()).isEqualTo(51820);
      assertThat(wg0.wireguard().peers()).extracting(p -> p.publicKey()).containsExactlyInAnyOrder(
          "1H7OsUszUFuhYa1Yunt9k/XuiZKAox4pXm+lMCnQ5Cc=", "YmwBqrjvISiIFfpHRNPM2vONAldSyfMY9n3ADbzpLUc=");
      assertThat(wg0.wireguard().peers()).allSatisfy(p -> assertThat(p.presharedKey()).isEmpty());
      var peer = state.get(dev.spindle.resources.network.WireguardPeerStatus.DEFINITION,
          "wg0/1H7OsUszUFuhYa1Yunt9k/XuiZKAox4pXm+lMCnQ5Cc=").spec();
      assertThat(peer.endpoint()).isEqualTo("192.0.2.10:51820");
      assertThat(peer.persistentKeepaliveInterval()).isEqualTo(Duration.ofSeconds(25));
      assertThat(state.get(dev.spindle.resources.network.AddressStatus.DEFINITION, "wg0/10.8.0.1/24")).isNotNull();
      return null;
    }));
  }
}
