package dev.spindle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A network namespace made for one test ({@code ip netns add}) and deleted after it. Without root or iproute2 the
 * test is skipped with the reason, unless {@code SPINDLE_REQUIRE_PRIVILEGED=1} (as in CI), where that is a failure.
 */
final class NetworkNamespace implements AutoCloseable {
  final String name = "spindle-it-" + UUID.randomUUID().toString().substring(0, 8);

  static void assumePrivileged() {
    String why = null;
    if (!"root".equals(System.getProperty("user.name"))) {
      why = "needs root to create network namespaces";
    } else if (!Files.isExecutable(Path.of("/usr/sbin/ip")) && !Files.isExecutable(Path.of("/sbin/ip"))) {
      why = "needs iproute2 (ip)";
    }
    if (why != null) {
      if ("1".equals(System.getenv("SPINDLE_REQUIRE_PRIVILEGED"))) {
        throw new AssertionError("SPINDLE_REQUIRE_PRIVILEGED=1 but this test " + why);
      }
      Assumptions.abort(why);
    }
  }

  NetworkNamespace() throws IOException, InterruptedException {
    ip("netns", "add", name);
    ip("-n", name, "link", "set", "lo", "up");
  }

  List<String> exec() {
    return List.of("ip", "netns", "exec", name);
  }

  static void ip(String... args) throws IOException, InterruptedException {
    var command = new ArrayList<>(List.of("ip"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("ip %s: %s", String.join(" ", args), out).isZero();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    ip("netns", "delete", name);
  }
}
