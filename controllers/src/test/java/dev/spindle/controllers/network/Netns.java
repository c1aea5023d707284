package dev.spindle.controllers.network;

import dev.spindle.runtime.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A fresh network namespace ({@code ip netns add spindle-ctl-<random>}) for a controller test against the real
 * kernel, deleted on {@link #close()}. Needs root and iproute2 ({@link Prerequisites}: skipped without them outside
 * CI, failed under {@code SPINDLE_REQUIRE_PRIVILEGED=1}). The platform module's {@code TestNamespace} is not shipped
 * to other modules' tests, hence this small twin.
 */
final class Netns implements AutoCloseable {
  final String name = "spindle-ctl-" + UUID.randomUUID().toString().substring(0, 8);

  private Netns() {}

  static Netns create(String why) throws IOException, InterruptedException {
    Prerequisites.requireRoot(why);
    Prerequisites.requireBinary("ip", "iproute2");
    var ns = new Netns();
    run("ip", "netns", "add", ns.name);
    return ns;
  }

  Path path() {
    return Path.of("/var/run/netns", name);
  }

  /** {@code ip -n <ns> <args>}: what it printed, or an {@link IOException} with that if it failed. */
  String ip(String... args) throws IOException, InterruptedException {
    var command = new ArrayList<>(List.of("ip", "-n", name));
    command.addAll(List.of(args));
    return run(command.toArray(String[]::new));
  }

  /** Whether {@code ip -n <ns> <args>} succeeds. */
  boolean tryIp(String... args) throws InterruptedException {
    try {
      ip(args);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", command) + ": timed out");
    }
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": " + out.strip());
    }
    return out;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run("ip", "netns", "del", name);
  }
}
