package dev.spindle.controllers.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spindle.controllers.HarnessRun;
import dev.spindle.platform.runtime.CmdlineSource;
import dev.spindle.resources.runtime.KernelCmdline;
import dev.spindle.runtime.testing.ControllerHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KernelCmdlineControllerTest {
  private static ControllerHarness harness(Path file) {
    return ControllerHarness.with(new KernelCmdlineController(CmdlineSource.file(file)));
  }

  @Test
  void publishesTheTrimmedFile() throws Exception {
    Path file = Files.createTempFile("cmdline", "");
    try {
      Files.writeString(file, "console=ttyS0 talos.environment=A=b  \n");
      HarnessRun.with(harness(file), h -> h.awaitSpec(KernelCmdline.DEFINITION, KernelCmdline.ID,
          s -> assertThat(s.cmdline()).isEqualTo("console=ttyS0 talos.environment=A=b")));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void aMissingFileIsAnEmptyCommandLine() throws Exception {
    HarnessRun.with(harness(Path.of("/nonexistent/spindle/cmdline")), h -> h.awaitSpec(KernelCmdline.DEFINITION,
        KernelCmdline.ID, s -> assertThat(s.cmdline()).isEmpty()));
  }

  @Test
  void anUnreadableFileIsAReconcileErrorRetriedUntilItReads() throws Exception {
    Path dir = Files.createTempDirectory("cmdline");
    Path file = Files.createDirectory(dir.resolve("cmdline"));
    try {
      HarnessRun.with(harness(file), h -> {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(h.registry()
            .counter("spindle.controller.errors", "controller", "runtime.KernelCmdlineController").count())
            .isPositive());
        assertThat(h.state().find(KernelCmdline.DEFINITION, KernelCmdline.ID)).isEmpty();
        Files.delete(file);
        Files.writeString(file, "quiet");
        h.awaitSpec(KernelCmdline.DEFINITION, KernelCmdline.ID, s -> assertThat(s.cmdline()).isEqualTo("quiet"));
      });
    } finally {
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void theErrorNamesThePath() {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CmdlineSource.file(dir).read())
        .isInstanceOf(IOException.class).hasMessageContaining(dir.toString());
  }
}
