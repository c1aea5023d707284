package dev.spindle.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Start-to-ready time and idle RSS of the packaged daemon ({@code daemon/target/quarkus-app/quarkus-run.jar}), as a
 * child process:
 * {@code java --enable-native-access=ALL-UNNAMED [variant flags] -jar quarkus-run.jar --state-dir <tmp>/state
 * --listen 127.0.0.1:<free port> --client-config <tmp>/config}, with {@code SPINDLE_HTTP_PORT=<free port>}.
 *
 * <p>Start-to-ready: wall time from just before {@link ProcessBuilder#start()} to the first {@code 200} of
 * {@code GET /readyz}, polled every 10 ms. Each variant runs {@code --runs} times (default 5) on one state directory:
 * the first run creates the PKI (key generation, certificate issuance, files written) and is reported apart from the
 * warm runs, which load it. The daemon's own figures are read from its log: Quarkus' {@code started in} and
 * {@code spindled ready in N ms} (the node's start: state, runtime, PKI, gRPC server). After the last run has been
 * ready for {@code --idle-seconds} (default 10), its {@code VmRSS} (and {@code VmHWM}) is read from
 * {@code /proc/<pid>/status}. Each run is stopped cleanly: {@link Process#destroy()} (SIGTERM), then
 * {@link Process#waitFor()}.
 *
 * <p>Variants ({@code --variants}, default all four):
 * <ul>
 *   <li>{@code default}: no extra flags;</li>
 *   <li>{@code c1}: {@code -XX:TieredStopAtLevel=1} (C1 only: less JIT work at start, slower peak);</li>
 *   <li>{@code aot}: a JDK 25 AOT cache (JEP 483/514/515). A training run first, on a state directory of its own:
 *       {@code -XX:AOTCacheOutput=<tmp>/spindled.aot}, started, ready, {@code --training-seconds} (default 5) of
 *       idle plus a few {@code /readyz} and {@code /metrics} requests, stopped with SIGTERM; at exit the JVM records
 *       the configuration and forks a JVM that assembles the cache. The measured runs then add
 *       {@code -XX:AOTMode=on -XX:AOTCache=<tmp>/spindled.aot} ({@code on}: a cache the JVM cannot use fails the
 *       start instead of being ignored). The cache is only valid for the same JDK build and the same jar files;</li>
 *   <li>{@code aot-c1}: both, the same cache with {@code -XX:TieredStopAtLevel=1}.</li>
 * </ul>
 * Options: {@code --jar PATH --runs N --idle-seconds N --training-seconds N --variants default,c1,aot,aot-c1
 * --jvm-opt OPT (repeatable, added to every variant) --java PATH --keep} (keep the temporary directories).
 * Targets: start to ready at most 1.5 s; idle RSS at most 200 MB.
 */
public final class DaemonStartup {
  private static final Pattern READY = Pattern.compile("spindled ready in (\\d+) ms");
  private static final Pattern QUARKUS_STARTED = Pattern.compile("started in ([0-9.]+)s");
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final List<String> ALL_VARIANTS = List.of("default", "c1", "aot", "aot-c1");

  private final Path jar;
  private final String javaCommand;
  private final int runs;
  private final int idleSeconds;
  private final int trainingSeconds;
  private final List<String> extraJvm;
  private final boolean keep;
  private final PrintStream out;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))
      .version(HttpClient.Version.HTTP_1_1).build();
  private Path workDir;
  private Path aotCache;
  private String aotNote;

  DaemonStartup(Path jar, String java, int runs, int idleSeconds, int trainingSeconds, List<String> extraJvm,
      boolean keep, PrintStream out) {
    this.jar = jar;
    this.javaCommand = java;
    this.runs = runs;
    this.idleSeconds = idleSeconds;
    this.trainingSeconds = trainingSeconds;
    this.extraJvm = extraJvm;
    this.keep = keep;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    Path jar = Path.of("daemon/target/quarkus-app/quarkus-run.jar");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    int runs = 5;
    int idle = 10;
    int training = 5;
    boolean keep = false;
    Set<String> variants = new LinkedHashSet<>(ALL_VARIANTS);
    List<String> jvm = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--keep")) {
        keep = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
      String value = args[++i];
      switch (args[i - 1]) {
        case "--jar" -> jar = Path.of(value);
        case "--java" -> java = value;
        case "--runs" -> runs = Integer.parseInt(value);
        case "--idle-seconds" -> idle = Integer.parseInt(value);
        case "--training-seconds" -> training = Integer.parseInt(value);
        case "--jvm-opt" -> jvm.add(value);
        case "--variants" -> {
          variants = new LinkedHashSet<>(Arrays.asList(value.split(",")));
          if (!ALL_VARIANTS.containsAll(variants)) {
            throw new IllegalArgumentException("variants are " + String.join(",", ALL_VARIANTS));
          }
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i - 1] + " (use --jar PATH --runs N "
            + "--idle-seconds N --training-seconds N --variants " + String.join(",", ALL_VARIANTS)
            + " --jvm-opt OPT --java PATH --keep)");
      }
    }
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(jar + " not found: build it with mvn -q -pl daemon -am package -DskipTests, "
          + "and run from the repository root (or pass --jar)");
    }
    if (runs < 1 || idle < 0 || training < 0) {
      throw new IllegalArgumentException("--runs must be positive, the seconds not negative");
    }
    Machine.print(System.out);
    System.out.printf(Locale.ROOT, "daemon: %s (%s); java %s; %d runs per variant; idle RSS after %d s; extra JVM "
        + "options %s%n", jar, Files.getLastModifiedTime(jar), java, runs, idle, extraJvm(jvm));
    var probe = new DaemonStartup(jar, java, runs, idle, training, List.copyOf(jvm), keep, System.out);
    probe.workDir = Files.createTempDirectory("spindle-startup-");
    try {
      List<Summary> summaries = new ArrayList<>();
      for (String variant : variants) {
        summaries.add(probe.variant(variant));
      }
      probe.printSummary(summaries);
    } finally {
      if (keep) {
        System.out.println("kept " + probe.workDir);
      } else {
        delete(probe.workDir);
      }
    }
  }

  private static String extraJvm(List<String> jvm) {
    return jvm.isEmpty() ? "(none)" : String.join(" ", jvm);
  }

  // ---- one variant ------------------------------------------------------------------------------------------------

  record Run(int number, long readyNanos, long loggedReadyMs, double quarkusStartedSeconds, long stopNanos,
      int exitCode, long idleRssKb, long peakRssKb, long anonKb, long fileKb) {}

  record Summary(String variant, List<String> flags, Run cold, List<Run> warm) {}

  Summary variant(String variant) throws Exception {
    Path dir = Files.createTempDirectory(workDir, variant + "-");
    List<String> flags = new ArrayList<>();
    if (variant.startsWith("aot")) {
      trainOnce();
      // AOTMode=on: a cache the JVM cannot use is an error, not a silent fall-back to no cache
      flags.addAll(List.of("-XX:AOTMode=on", "-XX:AOTCache=" + aotCache));
    }
    if (variant.endsWith("c1")) {
      flags.add("-XX:TieredStopAtLevel=1");
    }
    out.printf(Locale.ROOT, "%nVARIANT %s: flags %s%n", variant, flags.isEmpty() ? "(none)" : String.join(" ", flags));
    Path state = dir.resolve("state");
    List<Run> all = new ArrayList<>();
    for (int i = 1; i <= runs; i++) {
      Run run = once(i, flags, state, dir.resolve("config"), dir.resolve("run-" + i + ".log"), i == runs);
      all.add(run);
      out.printf(Locale.ROOT, "  run %d (%s): ready after %.0f ms (log: Quarkus started in %.3f s, spindled ready "
          + "in %d ms); stopped in %.0f ms, exit %d%s%n", i, i == 1 ? "creates the PKI" : "PKI exists",
          Latencies.ms(run.readyNanos()), run.quarkusStartedSeconds(), run.loggedReadyMs(),
          Latencies.ms(run.stopNanos()), run.exitCode(), run.idleRssKb() < 0 ? ""
              : String.format(Locale.ROOT, "; idle RSS after %d s: %.1f MB (anon %.1f + file %.1f; peak %.1f MB)",
                  idleSeconds, run.idleRssKb() / 1024.0, run.anonKb() / 1024.0, run.fileKb() / 1024.0,
                  run.peakRssKb() / 1024.0));
    }
    return new Summary(variant, flags, all.getFirst(), all.subList(1, all.size()));
  }

  /** The AOT cache of this probe run, trained on first use and shared by the aot variants. */
  private void trainOnce() throws Exception {
    if (aotCache == null) {
      Path dir = Files.createTempDirectory(workDir, "aot-training-");
      Path cache = dir.resolve("spindled.aot");
      aotNote = train(dir, cache);
      aotCache = cache;
    }
  }

  /** The AOT training run; returns a note with its duration and the cache size. */
  private String train(Path dir, Path cache) throws Exception {
    List<String> flags = List.of("-XX:AOTCacheOutput=" + cache);
    out.printf(Locale.ROOT, "%nAOT training run: %s; ready, %d s idle with a few /readyz and /metrics requests, "
        + "SIGTERM; the JVM writes the cache at exit%n", String.join(" ", flags), trainingSeconds);
    int http = freePort();
    Path log = dir.resolve("training.log");
    long start = System.nanoTime();
    Process p = launch(flags, dir.resolve("training-state"), dir.resolve("training-config"), http, log);
    try {
      awaitReady(p, http, log);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(trainingSeconds);
      while (System.nanoTime() < end) {
        get(http, "/readyz");
        get(http, "/metrics");
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
      }
    } finally {
      p.destroy();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly().waitFor();
      }
    }
    long took = System.nanoTime() - start;
    if (!Files.isRegularFile(cache)) {
      throw new IllegalStateException("the training run wrote no AOT cache " + cache + "; its log:\n"
          + Files.readString(log));
    }
    long warnings;
    try (Stream<String> lines = Files.lines(log)) {
      warnings = lines.filter(l -> l.contains("[warning][aot]")).count();
    }
    String note = String.format(Locale.ROOT, "training + assembly %.1f s, cache %.1f MB, %d [warning][aot] lines "
        + "(classes skipped)", took / 1e9, Files.size(cache) / 1048576.0, warnings);
    out.println("  " + note);
    return note;
  }

  /** One start: launch, poll /readyz, optionally idle and read RSS, stop cleanly. */
  private Run once(int number, List<String> flags, Path state, Path config, Path log, boolean measureIdle)
      throws Exception {
    int httpPort = freePort();
    long start = System.nanoTime();
    Process p = launch(flags, state, config, httpPort, log);
    long ready;
    long rss = -1;
    long peak = -1;
    long anon = -1;
    long file = -1;
    long stopped;
    int exit;
    try {
      awaitReady(p, httpPort, log);
      ready = System.nanoTime() - start;
      if (measureIdle) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(idleSeconds);
        long left;
        while ((left = end - System.nanoTime()) > 0) {
          LockSupport.parkNanos(left);
        }
        rss = ProcStatus.rssKb(p.pid());
        peak = ProcStatus.peakRssKb(p.pid());
        anon = ProcStatus.rssAnonKb(p.pid());
        file = ProcStatus.rssFileKb(p.pid());
      }
    } finally {
      long stopStart = System.nanoTime();
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      exit = p.waitFor();
      stopped = System.nanoTime() - stopStart;
    }
    String text = Files.readString(log);
    return new Run(number, ready, logged(READY, text, -1L), quarkusStarted(text), stopped, exit, rss, peak, anon,
        file);
  }

  private Process launch(List<String> flags, Path state, Path config, int httpPort, Path log) throws IOException {
    int grpcPort = freePort();
    List<String> command = new ArrayList<>();
    command.add(javaCommand);
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(extraJvm);
    command.addAll(flags);
    command.addAll(List.of("-jar", jar.toString(), "--state-dir", state.toString(), "--listen",
        "127.0.0.1:" + grpcPort, "--client-config", config.toString()));
    var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SPINDLE_HTTP_PORT", Integer.toString(httpPort));
    return builder.start();
  }

  private void awaitReady(Process p, int httpPort, Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/readyz"))
        .timeout(Duration.ofSeconds(1)).GET().build();
    while (true) {
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (ConnectException | HttpTimeoutException notYet) {
        // not listening yet
      } catch (IOException e) {
        // a connection reset while the HTTP server starts
      }
      if (!p.isAlive()) {
        throw new IllegalStateException("the daemon exited with " + p.exitValue() + " before it was ready; its log:\n"
            + Files.readString(log));
      }
      if (System.nanoTime() - deadline > 0) {
        p.destroyForcibly();
        throw new IllegalStateException("the daemon was not ready within " + READY_TIMEOUT + "; its log:\n"
            + Files.readString(log));
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }

  private void get(int httpPort, String path) {
    try {
      http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
          .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- reporting --------------------------------------------------------------------------------------------------

  private void printSummary(List<Summary> summaries) {
    out.printf(Locale.ROOT, "%nSUMMARY (ms from process start to /readyz 200; targets: ready <= 1500 ms, idle RSS "
        + "<= 200 MB)%n");
    out.printf(Locale.ROOT, "  %-8s %10s %12s %12s %12s %18s %12s %20s%n", "variant", "cold run", "warm min",
        "warm median", "warm max", "spindled ready in", "idle RSS MB", "(anon + file) MB");
    for (Summary s : summaries) {
      List<Run> warm = s.warm().isEmpty() ? List.of(s.cold()) : s.warm();
      long[] w = warm.stream().mapToLong(Run::readyNanos).sorted().toArray();
      long[] logged = warm.stream().mapToLong(Run::loggedReadyMs).sorted().toArray();
      Run last = s.warm().isEmpty() ? s.cold() : s.warm().getLast();
      out.printf(Locale.ROOT, "  %-8s %10.0f %12.0f %12.0f %12.0f %18s %12.1f %20s%n", s.variant(),
          Latencies.ms(s.cold().readyNanos()), Latencies.ms(w[0]), Latencies.ms(w[(w.length - 1) / 2]),
          Latencies.ms(w[w.length - 1]), s.cold().loggedReadyMs() + " / " + logged[(logged.length - 1) / 2],
          last.idleRssKb() / 1024.0, String.format(Locale.ROOT, "%.1f + %.1f", last.anonKb() / 1024.0,
              last.fileKb() / 1024.0));
    }
    out.println("  (spindled ready in: the daemon's own log figure, cold run / median of warm runs; RSS of the last "
        + "run: anon = heap, stacks, JIT code, malloc; file = mapped jars, CDS archive or AOT cache, shared)");
    if (aotNote != null) {
      out.printf(Locale.ROOT, "  AOT cache: %s%n", aotNote);
    }
    out.printf(Locale.ROOT, "  target start to ready <= 1.5 s (warm median): %s%n", summaries.stream()
        .map(s -> s.variant() + " " + Latencies.verdict(Latencies.ms(median(s)) <= 1500))
        .reduce((a, b) -> a + ", " + b).orElse("-"));
    out.printf(Locale.ROOT, "  target idle RSS <= 200 MB: %s%n", summaries.stream()
        .map(s -> s.variant() + " " + Latencies.verdict(lastRun(s).idleRssKb() >= 0
            && lastRun(s).idleRssKb() <= 200 * 1024))
        .reduce((a, b) -> a + ", " + b).orElse("-"));
  }

  private static long median(Summary s) {
    List<Run> warm = s.warm().isEmpty() ? List.of(s.cold()) : s.warm();
    long[] w = warm.stream().mapToLong(Run::readyNanos).sorted().toArray();
    return w[(w.length - 1) / 2];
  }

  private static Run lastRun(Summary s) {
    return s.warm().isEmpty() ? s.cold() : s.warm().getLast();
  }

  private static long logged(Pattern pattern, String text, long missing) {
    Matcher m = pattern.matcher(text);
    return m.find() ? Long.parseLong(m.group(1)) : missing;
  }

  private static double quarkusStarted(String text) {
    Matcher m = QUARKUS_STARTED.matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
