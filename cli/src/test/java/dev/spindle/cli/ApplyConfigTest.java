package dev.spindle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.api.machine.ConfigApplier;
import dev.spindle.api.machine.ConfigRejectedException;
import dev.spindle.cli.Cli.Result;
import dev.spindle.runtime.resource.ResourceChange;
import dev.spindle.runtime.resource.ResourceChange.Action;
import dev.spindle.runtime.resource.ResourcePointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apply-config} sends the file to the node's MachineService and prints what the node answers. */
class ApplyConfigTest {
  @TempDir
  Path dir;

  private final List<String> received = new CopyOnWriteArrayList<>();
  private TestNode node;
  private String adminConfig;

  @BeforeEach
  void start() throws IOException {
    ConfigApplier applier = (text, source, dryRun) -> {
      if (text.contains("rejected-by-node")) {
        throw new ConfigRejectedException(List.of(
            "apply-config:3:5: v1alpha1: machine.network.nameservers[0]: \"x\": not an IP address",
            "apply-config:7:3: v1alpha1: machine.kubelett: unknown field"));
      }
      if (text.contains("explode")) {
        throw new IllegalStateException("disk full");
      }
      received.add((dryRun ? "dry-run: " : "apply: ") + text);
      return new ConfigApplier.Outcome(List.of(".machine.files is deprecated"),
          List.of(new ResourceChange(new ResourcePointer("config", "MachineConfigs.config.talos.dev", "v1alpha1"),
              Action.CREATED)));
    };
    node = TestNode.start(dir.resolve("state"), applier);
    adminConfig = node.writeAdminConfig(dir.resolve("config")).toString();
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private Path file(String text) throws IOException {
    return Files.writeString(dir.resolve("machine.yaml"), text);
  }

  @Test
  void appliesTheFileAndPrintsWhatChanged() throws IOException {
    Result result = Cli.run("--spindleconfig", adminConfig, "apply-config", "-f", file("version: v1alpha1\nmachine:\n  type: worker\n").toString());
    assertThat(result.status()).isZero();
    assertThat(received).containsExactly("apply: version: v1alpha1\nmachine:\n  type: worker\n");
    assertThat(result.out()).isEqualTo("""
        Applied configuration without a reboot

        Resources that are expected to change:
          + MachineConfigs.config.talos.dev(config/v1alpha1)
        """);
    assertThat(result.err()).isEqualTo("warning: .machine.files is deprecated\n");
  }

  @Test
  void aDryRunIsSentAsOne() throws IOException {
    Result result = Cli.run("--spindleconfig", adminConfig, "apply-config", "--dry-run", "-f",
        file("version: v1alpha1\nmachine:\n  type: worker\n").toString());
    assertThat(result.status()).isZero();
    assertThat(received).containsExactly("dry-run: version: v1alpha1\nmachine:\n  type: worker\n");
    assertThat(result.out()).startsWith("Dry run summary:\n");
  }

  @Test
  void everyValidationErrorIsPrintedAndTheStatusIsOne() throws IOException {
    Result result = Cli.run("--spindleconfig", adminConfig, "apply-config", "-f",
        file("version: v1alpha1\nmachine:\n  type: worker # rejected-by-node\n").toString());
    assertThat(result.status()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("""
        error: 2 errors:
        apply-config:3:5: v1alpha1: machine.network.nameservers[0]: "x": not an IP address
        apply-config:7:3: v1alpha1: machine.kubelett: unknown field
        """);
    assertThat(received).isEmpty();
  }

  @Test
  void anInvalidFileIsReportedWholeAndNeverSent() throws IOException {
    Path bad = file("version: v1alpha1\nmachine:\n  typo: 1\n  network:\n    nameservers: [8.8.8]\n");
    Result result = Cli.run("--spindleconfig", adminConfig, "apply-config", "-f", bad.toString());
    assertThat(result.status()).isEqualTo(1);
    assertThat(result.err()).isEqualTo(bad + ":3:3: v1alpha1: machine.typo: unknown field\n"
        + bad + ":5:19: v1alpha1: machine.network.nameservers[0]: \"8.8.8\": must be an IP address\n"
        + "error: " + bad + " is not valid (2 problems); nothing was sent\n");
    assertThat(received).isEmpty();
  }

  @Test
  void aServerFailureIsTheNodesAnswerNotAnUnreachableNode() throws IOException {
    Result result = Cli.run("--spindleconfig", adminConfig, "apply-config", "-f",
        file("version: v1alpha1\nmachine:\n  type: worker # explode\n").toString());
    assertThat(result.status()).isEqualTo(ExitStatus.ERROR.code());
    assertThat(result.err()).isEqualTo("error: INTERNAL: apply-config failed: disk full\n");
  }

  @Test
  void aReaderIsRefused() throws IOException {
    Path reader = dir.resolve("reader.config");
    assertThat(Cli.run("gen", "client-cert", "--role", "os:reader", "--name", "bob", "--state-dir",
        node.stateDir.toString(), "-e", node.endpoint(), "-o", reader.toString()).status()).isZero();
    Result result = Cli.run("--spindleconfig", reader.toString(), "apply-config", "-f", file("version: v1alpha1\nmachine:\n  type: worker\n").toString());
    assertThat(result.status()).isEqualTo(ExitStatus.PERMISSION_DENIED.code());
    assertThat(result.err()).isEqualTo("error: permission denied: apply-config needs role os:admin; client 'bob' has "
        + "os:reader\n");
    assertThat(received).isEmpty();
  }

  @Test
  void aMissingFileOrABadModeFailsBeforeConnecting() throws IOException {
    Result missing = Cli.run("--spindleconfig", adminConfig, "apply-config", "-f", dir.resolve("nope").toString());
    assertThat(missing.status()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("error: reading " + dir.resolve("nope") + ": no such file\n");
    Result mode = Cli.run("--spindleconfig", adminConfig, "apply-config", "-f", file("x").toString(), "--mode",
        "sometimes");
    assertThat(mode.status()).isEqualTo(ExitStatus.USAGE.code());
    assertThat(mode.err()).isEqualTo("error: invalid --mode \"sometimes\": expected auto, no-reboot, reboot, staged "
        + "or try\nRun 'spindlectl apply-config --help' for usage.\n");
    assertThat(received).isEmpty();
  }

  @Test
  void aRebootModeIsRefusedByTheNode() throws IOException {
    Result result = Cli.run("--spindleconfig", adminConfig, "apply-config", "-f", file("version: v1alpha1\nmachine:\n  type: worker\n")
        .toString(), "-m", "reboot");
    assertThat(result.status()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("error: apply-config mode reboot is not supported: Spindle applies every "
        + "change live; use --mode auto or no-reboot\n");
    assertThat(received).isEmpty();
  }
}
