package dev.spindle.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code daemon/bin/spindled}: {@code train-aot} records a JDK 25 AOT cache for the build, a second one keeps it, a
 * daemon started through the launcher maps it and becomes ready, and a cache that no longer fits the build is not
 * used (the daemon still starts). The launcher and the packaged daemon are copied into a tree of the test's own, so
 * that training and touching jars there leave the build's cache (the one the other ITs use) alone.
 *
 * <p>Whether the JVM uses the cache is read from {@code /proc/<pid>/maps}: the JVM maps an AOT cache it accepts into
 * its address space and unmaps one it rejects, and the launcher execs the JVM, so the launched process is the JVM.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpindledLauncherIT {
  @TempDir
  static Path tree;

  static Path launcher;
  static Path aotDir;
  static Result training;

  @TempDir
  Path dir;

  @BeforeAll
  static void copyTreeAndTrain() throws Exception {
    launcher = tree.resolve("daemon/bin/spindled");
    Files.createDirectories(launcher.getParent());
    Files.copy(SpindledProcess.LAUNCHER, launcher, StandardCopyOption.COPY_ATTRIBUTES);
    Files.createDirectories(tree.resolve("scripts"));
    Files.copy(SpindledProcess.ROOT.resolve("scripts/jdk25.sh"), tree.resolve("scripts/jdk25.sh"));
    Path app = SpindledProcess.ROOT.resolve("daemon/target/quarkus-app");
    Path copy = tree.resolve("daemon/target/quarkus-app");
    try (Stream<Path> files = Files.walk(app)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = copy.resolve(app.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES); // keeps the times the cache key reads
        }
      }
    }
    aotDir = tree.resolve("daemon/target/aot");
    training = run(Map.of(), "train-aot");
  }

  @Test
  @Order(1)
  void trainAotWritesOneCacheForTheBuild() throws IOException {
    assertThat(training.exit()).as(training.output()).isZero();
    assertThat(training.output()).matches(
        "spindled: AOT cache written to " + aotDir + "/spindled-[0-9a-f]{8}-[0-9a-f]{16}\\.aot \\(\\d+ MB\\) in "
            + "\\d+\\.\\d s\n");
    List<Path> caches = caches();
    assertThat(caches).hasSize(1);
    assertThat(Files.size(caches.getFirst())).isGreaterThan(10_000_000L);
    assertThat(training.output()).contains(caches.getFirst().toString());
    try (Stream<Path> left = Files.list(aotDir)) {
      assertThat(left).as("no lock or partial cache left").containsExactlyElementsOf(caches);
    }
  }

  @Test
  @Order(2)
  void aSecondTrainingKeepsTheCache() throws Exception {
    Path cache = caches().getFirst();
    FileTime written = Files.getLastModifiedTime(cache);
    Object inode = Files.getAttribute(cache, "unix:ino");

    var again = run(Map.of(), "train-aot");

    assertThat(again.exit()).as(again.output()).isZero();
    assertThat(again.output()).isEqualTo("spindled: AOT cache " + cache + " is up to date\n");
    assertThat(caches()).containsExactly(cache);
    assertThat(Files.getLastModifiedTime(cache)).isEqualTo(written);
    assertThat(Files.getAttribute(cache, "unix:ino")).isEqualTo(inode);
  }

  @Test
  @Order(3)
  void aDaemonStartedThroughTheLauncherUsesTheCacheAndRunsC1Only() throws Exception {
    Path cache = caches().getFirst();
    try (var node = new SpindledProcess(launcher, dir, List.of(), List.of(), Map.of())) {
      node.awaitReady();
      assertThat(node.log()).contains("spindled ready in").doesNotContain("[aot]", "[cds]");
      assertThat(mappings(node)).as("the JVM maps the cache it uses").contains(cache.toString());
      assertThat(compilerThreads(node)).as("-XX:TieredStopAtLevel=1").anyMatch(t -> t.startsWith("C1"))
          .noneMatch(t -> t.startsWith("C2"));
      assertThat(node.stop()).isEqualTo(143); // the JVM's status after a clean SIGTERM shutdown: SIGTERM reached it
    }
  }

  @Test
  @Order(4)
  void withAotOffTheDaemonRunsWithoutTheCache() throws Exception {
    try (var node = new SpindledProcess(launcher, dir, List.of(), List.of(), Map.of("SPINDLED_AOT", "off"))) {
      node.awaitReady();
      assertThat(mappings(node)).doesNotContain(".aot");
      node.stop();
    }
  }

  @Test
  @Order(5)
  void laterJvmFlagsWinSoC2CanBeTurnedBackOn() throws Exception {
    var opts = Map.of("SPINDLED_JAVA_OPTS", "-XX:TieredStopAtLevel=4");
    try (var node = new SpindledProcess(launcher, dir, List.of(), List.of(), opts)) {
      node.awaitReady();
      assertThat(compilerThreads(node)).anyMatch(t -> t.startsWith("C2"));
      // other flags, so another key: the cache trained without them is not used, and nothing fails
      assertThat(mappings(node)).doesNotContain(".aot");
      node.stop();
    }
  }

  @Test
  @Order(6)
  void aTrainingWhoseDaemonDoesNotStartFailsClearlyAndLeavesNothing() throws Exception {
    var failed = run(Map.of("SPINDLED_JAVA_OPTS", "-Xmx1m"), "train-aot");

    assertThat(failed.exit()).isNotZero();
    assertThat(failed.output()).contains("spindled: AOT training failed: the daemon exited before it was ready",
        "the last lines of its log", "heap");
    try (Stream<Path> left = Files.list(aotDir)) {
      assertThat(left).noneMatch(p -> p.toString().endsWith(".lock"));
    }
  }

  @Test
  @Order(7)
  void aTouchedJarMakesTheOldCacheUnusedAndTheNextTrainingReplacesIt() throws Exception {
    Path old = caches().getFirst();
    Path jar = tree.resolve("daemon/target/quarkus-app/lib/main/dev.spindle.spindle-runtime-0.1.0-SNAPSHOT.jar");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));

    try (var node = new SpindledProcess(launcher, dir, List.of(), List.of(), Map.of())) {
      node.awaitReady();
      assertThat(mappings(node)).doesNotContain(".aot");
      node.stop();
    }
    var retrained = run(Map.of(), "train-aot");
    assertThat(retrained.exit()).as(retrained.output()).isZero();
    assertThat(retrained.output()).startsWith("spindled: AOT cache written to ");
    assertThat(caches()).hasSize(1).doesNotContain(old);
  }

  private static List<Path> caches() throws IOException {
    try (Stream<Path> files = Files.list(aotDir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".aot")).toList();
    }
  }

  private static String mappings(SpindledProcess node) throws IOException {
    return Files.readString(Path.of("/proc", Long.toString(node.pid()), "maps"));
  }

  private static List<String> compilerThreads(SpindledProcess node) throws IOException {
    var names = new ArrayList<String>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(node.pid()), "task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String name = Files.readString(task.resolve("comm")).strip();
        if (name.contains("CompilerThre")) {
          names.add(name);
        }
      }
    }
    return names;
  }

  private static Result run(Map<String, String> environment, String... args) throws Exception {
    var command = new ArrayList<String>();
    command.add(launcher.toString());
    command.addAll(List.of(args));
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", SpindledProcess.JAVA_HOME.toString());
    builder.environment().remove("SPINDLED_AOT_DIR");
    builder.environment().remove("SPINDLED_AOT");
    builder.environment().remove("SPINDLED_JAVA_OPTS");
    builder.environment().putAll(environment);
    Process p = builder.start();
    p.getOutputStream().close();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("spindled " + String.join(" ", args) + " did not finish: " + output);
    }
    return new Result(p.exitValue(), output);
  }

  record Result(int exit, String output) {}
}
