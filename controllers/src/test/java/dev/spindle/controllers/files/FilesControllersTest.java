package dev.spindle.controllers.files;

import static dev.spindle.controllers.files.FilesConfigs.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spindle.controllers.HarnessRun;
import dev.spindle.platform.files.LocalNodeFiles;
import dev.spindle.resources.config.TrustedRootsConfig;
import dev.spindle.resources.files.EtcFileStatus;
import dev.spindle.resources.files.MachineFileState;
import dev.spindle.resources.files.MachineFileStatus;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.ControllerRuntime;
import dev.spindle.runtime.state.InMemoryState;
import dev.spindle.runtime.testing.ControllerHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesControllersTest {
  @TempDir
  Path root;

  @Test
  void theDomainsControllersRegisterTogether() throws Exception {
    var controllers = FilesControllers.all(new LocalNodeFiles(root));
    assertThat(controllers).extracting(Controller::name).containsExactly("files.EtcFileSpecController",
        "files.TrustedRootsController", "files.MachineFilesController");
    try (var runtime = new ControllerRuntime(new InMemoryState())) {
      controllers.forEach(runtime::register);
      assertThat(runtime.controllers()).hasSameSizeAs(controllers);
    }
  }

  /** Both ways of trusting a corporate proxy's CA, the modern document and the legacy append, on one node. */
  @Test
  void bothWaysOfAddingACorporateCaReachTheDisk() throws Exception {
    String corp = TestCertificates.pem(9);
    Path legacy = Files.writeString(Files.createDirectories(root.resolve("etc/ssl/certs")).resolve("ca-certificates"),
        "BASE\n");
    var h = ControllerHarness.with(FilesControllers.all(new LocalNodeFiles(root)).toArray(Controller[]::new));
    HarnessRun.with(h, node -> {
      FilesConfigs.apply(node, FilesConfigs.of(List.of(file("append", "/etc/ssl/certs/ca-certificates", 0644, corp)),
          new TrustedRootsConfig("corp-proxy", corp)));
      node.awaitSpec(MachineFileStatus.DEFINITION, "/etc/ssl/certs/ca-certificates",
          s -> assertThat(s.state()).isEqualTo(MachineFileState.APPLIED));
      node.awaitSpec(EtcFileStatus.DEFINITION, TrustedRootsController.ID, s -> {});
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(Files.readString(root.resolve("etc/ssl/certs/ca-certificates.crt")))
              .startsWith(JdkTrustAnchors.pem()).endsWith("\ncorp-proxy:\n===========\n" + corp));
      assertThat(Files.readString(legacy)).isEqualTo("BASE\n\n" + corp);
    });
  }
}
