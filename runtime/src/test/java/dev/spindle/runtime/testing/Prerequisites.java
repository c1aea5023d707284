package dev.spindle.runtime.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (root, a Debian binary). Outside CI a missing prerequisite skips the test with
 * the reason; with {@code SPINDLE_REQUIRE_PRIVILEGED=1} (set by {@code .ci/run}) it fails the test instead, so CI
 * never passes by skipping.
 */
public final class Prerequisites {
  private static final List<String> PATH_DIRS = List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin", "/usr/local/bin");

  private Prerequisites() {}

  public static void requireRoot(String why) {
    if (!"root".equals(System.getProperty("user.name"))) {
      unmet(why + " needs root (running as " + System.getProperty("user.name") + ")");
    }
  }

  /** The path of an executable, or the test is skipped (failed under {@code SPINDLE_REQUIRE_PRIVILEGED=1}). */
  public static Path requireBinary(String name, String debianPackage) {
    Optional<Path> found = findBinary(name);
    if (found.isEmpty()) {
      unmet("this test needs " + name + " (Debian package " + debianPackage + ")");
    }
    return found.orElseThrow();
  }

  public static Optional<Path> findBinary(String name) {
    return PATH_DIRS.stream().map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
  }

  private static void unmet(String reason) {
    if ("1".equals(System.getenv("SPINDLE_REQUIRE_PRIVILEGED"))) {
      throw new AssertionError("SPINDLE_REQUIRE_PRIVILEGED=1 but " + reason);
    }
    Assumptions.abort(reason);
  }
}
