package dev.spindle.controllers.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spindle.controllers.HarnessRun;
import dev.spindle.platform.files.LocalNodeFiles;
import dev.spindle.resources.files.EtcFileSpec;
import dev.spindle.resources.files.EtcFileStatus;
import dev.spindle.resources.files.FilesNamespaces;
import dev.spindle.runtime.resource.Phase;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.testing.ControllerHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtcFileSpecControllerTest {
  private static final String NAME = "files.EtcFileSpecController";

  @TempDir
  Path tmp;

  private Path root() throws Exception {
    return Files.createDirectories(tmp.resolve("root"));
  }

  private static ControllerHarness harness(Path root) throws Exception {
    return ControllerHarness.with(new EtcFileSpecController(new LocalNodeFiles(root)));
  }

  private static void teardownAndAwaitRelease(ControllerHarness h, String id) {
    var pointer = EtcFileSpec.DEFINITION.pointer(FilesNamespaces.FILES, id);
    h.state().teardown(pointer);
    h.awaitResource(pointer, EtcFileSpec.DEFINITION, r -> {
      assertThat(r.metadata().phase()).isEqualTo(Phase.TEARING_DOWN);
      assertThat(r.metadata().finalizers()).doesNotContain(NAME);
    });
    h.destroy(pointer);
  }

  @Test
  void writesTheFileWithItsModeAndReportsTheVersionWritten() throws Exception {
    Path root = root();
    HarnessRun.with(harness(root), h -> {
      h.create(EtcFileSpec.DEFINITION, "resolv.conf", new EtcFileSpec("nameserver 10.0.0.1\n", 0644));
      Path file = root.resolve("etc/resolv.conf");
      var status = h.awaitSpec(EtcFileStatus.DEFINITION, "resolv.conf", s -> assertThat(s.specVersion()).isNotEmpty());
      var spec = h.state().get(EtcFileSpec.DEFINITION, "resolv.conf");
      assertThat(spec.metadata().finalizers()).containsExactly(NAME);
      assertThat(status.specVersion()).isEqualTo(String.valueOf(spec.version()));
      assertThat(Files.readString(file)).isEqualTo("nameserver 10.0.0.1\n");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");

      var updated = h.updateSpec(EtcFileSpec.DEFINITION, "resolv.conf", new EtcFileSpec("nameserver 10.0.0.2\n", 0600));
      h.awaitSpec(EtcFileStatus.DEFINITION, "resolv.conf",
          s -> assertThat(s.specVersion()).isEqualTo(String.valueOf(updated.version())));
      assertThat(Files.readString(file)).isEqualTo("nameserver 10.0.0.2\n");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    });
  }

  @Test
  void aTornDownSpecRemovesTheFileItCreatedThenLetsGo() throws Exception {
    Path root = root();
    HarnessRun.with(harness(root), h -> {
      h.create(EtcFileSpec.DEFINITION, "motd", new EtcFileSpec("hi\n", 0644));
      h.awaitSpec(EtcFileStatus.DEFINITION, "motd", s -> {});
      teardownAndAwaitRelease(h, "motd");
      assertThat(root.resolve("etc/motd")).doesNotExist();
      h.awaitNoResource(EtcFileStatus.DEFINITION.pointer(FilesNamespaces.FILES, "motd"));
    });
  }

  @Test
  void aTornDownSpecPutsTheOriginalBack() throws Exception {
    Path root = root();
    Path hosts = Files.writeString(Files.createDirectories(root.resolve("etc")).resolve("hosts"), "127.0.0.1 host\n");
    Files.setPosixFilePermissions(hosts, PosixFilePermissions.fromString("rw-r-----"));
    HarnessRun.with(harness(root), h -> {
      h.create(EtcFileSpec.DEFINITION, "hosts", new EtcFileSpec("10.0.0.1 node\n", 0644));
      h.awaitSpec(EtcFileStatus.DEFINITION, "hosts", s -> {});
      assertThat(Files.readString(hosts)).isEqualTo("10.0.0.1 node\n");
      teardownAndAwaitRelease(h, "hosts");
      assertThat(Files.readString(hosts)).isEqualTo("127.0.0.1 host\n");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(hosts))).isEqualTo("rw-r-----");
      assertThat(root.resolve("var/lib/spindle/files/etc/original/etc/hosts")).doesNotExist();
    });
  }

  @Test
  void anIdLeavingEtcIsAnErrorAndTheOtherFilesAreStillWritten() throws Exception {
    Path root = root();
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    HarnessRun.with(harness(root), h -> {
      h.create(Resource.of(EtcFileSpec.DEFINITION, FilesNamespaces.FILES, "../../outside/x",
          new EtcFileSpec("evil", 0644)));
      h.create(EtcFileSpec.DEFINITION, "good", new EtcFileSpec("ok", 0644));
      h.awaitSpec(EtcFileStatus.DEFINITION, "good", s -> {});
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(h.registry()
          .counter("spindle.controller.errors", "controller", NAME).count()).isPositive());
      assertThat(outside).isEmptyDirectory();
      assertThat(h.state().find(EtcFileStatus.DEFINITION, "../../outside/x")).isEmpty();
    });
  }

  @Test
  void aRestartOverTheSameRootKeepsTheFirstOriginal() throws Exception {
    Path root = root();
    Path hosts = Files.writeString(Files.createDirectories(root.resolve("etc")).resolve("hosts"), "original\n");
    for (String contents : new String[] {"first\n", "second\n"}) {
      HarnessRun.with(harness(root), h -> {
        h.create(EtcFileSpec.DEFINITION, "hosts", new EtcFileSpec(contents, 0644));
        h.awaitSpec(EtcFileStatus.DEFINITION, "hosts", s -> {});
        assertThat(Files.readString(hosts)).isEqualTo(contents);
      });
    }
    HarnessRun.with(harness(root), h -> {
      h.create(EtcFileSpec.DEFINITION, "hosts", new EtcFileSpec("third\n", 0644));
      h.awaitSpec(EtcFileStatus.DEFINITION, "hosts", s -> {});
      teardownAndAwaitRelease(h, "hosts");
      assertThat(Files.readString(hosts)).isEqualTo("original\n");
    });
  }
}
