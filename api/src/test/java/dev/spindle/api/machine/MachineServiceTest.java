package dev.spindle.api.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.spindle.api.auth.AuthInterceptor;
import dev.spindle.api.auth.Role;
import dev.spindle.api.proto.machine.ApplyConfigurationRequest;
import dev.spindle.api.proto.machine.ApplyConfigurationRequest.Mode;
import dev.spindle.api.proto.machine.MachineServiceGrpc;
import dev.spindle.runtime.resource.ResourceChange;
import dev.spindle.runtime.resource.ResourceChange.Action;
import dev.spindle.runtime.resource.ResourcePointer;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MachineServiceTest {
  /** Accepts any text containing "ok", records what it was asked to do. */
  private final List<String> applied = new ArrayList<>();
  private final ConfigApplier applier = (text, source, dryRun) -> {
    if (!text.contains("ok")) {
      throw new ConfigRejectedException(List.of("apply-config: v1alpha1: machine.type: \"x\": unknown machine type",
          "apply-config: v1alpha1: cluster.id: must not be empty"));
    }
    applied.add((dryRun ? "dry-run " : "apply ") + text);
    return new ConfigApplier.Outcome(List.of(".machine.files is deprecated"), List.of(
        new ResourceChange(new ResourcePointer("config", "MachineConfigs.config.talos.dev", "v1alpha1"),
            Action.UPDATED),
        new ResourceChange(new ResourcePointer("network", "ResolverSpecs.net.talos.dev", "resolvers"),
            Action.CREATED)));
  };
  private Server server;
  private ManagedChannel channel;

  private MachineServiceGrpc.MachineServiceBlockingStub stub(Role role) throws Exception {
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).addService(ServerInterceptors.intercept(
        new MachineService(applier, () -> "node-1"), AuthInterceptor.fixedRole(role, "alice"))).build().start();
    channel = InProcessChannelBuilder.forName(name).build();
    return MachineServiceGrpc.newBlockingStub(channel);
  }

  private static ApplyConfigurationRequest request(String text, Mode mode, boolean dryRun) {
    return ApplyConfigurationRequest.newBuilder().setData(ByteString.copyFromUtf8(text)).setMode(mode)
        .setDryRun(dryRun).build();
  }

  @AfterEach
  void close() throws InterruptedException {
    channel.shutdownNow();
    server.shutdownNow();
    channel.awaitTermination(5, TimeUnit.SECONDS);
    server.awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void anAdminAppliesAndLearnsWhatChanged() throws Exception {
    var reply = stub(Role.ADMIN).applyConfiguration(request("ok", Mode.AUTO, false)).getMessages(0);
    assertThat(applied).containsExactly("apply ok");
    assertThat(reply.getMode()).isEqualTo(Mode.NO_REBOOT);
    assertThat(reply.getMetadata().getHostname()).isEqualTo("node-1");
    assertThat(reply.getWarningsList()).containsExactly(".machine.files is deprecated");
    assertThat(reply.getModeDetails()).isEqualTo("""
        Applied configuration without a reboot

        Resources that are expected to change:
          ~ MachineConfigs.config.talos.dev(config/v1alpha1)
          + ResolverSpecs.net.talos.dev(network/resolvers)
        """);
  }

  @Test
  void aDryRunSaysWhatWouldChange() throws Exception {
    var reply = stub(Role.ADMIN).applyConfiguration(request("ok", Mode.NO_REBOOT, true)).getMessages(0);
    assertThat(applied).containsExactly("dry-run ok");
    assertThat(reply.getModeDetails()).startsWith("Dry run summary:\n")
        .contains("Resources that would change:\n  ~ MachineConfigs.config.talos.dev(config/v1alpha1)\n");
  }

  @Test
  void everyValidationErrorReachesTheClient() throws Exception {
    var stub = stub(Role.ADMIN);
    assertThatThrownBy(() -> stub.applyConfiguration(request("bad", Mode.AUTO, false)))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).isEqualTo("""
              2 errors:
              apply-config: v1alpha1: machine.type: "x": unknown machine type
              apply-config: v1alpha1: cluster.id: must not be empty""");
        });
    assertThat(applied).isEmpty();
  }

  @Test
  void hundredsOfProblemsStillReachTheClientCapped() throws Exception {
    var many = new java.util.ArrayList<String>();
    for (int i = 0; i < 200; i++) {
      many.add("apply-config:" + (i + 1) + ":5: v1alpha1: machine.network.nameservers[" + i + "]: \"x\": must be an IP "
          + "address, padded to a realistic length of a located problem line");
    }
    var stub = new MachineServiceGrpc.MachineServiceBlockingStub[1];
    ConfigApplier rejecting = (text, source, dryRun) -> {
      throw new ConfigRejectedException(many);
    };
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).addService(ServerInterceptors.intercept(
        new MachineService(rejecting, () -> "node-1"), AuthInterceptor.fixedRole(Role.ADMIN, "alice"))).build().start();
    channel = InProcessChannelBuilder.forName(name).build();
    stub[0] = MachineServiceGrpc.newBlockingStub(channel);
    assertThatThrownBy(() -> stub[0].applyConfiguration(request("ok", Mode.AUTO, false)))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).startsWith("200 errors:\n" + many.get(0))
              .contains(many.get(39)).doesNotContain(many.get(40))
              .endsWith("... and 160 more (spindlectl validate -c FILE lists all)");
        });
  }

  @Test
  void readersAndOperatorsMayNotApply() throws Exception {
    for (Role role : List.of(Role.READER, Role.OPERATOR)) {
      var stub = stub(role);
      assertThatThrownBy(() -> stub.applyConfiguration(request("ok", Mode.AUTO, false)))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
      close();
    }
    assertThat(applied).isEmpty();
  }

  @Test
  void modesThatNeedARebootAreRefusedNotReinterpreted() throws Exception {
    var stub = stub(Role.ADMIN);
    for (Mode mode : List.of(Mode.REBOOT, Mode.STAGED, Mode.TRY)) {
      assertThatThrownBy(() -> stub.applyConfiguration(request("ok", mode, false)))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
            assertThat(e.getStatus().getDescription()).contains("use --mode auto or no-reboot");
          });
    }
    assertThat(applied).isEmpty();
  }

  @Test
  void textThatIsNotUtf8IsRefused() throws Exception {
    var stub = stub(Role.ADMIN);
    var bad = ApplyConfigurationRequest.newBuilder().setData(ByteString.copyFrom(new byte[] {(byte) 0xff, 'o', 'k'}))
        .setMode(Mode.AUTO).build();
    assertThatThrownBy(() -> stub.applyConfiguration(bad))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
            assertThat(e.getStatus().getDescription()).isEqualTo("the configuration is not UTF-8 text"));
    assertThat(applied).isEmpty();
  }
}
