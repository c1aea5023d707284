package dev.spindle.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A {@code spindled} child process on loopback with its own state directory, client config and free ports. */
final class SpindledProcess implements AutoCloseable {
  static final Path ROOT = Path.of(System.getProperty("spindle.root", "..")).toAbsolutePath().normalize();
  static final Path JAVA_HOME = Path.of(System.getProperty("java.home.for.children", System.getProperty("java.home")));
  static final Path JAVA = JAVA_HOME.resolve("bin/java");
  static final Path LAUNCHER = ROOT.resolve("daemon/bin/spindled");

  final Path dir;
  final Path clientConfig;
  final int grpcPort;
  final int httpPort;
  final Path log;
  private final Process process;

  private final List<String> prefix;
  private final java.util.Map<String, String> cliEnvironment = new java.util.concurrent.ConcurrentHashMap<>();

  SpindledProcess(Path dir) throws IOException {
    this(dir, List.of(), List.of());
  }

  /**
   * @param prefix a command prefix for both the daemon and spindlectl, e.g. {@code ip netns exec <ns>}
   * @param flags extra daemon flags, e.g. {@code --platform linux}
   */
  SpindledProcess(Path dir, List<String> prefix, List<String> flags) throws IOException {
    this(LAUNCHER, dir, prefix, flags, Map.of());
  }

  /**
   * @param launcher the {@code spindled} launcher script, normally {@link #LAUNCHER}
   * @param environment extra environment of the launcher, e.g. {@code SPINDLED_AOT=off} or {@code SPINDLED_JAVA_OPTS}
   */
  SpindledProcess(Path launcher, Path dir, List<String> prefix, List<String> flags, Map<String, String> environment)
      throws IOException {
    this.dir = dir;
    this.prefix = List.copyOf(prefix);
    this.clientConfig = dir.resolve("config");
    this.grpcPort = freePort();
    this.httpPort = freePort();
    this.log = dir.resolve("spindled.log");
    var command = new ArrayList<>(prefix);
    // through the launcher, as a user starts it: its JVM flags and the AOT cache the build trained
    // (integration-tests/pom.xml); the launcher execs the JVM, so this process is the daemon and SIGTERM reaches it
    command.addAll(List.of(launcher.toString(),
        "--state-dir", dir.resolve("state").toString(), "--listen", "127.0.0.1:" + grpcPort,
        "--client-config", clientConfig.toString()));
    command.addAll(flags);
    var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SPINDLE_HTTP_PORT", Integer.toString(httpPort));
    builder.environment().put("JAVA_HOME", JAVA_HOME.toString());
    builder.environment().putAll(environment);
    process = builder.start();
  }

  /** Waits for the daemon's own readiness line (for daemons whose HTTP port is inside a network namespace). */
  void awaitReadyLine() {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
      if (!process.isAlive()) {
        throw new AssertionError("spindled exited: " + Files.readString(log));
      }
      return Files.readString(log).contains("spindled ready in");
    });
  }

  void awaitReady() {
    var http = HttpClient.newHttpClient();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(() -> {
      if (!process.isAlive()) {
        throw new AssertionError("spindled exited: " + Files.readString(log));
      }
      var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/readyz")).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200;
    });
  }

  /** Sets an environment variable for every later {@code spindlectl} run (e.g. {@code SPINDLECTL_AOT=off}). */
  SpindledProcess cliEnvironment(String name, String value) {
    cliEnvironment.put(name, value);
    return this;
  }

  /** Runs {@code spindlectl} with this node's client config and returns its exit code and output. */
  Result spindlectl(String... args) throws IOException, InterruptedException {
    return spindlectlWith(clientConfig, args);
  }

  /** Runs {@code spindlectl} with another client config (e.g. one {@code gen client-cert} wrote for a reader). */
  Result spindlectlWith(Path config, String... args) throws IOException, InterruptedException {
    Process p = spindlectlProcess(config, args);
    String out = new String(p.getInputStream().readAllBytes());
    String err = new String(p.getErrorStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("spindlectl " + String.join(" ", args) + " did not finish");
    }
    return new Result(p.exitValue(), out, err);
  }

  Process spindlectlProcess(String... args) throws IOException {
    return spindlectlProcess(clientConfig, args);
  }

  private Process spindlectlProcess(Path config, String... args) throws IOException {
    var command = new ArrayList<>(prefix);
    command.addAll(List.of(ROOT.resolve("cli/bin/spindlectl").toString(), "--spindleconfig", config.toString()));
    command.addAll(List.of(args));
    var builder = new ProcessBuilder(command);
    builder.environment().put("JAVA_HOME", JAVA_HOME.toString());
    // outside the test's temporary directory: spindlectl records its AOT cache in the background after a command, and
    // a recording still writing there when JUnit deletes the directory fails the test's cleanup
    builder.environment().put("XDG_CACHE_HOME", ROOT.resolve("integration-tests/target/spindlectl-cache").toString());
    builder.environment().putAll(cliEnvironment);
    return builder.start();
  }

  int stop() throws InterruptedException {
    process.destroy(); // SIGTERM: the daemon shuts down cleanly
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("spindled did not stop within 30 s of SIGTERM");
    }
    return process.exitValue();
  }

  /** Waits for a daemon that is expected to stop by itself (e.g. a refused start) and returns its exit status. */
  int awaitExit() throws InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("spindled did not exit within 60 s");
    }
    return process.exitValue();
  }

  /** The daemon's JVM: the launcher and a prefix like {@code ip netns exec} exec it, so it is the started process. */
  long pid() {
    return process.pid();
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  record Result(int exit, String out, String err) {}
}
