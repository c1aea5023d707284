package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.controllers.config.ConfigController;
import dev.spindle.controllers.config.ConfigPreview;
import dev.spindle.controllers.config.ConfigSources;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.ResolverSpec;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.resource.ResourceReader;
import dev.spindle.runtime.state.InMemoryState;
import dev.spindle.runtime.state.StateReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarnOnceTest {
  private final WarnOnce warnings = new WarnOnce("test.WarnOnceTest");

  @Test
  void aRepeatedWarningIsLoggedOnceUntilItChangesOrIsCleared() {
    assertThat(warnings.warn("a", "first")).isTrue();
    assertThat(warnings.warn("a", "first")).isFalse();
    assertThat(warnings.warn("b", "first")).as("topics are independent").isTrue();
    assertThat(warnings.warn("a", "second")).isTrue();
    assertThat(warnings.warn("a", "first")).isTrue();
    warnings.clear("a");
    assertThat(warnings.warn("a", "first")).isTrue();
  }

  @Test
  void aDryRunNeitherLogsNorForgets() {
    var outcome = new boolean[2];
    var projecting = new ConfigController<ResolverSpec>(ResolverSpec.DEFINITION, Namespaces.NETWORK_CONFIG) {
      @Override
      protected List<Input> inputs() {
        return List.of(ConfigSources.MACHINE_CONFIG);
      }

      @Override
      public Map<String, ResolverSpec> project(ResourceReader sources) {
        outcome[0] = warnings.warn("a", "about the proposed configuration");
        warnings.clear("b");
        return Map.of();
      }
    };
    assertThat(warnings.warn("b", "live")).isTrue();
    try (var state = new InMemoryState()) {
      new ConfigPreview(List.of(projecting)).changes(new StateReader(state), new MachineConfig("x", null, List.of()));
    }
    assertThat(outcome[0]).as("logged during the preview").isFalse();
    assertThat(warnings.warn("a", "about the proposed configuration")).as("the preview left no trace").isTrue();
    assertThat(warnings.warn("b", "live")).as("the preview's clear was ignored").isFalse();
  }
}
