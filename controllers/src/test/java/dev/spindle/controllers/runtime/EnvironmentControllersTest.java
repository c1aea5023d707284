package dev.spindle.controllers.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.spindle.controllers.HarnessRun;
import dev.spindle.platform.runtime.CmdlineSource;
import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.config.EnvironmentConfig;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.runtime.Environment;
import dev.spindle.resources.runtime.EnvironmentSpec;
import dev.spindle.resources.runtime.RuntimeNamespaces;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceQuery;
import dev.spindle.runtime.state.StateReader;
import dev.spindle.runtime.testing.ControllerHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole environment chain: command line file → KernelCmdline → layers → merge → Environment machined. */
class EnvironmentControllersTest {
  @TempDir
  Path dir;

  private ControllerHarness node(String cmdline) throws Exception {
    Path file = Files.writeString(dir.resolve("cmdline"), cmdline);
    return ControllerHarness.with(RuntimeControllers.all(CmdlineSource.file(file)).toArray(Controller[]::new));
  }

  private static void apply(ControllerHarness h, MachineConfig config) {
    var resource = Resource.of(MachineConfig.DEFINITION, MachineConfig.ID, config);
    if (h.state().find(MachineConfig.DEFINITION, MachineConfig.ID).isPresent()) {
      h.updateSpec(MachineConfig.DEFINITION, MachineConfig.ID, config);
    } else {
      h.create(resource);
    }
  }

  @Test
  void withNothingConfiguredMachinedExistsAndIsEmpty() throws Exception {
    HarnessRun.with(node("console=ttyS0"), h -> {
      h.awaitSpec(Environment.DEFINITION, Environment.ID, s -> assertThat(s.variables()).isEmpty());
      assertThat(new StateReader(h.state()).list(EnvironmentSpec.DEFINITION, RuntimeNamespaces.RUNTIME_CONFIG,
          ResourceQuery.ALL)).isEmpty();
    });
  }

  @Test
  void talosVectorCmdlineAndMachineEnv() throws Exception {
    HarnessRun.with(node("talos.environment=foo=bar"), h -> {
      apply(h, Configs.of(Map.of("http_proxy", "http://proxy.example.com:8080")));
      h.awaitSpec(Environment.DEFINITION, Environment.ID, s -> assertThat(s.variables())
          .containsExactly("foo=bar", "http_proxy=http://proxy.example.com:8080"));
    });
  }

  @Test
  void talosVectorRepeatedCmdline() throws Exception {
    HarnessRun.with(node("talos.environment=foo=bar talos.environment=bar=baz"), h ->
        h.awaitSpec(Environment.DEFINITION, Environment.ID, s -> assertThat(s.variables())
            .containsExactly("bar=baz", "foo=bar")));
  }

  @Test
  void environmentConfigSetsAVariable() throws Exception {
    HarnessRun.with(node(""), h -> {
      apply(h, Configs.of(Map.of(), new EnvironmentConfig(Map.of("TEST", "value"))));
      h.awaitSpec(Environment.DEFINITION, Environment.ID, s -> assertThat(s.variables()).contains("TEST=value"));
    });
  }

  @Test
  void theConfigurationOverridesTheCommandLineAndTheSpecSaysWhere() throws Exception {
    HarnessRun.with(node("talos.environment=https_proxy=http://boot:3128 talos.environment=no_proxy=.corp "
        + "talos.environment=bad-name=x"), h -> {
      h.awaitSpec(Environment.DEFINITION, Environment.ID, s -> assertThat(s.variables())
          .containsExactly("https_proxy=http://boot:3128", "no_proxy=.corp"));

      apply(h, Configs.of(Map.of("https_proxy", "http://old:3128"),
          new EnvironmentConfig(Map.of("https_proxy", "http://proxy.corp:3128"))));
      h.awaitSpec(Environment.DEFINITION, Environment.ID, s -> assertThat(s.variables())
          .containsExactly("https_proxy=http://proxy.corp:3128", "no_proxy=.corp"));
      EnvironmentSpec merged = h.state().get(EnvironmentSpec.DEFINITION, EnvironmentSpec.ID).spec();
      assertThat(merged.layers()).containsExactly(entry("https_proxy", ConfigLayer.CONFIGURATION),
          entry("no_proxy", ConfigLayer.CMDLINE));
      assertThat(merged.layer()).isEqualTo(ConfigLayer.CONFIGURATION);
      assertThat(new StateReader(h.state()).find(EnvironmentSpec.DEFINITION, RuntimeNamespaces.RUNTIME_CONFIG,
          ConfigLayer.CMDLINE.id(EnvironmentSpec.ID)).orElseThrow().spec().variables())
          .containsExactly("https_proxy=http://boot:3128", "no_proxy=.corp");
    });
  }

  @Test
  void removingTheConfigurationFallsBackToTheCommandLineWithoutARestart() throws Exception {
    HarnessRun.with(node("talos.environment=https_proxy=http://boot:3128"), h -> {
      apply(h, Configs.of(Map.of("https_proxy", "http://config:3128", "EXTRA", "1")));
      h.awaitSpec(Environment.DEFINITION, Environment.ID, s -> assertThat(s.variables())
          .containsExactly("EXTRA=1", "https_proxy=http://config:3128"));
      h.destroy(MachineConfig.DEFINITION.pointer(MachineConfig.ID));
      h.awaitSpec(Environment.DEFINITION, Environment.ID, s -> assertThat(s.variables())
          .containsExactly("https_proxy=http://boot:3128"));
      h.awaitNoResource(EnvironmentSpec.DEFINITION.pointer(RuntimeNamespaces.RUNTIME_CONFIG,
          ConfigLayer.CONFIGURATION.id(EnvironmentSpec.ID)));
      h.awaitSpec(EnvironmentSpec.DEFINITION, EnvironmentSpec.ID,
          s -> assertThat(s.layer()).isEqualTo(ConfigLayer.CMDLINE));
    });
  }
}
