package dev.spindle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.api.auth.CertificateAuthority;
import dev.spindle.api.auth.ClientContext;
import dev.spindle.api.auth.Pki;
import dev.spindle.api.auth.Role;
import dev.spindle.api.auth.ServerNames;
import dev.spindle.cli.Cli.Result;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each failure is one line on stderr with its exit status; no stack trace. */
class ConnectionErrorsTest {
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

  /** A port nothing listens on: bound once, then released. */
  private static int closedPort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void unreachableEndpointIsExit4() throws IOException {
    int port = closedPort();
    String config = node.writeAdminConfig(dir.resolve("config")).toString();

    Result result = Cli.run("get", "--spindleconfig", config, "-e", "127.0.0.1:" + port, "links");

    assertThat(result.status()).isEqualTo(4);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("error: cannot reach 127.0.0.1:" + port + ": connection refused\n");
  }

  @Test
  void aClientCertificateFromAnotherCaFailsTheHandshake() throws IOException {
    var foreign = CertificateAuthority.generate("elsewhere").issueClient(Role.ADMIN, "mallory");
    Path config = TestNode.writeConfig(dir.resolve("foreign"),
        ClientContext.of(List.of(node.endpoint()), node.pki.ca().certificate(), foreign));

    Result result = Cli.run("get", "--spindleconfig", config.toString(), "links");

    assertThat(result.status()).isEqualTo(4);
    assertThat(result.err()).isEqualTo("error: TLS handshake with " + node.endpoint() + " failed: the node refused "
        + "the client certificate; it must be issued by the node's CA (TLSV1_ALERT_CERTIFICATE_REQUIRED)\n");
  }

  @Test
  void aServerFromAnotherCaIsNotTrusted() throws IOException {
    var other = Pki.generate(ServerNames.loopback());
    Path config = TestNode.writeConfig(dir.resolve("other"),
        ClientContext.of(List.of(node.endpoint()), other.ca().certificate(), other.admin()));

    Result result = Cli.run("get", "--spindleconfig", config.toString(), "links");

    assertThat(result.status()).isEqualTo(4);
    assertThat(result.err()).isEqualTo("error: TLS handshake with " + node.endpoint() + " failed: "
        + "Path does not chain with any of the trust anchors\n");
  }

  @Test
  void anUnreachableNodeIsReportedWhileTheOthersPrint() throws IOException {
    String config = node.writeAdminConfig(dir.resolve("config")).toString();

    // 127.0.0.2 is loopback too, but nothing listens there; listed first, the type resolves on the next node.
    Result result = Cli.run("get", "--spindleconfig", config, "-n", "127.0.0.2", "-n", "127.0.0.1", "resolvers");

    assertThat(result.status()).isEqualTo(4);
    assertThat(result.err()).isEqualTo("error: cannot reach 127.0.0.2:" + node.port() + ": connection refused\n");
    assertThat(result.out()).isEqualTo("""
        NODE        NAMESPACE   TYPE             ID          VERSION   RESOLVERS               SEARCH DOMAINS
        127.0.0.1   network     ResolverStatus   resolvers   1         ["1.1.1.1","8.8.8.8"]   []
        """);
  }

  @Test
  void missingConfigurationNamesThePathAndHowToSetIt() {
    Path missing = dir.resolve("nope/config");

    Result result = Cli.run("get", "--spindleconfig", missing.toString(), "links");

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo("error: no client configuration at " + missing + " (set --spindleconfig or SPINDLECONFIG)\n");
    assertThat(Targets.display(Path.of("/home/alice/.spindle/config"), Path.of("/home/alice")))
        .isEqualTo("~/.spindle/config");
  }

  @Test
  void unknownContextIsAnError() throws IOException {
    String config = node.writeAdminConfig(dir.resolve("config")).toString();

    Result result = Cli.run("get", "--spindleconfig", config, "--context", "prod", "links");

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("error: " + config + ": context 'prod' is not defined; defined contexts: test\n");
  }

  @Test
  void debugAddsTheStackTrace() throws IOException {
    String config = node.writeAdminConfig(dir.resolve("config")).toString();

    Result result = Cli.run("get", "--debug", "--spindleconfig", config, "-e", "127.0.0.1:" + closedPort(), "ls");

    assertThat(result.status()).isEqualTo(4);
    assertThat(result.err()).startsWith("error: cannot reach").contains("\tat ");
  }
}
