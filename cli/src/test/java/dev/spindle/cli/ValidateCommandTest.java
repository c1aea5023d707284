package dev.spindle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.cli.Cli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} runs offline: the verdict, the warnings and every located problem, with the exit statuses. */
class ValidateCommandTest {
  private static final String PROXY_CONFIG = """
      version: v1alpha1
      machine:
        type: worker
        env:
          https_proxy: http://proxy.corp.example:3128
          no_proxy: .corp.example
        network:
          nameservers: [10.0.0.53]
        time:
          servers: [ntp.corp.example]
      """;

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void aValidConfigurationIsReportedValidForItsMode() throws IOException {
    Path file = write("proxy.yaml", PROXY_CONFIG);

    Result result = Cli.run("validate", "--config", file.toString(), "--mode", "metal");

    assertThat(result.status()).isZero();
    assertThat(result.out()).isEqualTo(file + " is valid for metal mode\n");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void theModeDefaultsToContainerAndHasShortFlags() throws IOException {
    Path file = write("proxy.yaml", PROXY_CONFIG);

    assertThat(Cli.run("validate", "-c", file.toString()).out()).isEqualTo(file + " is valid for container mode\n");
    assertThat(Cli.run("validate", "-c", file.toString(), "-m", "cloud").out())
        .isEqualTo(file + " is valid for cloud mode\n");
  }

  @Test
  void everyProblemIsPrintedOnItsOwnLineAndTheStatusIsError() throws IOException {
    Path file = write("bad.yaml", """
        machine:
          kubelet:
            extraArgz: {}
          network:
            nameservers: [8.8.8]
        cluster:
          secret: [hunter2]
        ---
        apiVersion: v1alpha1
        kind: Bogus
        """);

    Result result = Cli.run("validate", "--config", file.toString());

    assertThat(result.status()).isEqualTo(ExitStatus.ERROR.code());
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo(file + ":3:5: v1alpha1: machine.kubelet.extraArgz: unknown field\n"
        + file + ":5:19: v1alpha1: machine.network.nameservers[0]: \"8.8.8\": must be an IP address\n"
        + file + ":7:11: v1alpha1: cluster.secret: expected a string, got a list\n"
        + file + ":10:7: document 2 (Bogus): kind: \"Bogus\": unknown kind (EnvironmentConfig, TrustedRootsConfig, "
        + "ResolverConfig, TimeSyncConfig, HostnameConfig, LinkConfig, BondConfig, BridgeConfig, VLANConfig, "
        + "DummyLinkConfig, WireguardConfig, LinkAliasConfig)\n"
        + "error: " + file + " is not valid for container mode (4 problems)\n");
    assertThat(result.err()).doesNotContain("hunter2");
  }

  @Test
  void warningsGoToStderrAndFailOnlyWithStrict() throws IOException {
    Path file = write("join.yaml", "machine:\n  type: join\n");

    Result lenient = Cli.run("validate", "-c", file.toString());
    Result strict = Cli.run("validate", "-c", file.toString(), "--strict");

    assertThat(lenient.status()).isZero();
    assertThat(lenient.out()).isEqualTo(file + " is valid for container mode\n");
    assertThat(lenient.err()).isEqualTo(
        "warning: " + file + ":2:9: v1alpha1: machine.type: use \"worker\" instead of \"join\" for machine type\n");
    assertThat(strict.status()).isEqualTo(ExitStatus.ERROR.code());
    assertThat(strict.out()).isEmpty();
    assertThat(strict.err()).endsWith("error: " + file
        + " is not valid for container mode (1 problem, warnings counted as errors with --strict)\n");
  }

  @Test
  void theModeMattersForInstall() throws IOException {
    Path file = write("install.yaml", "machine:\n  install:\n    wipe: true\n");

    assertThat(Cli.run("validate", "-c", file.toString(), "-m", "container").status()).isZero();
    Result metal = Cli.run("validate", "-c", file.toString(), "-m", "metal");
    assertThat(metal.status()).isEqualTo(ExitStatus.ERROR.code());
    assertThat(metal.err()).startsWith(file + ":3:5: v1alpha1: machine.install: either install disk or diskSelector "
        + "should be defined (metal mode)\n");
  }

  @Test
  void anUnknownModeIsAUsageError() throws IOException {
    Path file = write("proxy.yaml", PROXY_CONFIG);

    Result result = Cli.run("validate", "-c", file.toString(), "-m", "vm");

    assertThat(result.status()).isEqualTo(ExitStatus.USAGE.code());
    assertThat(result.err()).isEqualTo("error: unknown mode \"vm\" (metal, cloud or container)\n"
        + "Run 'spindlectl validate --help' for usage.\n");
  }

  @Test
  void aMissingFileIsAnError() {
    Path file = dir.resolve("nope.yaml");

    Result result = Cli.run("validate", "-c", file.toString());

    assertThat(result.status()).isEqualTo(ExitStatus.ERROR.code());
    assertThat(result.err()).isEqualTo("error: reading " + file + ": no such file\n");
  }

  @Test
  void aFileThatIsNotUtf8IsRejected() throws IOException {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});

    Result result = Cli.run("validate", "-c", file.toString());

    assertThat(result.status()).isEqualTo(ExitStatus.ERROR.code());
    assertThat(result.err()).isEqualTo("error: reading " + file + ": not UTF-8 text\n");
  }

  @Test
  void configIsRequired() {
    Result result = Cli.run("validate");

    assertThat(result.status()).isEqualTo(ExitStatus.USAGE.code());
    assertThat(result.err()).startsWith("error: Missing required option: '--config=<file>'\n");
  }
}
