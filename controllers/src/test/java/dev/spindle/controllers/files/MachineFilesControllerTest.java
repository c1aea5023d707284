package dev.spindle.controllers.files;

import static dev.spindle.controllers.files.FilesConfigs.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spindle.controllers.HarnessRun;
import dev.spindle.platform.files.LocalNodeFiles;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.config.MachineFile;
import dev.spindle.resources.files.MachineFileState;
import dev.spindle.resources.files.MachineFileStatus;
import dev.spindle.runtime.testing.ControllerHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineFilesControllerTest {
  private static final String CA_PATH = "/etc/ssl/certs/ca-certificates";
  private static final String BASE = "# the distribution's bundle\n" + TestCertificates.pem(0);

  @TempDir
  Path root;
  Path bundle;

  @BeforeEach
  void node() throws Exception {
    bundle = Files.writeString(Files.createDirectories(root.resolve("etc/ssl/certs")).resolve("ca-certificates"), BASE);
  }

  private ControllerHarness harness() throws Exception {
    return ControllerHarness.with(new MachineFilesController(new LocalNodeFiles(root), Duration.ofMillis(100)));
  }

  private static MachineConfig config(MachineFile... files) {
    return FilesConfigs.of(List.of(files));
  }

  private static MachineFileStatus awaitState(ControllerHarness h, String path, MachineFileState state) {
    return h.awaitSpec(MachineFileStatus.DEFINITION, path, s -> assertThat(s.state()).isEqualTo(state));
  }

  /** The Talos idiom for an extra CA: applied on every start, it must not add the CA again each time. */
  @Test
  void anAppendIsIdempotentAcrossRestarts() throws Exception {
    String corp = TestCertificates.pem(7);
    for (int boot = 0; boot < 3; boot++) {
      HarnessRun.with(harness(), h -> {
        FilesConfigs.apply(h, config(file("append", CA_PATH, 0644, corp)));
        awaitState(h, CA_PATH, MachineFileState.APPLIED);
        assertThat(Files.readString(bundle)).isEqualTo(BASE + "\n" + corp);
      });
    }
  }

  @Test
  void aChangedCertificateReplacesTheOldOneInsteadOfAddingToIt() throws Exception {
    String old = TestCertificates.pem(7);
    String rotated = TestCertificates.pem(8);
    HarnessRun.with(harness(), h -> {
      FilesConfigs.apply(h, config(file("append", CA_PATH, 0644, old)));
      awaitState(h, CA_PATH, MachineFileState.APPLIED);
    });
    HarnessRun.with(harness(), h -> {
      FilesConfigs.apply(h, config(file("append", CA_PATH, 0644, rotated)));
      h.awaitSpec(MachineFileStatus.DEFINITION, CA_PATH, s -> assertThat(s.state()).isEqualTo(MachineFileState.APPLIED));
      assertThat(Files.readString(bundle)).isEqualTo(BASE + "\n" + rotated).doesNotContain(old);
    });
  }

  @Test
  void aBundleUpdatedBehindSpindlesBackKeepsTheUpdateAndGetsTheCaOnce() throws Exception {
    String corp = TestCertificates.pem(7);
    HarnessRun.with(harness(), h -> {
      FilesConfigs.apply(h, config(file("append", CA_PATH, 0644, corp)));
      awaitState(h, CA_PATH, MachineFileState.APPLIED);
    });
    String updated = BASE + TestCertificates.pem(2);
    Files.writeString(bundle, updated); // the distribution's CA package was upgraded
    HarnessRun.with(harness(), h -> {
      FilesConfigs.apply(h, config(file("append", CA_PATH, 0644, corp)));
      awaitState(h, CA_PATH, MachineFileState.APPLIED);
      assertThat(Files.readString(bundle)).isEqualTo(updated + "\n" + corp);
      FilesConfigs.apply(h, config());
      h.awaitNoResource(MachineFileStatus.DEFINITION.pointer(CA_PATH));
      assertThat(Files.readString(bundle)).isEqualTo(updated);
    });
  }

  @Test
  void aRemovedEntryGetsTheOriginalBackAndACreatedFileIsRemoved() throws Exception {
    HarnessRun.with(harness(), h -> {
      FilesConfigs.apply(h, config(file("append", CA_PATH, 0644, TestCertificates.pem(7)),
          file("create", "/var/etc/app.conf", 0600, "debug=true")));
      awaitState(h, "/var/etc/app.conf", MachineFileState.APPLIED);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("var/etc/app.conf"))))
          .isEqualTo("rw-------");
    });
    HarnessRun.with(harness(), h -> {
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(h.registry()
          .timer("spindle.controller.reconcile.duration", "controller", "files.MachineFilesController").count())
          .isPositive());
      assertThat(Files.readString(bundle)).as("untouched until the configuration is loaded").isNotEqualTo(BASE);
      assertThat(root.resolve("var/etc/app.conf")).exists();
      FilesConfigs.apply(h, config());
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        assertThat(Files.readString(bundle)).isEqualTo(BASE);
        assertThat(root.resolve("var/etc/app.conf")).doesNotExist();
      });
      try (var kept = Files.walk(root.resolve("var/lib/spindle/files/machine"))) {
        assertThat(kept.filter(Files::isRegularFile)).as("originals still recorded").isEmpty();
      }
    });
  }

  @Test
  void anInvalidEntryHoldsBackTheWholeSetAndChangesNothing() throws Exception {
    HarnessRun.with(harness(), h -> {
      FilesConfigs.apply(h, config(file("overwrite", "/etc/ssl/certs/ca-certificates", 0644, TestCertificates.pem(1)),
          file("overwrite", "/etc/missing.conf", 0644, "x")));
      var invalid = awaitState(h, "/etc/missing.conf", MachineFileState.INVALID);
      assertThat(invalid.error()).isEqualTo("machine.files[1]: file must exist: \"/etc/missing.conf\"");
      var refused = awaitState(h, CA_PATH, MachineFileState.REFUSED);
      assertThat(refused.error()).isEqualTo("not applied: machine.files has invalid entries (machine.files[1])");
      assertThat(Files.readString(bundle)).isEqualTo(BASE);
      assertThat(root.resolve("var/lib/spindle")).doesNotExist();

      // the file appears without a configuration change: the periodic recheck applies the set
      Files.writeString(root.resolve("etc/missing.conf"), "now here");
      awaitState(h, "/etc/missing.conf", MachineFileState.APPLIED);
      assertThat(Files.readString(root.resolve("etc/missing.conf"))).isEqualTo("x");
      assertThat(Files.readString(bundle)).isEqualTo(TestCertificates.pem(1));
    });
  }

  @Test
  void aBadCertificateIsRejectedAndTheBundleIsUntouched() throws Exception {
    HarnessRun.with(harness(), h -> {
      FilesConfigs.apply(h, config(file("append", CA_PATH, 0644, TestCertificates.pem(7))));
      awaitState(h, CA_PATH, MachineFileState.APPLIED);
      String before = Files.readString(bundle);
      FilesConfigs.apply(h, config(file("append", CA_PATH, 0644, "-----BEGIN CERTIFICATE-----\nnot base64!\n"
          + "-----END CERTIFICATE-----\n")));
      var status = awaitState(h, CA_PATH, MachineFileState.INVALID);
      assertThat(status.error()).startsWith("machine.files[0].content: certificate 1: invalid base64");
      assertThat(Files.readString(bundle)).isEqualTo(before);
    });
  }

  @Test
  void aLinkOutOfTheRootIsInvalid() throws Exception {
    Path outside = Files.createDirectories(root.resolveSibling(root.getFileName() + "-outside"));
    Files.createSymbolicLink(root.resolve("etc/escape"), outside);
    try {
      HarnessRun.with(harness(), h -> {
        FilesConfigs.apply(h, config(file("create", "/var/ok", 0644, "x"),
            file("overwrite", "/etc/escape/passwd", 0644, "root::0:0")));
        var status = awaitState(h, "/etc/escape/passwd", MachineFileState.INVALID);
        assertThat(status.error()).contains("is outside the node's root");
        assertThat(outside).isEmptyDirectory();
        assertThat(root.resolve("var/ok")).doesNotExist();
      });
    } finally {
      Files.deleteIfExists(outside);
    }
  }
}
