package dev.spindle.controllers.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.controllers.config.ConfigPreview;
import dev.spindle.platform.runtime.CmdlineSource;
import dev.spindle.resources.config.EnvironmentConfig;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.runtime.EnvironmentSpec;
import dev.spindle.resources.runtime.RuntimeNamespaces;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.ControllerRuntime;
import dev.spindle.runtime.resource.ResourceChange;
import dev.spindle.runtime.resource.ResourceChange.Action;
import dev.spindle.runtime.state.InMemoryState;
import dev.spindle.runtime.state.StateReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeControllersTest {
  @Test
  void theDomainsControllersRegisterTogetherUnderTalosNames() {
    var controllers = RuntimeControllers.all(() -> "");
    assertThat(controllers).extracting(Controller::name).containsExactly("runtime.KernelCmdlineController",
        "runtime.EnvironmentConfigController", "runtime.EnvironmentMergeController", "runtime.EnvironmentController");
    try (var runtime = new ControllerRuntime(new InMemoryState())) {
      controllers.forEach(runtime::register);
      assertThat(runtime.controllers()).hasSameSizeAs(controllers);
    }
  }

  /** apply-config --dry-run sees the environment stages like any other config and merge stage. */
  @Test
  void aDryRunShowsTheEnvironmentSpecsAConfigurationWouldCreate() {
    var preview = new ConfigPreview(RuntimeControllers.all(CmdlineSource.file(java.nio.file.Path.of("/nonexistent"))));
    MachineConfig config = Configs.of(Map.of(), new EnvironmentConfig(Map.of("HTTPS_PROXY", "http://proxy:3128")));
    assertThat(preview.changes(new StateReader(new InMemoryState()), config)).contains(
        new ResourceChange(EnvironmentSpec.DEFINITION.pointer(RuntimeNamespaces.RUNTIME_CONFIG,
            "configuration/environment"), Action.CREATED),
        new ResourceChange(EnvironmentSpec.DEFINITION.pointer(RuntimeNamespaces.RUNTIME, "environment"),
            Action.CREATED));
  }
}
