package dev.spindle.controllers.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spindle.controllers.HarnessRun;
import dev.spindle.platform.files.LocalNodeFiles;
import dev.spindle.resources.config.TrustedRootsConfig;
import dev.spindle.resources.files.EtcFileSpec;
import dev.spindle.resources.files.EtcFileStatus;
import dev.spindle.runtime.testing.ControllerHarness;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TrustedRootsConfig → EtcFileSpec → the bundle on disk, with the JVM's anchors as the base. */
class TrustedRootsControllerTest {
  private static final String ID = TrustedRootsController.ID;

  @TempDir
  Path root;

  private ControllerHarness node() throws Exception {
    return ControllerHarness.with(new TrustedRootsController(), new EtcFileSpecController(new LocalNodeFiles(root)));
  }

  private Path bundle() {
    return root.resolve("etc/ssl/certs/ca-certificates.crt");
  }

  @Test
  void withoutConfigurationTheBundleIsTheBase() throws Exception {
    HarnessRun.with(node(), h -> {
      h.awaitSpec(EtcFileStatus.DEFINITION, ID, s -> {});
      assertThat(Files.readString(bundle())).isEqualTo(JdkTrustAnchors.pem());
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(bundle()))).isEqualTo("rw-r--r--");
    });
  }

  @Test
  void theBundleHoldsTheBaseAndBothExtraNames() throws Exception {
    String corp = TestCertificates.pem(3);
    String lab = TestCertificates.pem(4) + TestCertificates.pem(5);
    HarnessRun.with(node(), h -> {
      FilesConfigs.apply(h, FilesConfigs.of(List.of(), new TrustedRootsConfig("corp-proxy", corp),
          new TrustedRootsConfig("lab", lab)));
      // the bundle appears only once the pipeline has written it: until then reading it is NoSuchFileException
      await().atMost(Duration.ofSeconds(10)).ignoreException(NoSuchFileException.class)
          .untilAsserted(() -> assertThat(Files.readString(bundle()))
          .isEqualTo(JdkTrustAnchors.pem() + "\ncorp-proxy:\n===========\n" + corp + "\n\n" + "\nlab:\n====\n" + lab));
    });
  }

  @Test
  void aBadCertificateIsRejectedAndTheOldBundleStaysUntouched() throws Exception {
    String corp = TestCertificates.pem(3);
    HarnessRun.with(node(), h -> {
      FilesConfigs.apply(h, FilesConfigs.of(List.of(), new TrustedRootsConfig("corp-proxy", corp)));
      // the bundle appears only once the pipeline has written it: until then reading it is NoSuchFileException
      await().atMost(Duration.ofSeconds(10)).ignoreException(NoSuchFileException.class)
          .untilAsserted(() -> assertThat(Files.readString(bundle()))
          .endsWith(corp));
      String before = Files.readString(bundle());
      long specVersion = h.state().get(EtcFileSpec.DEFINITION, ID).version();
      var inode = Files.readAttributes(bundle(), "unix:ino").get("ino");

      FilesConfigs.apply(h, FilesConfigs.of(List.of(), new TrustedRootsConfig("corp-proxy", corp),
          new TrustedRootsConfig("typo", corp.replace("MI", "M!"))));
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(h.registry()
          .counter("spindle.controller.errors", "controller", "files.TrustedRootsController").count()).isPositive());
      assertThat(h.state().get(EtcFileSpec.DEFINITION, ID).version()).isEqualTo(specVersion);
      assertThat(Files.readString(bundle())).isEqualTo(before);
      assertThat(Files.readAttributes(bundle(), "unix:ino").get("ino")).isEqualTo(inode);
    });
  }

  @Test
  void theErrorNamesTheDocument() {
    var controller = new TrustedRootsController(() -> "");
    assertThat(TrustedRoots.problems(List.of(new TrustedRootsConfig("typo", "-----BEGIN CERTIFICATE-----\nM!\n"))))
        .containsExactly("TrustedRootsConfig \"typo\" (document 1 of its kind).certificates: block 1 (CERTIFICATE) "
            + "has no END line");
    assertThat(controller.name()).isEqualTo("files.TrustedRootsController");
  }
}
