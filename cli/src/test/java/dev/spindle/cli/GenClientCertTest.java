package dev.spindle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.api.auth.ClientConfig;
import dev.spindle.api.auth.ClientIdentity;
import dev.spindle.api.auth.Role;
import dev.spindle.cli.Cli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gen client-cert} issues from the daemon's CA; the config it writes works, with the role it names. */
class GenClientCertTest {
  @TempDir
  Path dir;

  private TestNode node;

  @BeforeEach
  void start() throws IOException {
    node = TestNode.start(dir.resolve("state"));
    Fixtures.populate(node.state);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private Result gen(String role, Path output, String... more) {
    var args = new java.util.ArrayList<>(List.of("gen", "client-cert", "--role", role, "--name", "alice",
        "--state-dir", node.stateDir.toString(), "-o", output.toString(), "--endpoints", node.endpoint()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void readerConfigReadsButIsRefusedSensitiveTypes() throws IOException {
    Path config = dir.resolve("alice.config");

    Result generated = gen("os:reader", config);

    assertThat(generated.status()).isZero();
    assertThat(generated.out()).isEqualTo("wrote a client config for \"alice\" (os:reader) to " + config + "\n");
    assertThat(Files.getPosixFilePermissions(config)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    var context = ClientConfig.read(config).currentContext();
    assertThat(context.endpoints()).containsExactly(node.endpoint());
    assertThat(ClientIdentity.fromCertificate(context.clientCertificate().certificate()))
        .isEqualTo(new ClientIdentity(Role.READER, "alice"));

    Result links = Cli.run("get", "--spindleconfig", config.toString(), "ls", "-o", "jsonpath={.metadata.id}");
    assertThat(links.status()).isZero();
    assertThat(links.out()).isEqualTo("eth0\neth1\nlo\n");

    Result secrets = Cli.run("get", "--spindleconfig", config.toString(), "secrets");
    assertThat(secrets.status()).isEqualTo(5);
    // talosctl writes the header before listing and flushes it on the way out, failure or not.
    assertThat(secrets.out()).isEqualTo("NODE   NAMESPACE   TYPE   ID   VERSION\n");
    assertThat(secrets.err()).isEqualTo("error: permission denied: reading Secrets.test.spindle.dev requires the "
        + "os:admin role: the resource type is sensitive\n");
    assertThat(Cli.run("get", "--spindleconfig", config.toString(), "secrets", "-w").status()).isEqualTo(5);
  }

  @Test
  void refusesToOverwriteUnlessForced() throws IOException {
    Path config = dir.resolve("alice.config");
    Files.writeString(config, "keep me\n");

    Result refused = gen("reader", config);
    assertThat(refused.status()).isEqualTo(1);
    assertThat(refused.err()).isEqualTo("error: " + config + " already exists; use --force to overwrite it\n");
    assertThat(Files.readString(config)).isEqualTo("keep me\n");

    assertThat(gen("admin", config, "--force").status()).isZero();
    assertThat(Cli.run("get", "--spindleconfig", config.toString(), "secrets").status()).isZero();
  }

  @Test
  void badRoleIsAUsageErrorAndAMissingCaIsExplained() {
    Result badRole = gen("os:root", dir.resolve("x"));
    assertThat(badRole.status()).isEqualTo(2);
    assertThat(badRole.err()).startsWith("error: unknown role 'os:root'; valid roles are os:admin, os:operator, "
        + "os:reader\n");

    Result noCa = Cli.run("gen", "client-cert", "--role", "os:reader", "--name", "bob", "--state-dir",
        dir.resolve("empty").toString(), "-o", dir.resolve("y").toString());
    assertThat(noCa.status()).isEqualTo(1);
    assertThat(noCa.err()).isEqualTo("error: no CA at " + dir.resolve("empty/pki/ca.crt") + " (is "
        + dir.resolve("empty") + " the daemon's state directory?)\n");
    assertThat(Files.exists(dir.resolve("y"))).isFalse();
  }
}
