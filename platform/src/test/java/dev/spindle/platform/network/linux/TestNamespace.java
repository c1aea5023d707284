package dev.spindle.platform.network.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh network namespace ({@code ip netns add spindle-test-<random>}) for tests against the real kernel, deleted on
 * {@link #close()}. Needs root and {@code ip}: without them {@link #create()} skips the test, unless
 * {@code SPINDLE_REQUIRE_PRIVILEGED=1} is set, when it fails it.
 */
public final class TestNamespace implements AutoCloseable {
  private final String name;

  private TestNamespace(String name) {
    this.name = name;
  }

  public static TestNamespace create() throws Exception {
    String reason = unavailable();
    if (reason != null) {
      if ("1".equals(System.getenv("SPINDLE_REQUIRE_PRIVILEGED"))) {
        throw new AssertionError("SPINDLE_REQUIRE_PRIVILEGED=1 but " + reason);
      }
      Assumptions.abort(reason);
    }
    var ns = new TestNamespace("spindle-test-" + UUID.randomUUID().toString().substring(0, 8));
    run("ip", "netns", "add", ns.name);
    return ns;
  }

  private static String unavailable() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return "network namespace tests need root (running as " + System.getProperty("user.name") + ")";
    }
    if (!System.getProperty("os.name", "").equals("Linux")) {
      return "network namespace tests need Linux";
    }
    for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
      if (Files.isExecutable(Path.of(dir, "ip"))) {
        return null;
      }
    }
    return "network namespace tests need iproute2's ip";
  }

  public String name() {
    return name;
  }

  public Path path() {
    return Path.of("/var/run/netns", name);
  }

  /** Runs {@code ip -n <ns> <args>}, failing with its output if it fails. */
  public void ip(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("ip", "-n", name));
    command.addAll(List.of(args));
    run(command.toArray(String[]::new));
  }

  /** Like {@link #ip} but reports failure instead of throwing. */
  public boolean tryIp(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("ip", "-n", name));
    command.addAll(List.of(args));
    return exec(command.toArray(String[]::new)).exitCode == 0;
  }

  /** Like {@link #ip}, returning what it printed if it failed, {@code ""} if it succeeded. */
  public String ipError(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("ip", "-n", name));
    command.addAll(List.of(args));
    Result r = exec(command.toArray(String[]::new));
    return r.exitCode == 0 ? "" : r.output.strip();
  }

  private record Result(int exitCode, String output) {}

  private static Result exec(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", command) + ": timed out");
    }
    return new Result(p.exitValue(), output);
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Result r = exec(command);
    if (r.exitCode != 0) {
      throw new IOException(String.join(" ", command) + " exited " + r.exitCode + ": " + r.output.strip());
    }
  }

  @Override
  public void close() throws IOException {
    try {
      run("ip", "netns", "del", name);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("deleting namespace " + name + ": interrupted", e);
    }
  }
}
