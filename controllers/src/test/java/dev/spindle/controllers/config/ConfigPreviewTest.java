package dev.spindle.controllers.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.config.MachineSection;
import dev.spindle.resources.config.V1Alpha1Config;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceChange;
import dev.spindle.runtime.resource.ResourceChange.Action;
import dev.spindle.runtime.resource.ResourcePointer;
import dev.spindle.runtime.state.StateReader;
import dev.spindle.runtime.testing.ControllerHarness;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConfigPreviewTest {
  private final List<Controller> controllers = List.of(new NoteConfigController(),
      new LayerMergeController<>("test.NoteMergeController", NoteSpec.DEFINITION, NoteSpec.CONFIG, NoteSpec.FINAL,
          LayerMerge.highestLayerWins(NoteSpec::object)));

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(controllers.toArray(Controller[]::new));

  private static MachineConfig config(Map<String, String> env) {
    var machine = new MachineSection("worker", env, List.of(), null, null, false);
    return new MachineConfig("env: " + env, new V1Alpha1Config(machine, null), List.of());
  }

  private static ResourcePointer layered(String id) {
    return NoteSpec.DEFINITION.pointer(NoteSpec.CONFIG, id);
  }

  private static ResourcePointer merged(String id) {
    return NoteSpec.DEFINITION.pointer(NoteSpec.FINAL, id);
  }

  @Test
  void theFirstConfigurationCreatesItselfAndEveryProjectedSpec() {
    h.awaitSpec(NoteSpec.DEFINITION, "greeting", s -> assertThat(s.value()).isEqualTo("hello"));
    var changes = new ConfigPreview(controllers).changes(new StateReader(h.state()), config(Map.of("A", "1")));
    assertThat(changes).containsExactly(
        new ResourceChange(MachineConfig.DEFINITION.pointer(MachineConfig.ID), Action.CREATED),
        new ResourceChange(merged("A"), Action.CREATED),
        new ResourceChange(layered("configuration/A"), Action.CREATED));
  }

  @Test
  void aPreviewPredictsExactlyWhatApplyingChanges() {
    var env = new LinkedHashMap<String, String>();
    env.put("A", "1");
    env.put("B", "2");
    h.create(Resource.of(MachineConfig.DEFINITION, MachineConfig.ID, config(env)));
    h.awaitSpec(NoteSpec.DEFINITION, "B", s -> assertThat(s.value()).isEqualTo("2"));

    var next = config(Map.of("B", "3", "C", "4"));
    var changes = new ConfigPreview(controllers).changes(new StateReader(h.state()), next);

    assertThat(changes).containsExactly(
        new ResourceChange(MachineConfig.DEFINITION.pointer(MachineConfig.ID), Action.UPDATED),
        new ResourceChange(merged("A"), Action.DESTROYED),
        new ResourceChange(merged("B"), Action.UPDATED),
        new ResourceChange(merged("C"), Action.CREATED),
        new ResourceChange(layered("configuration/A"), Action.DESTROYED),
        new ResourceChange(layered("configuration/B"), Action.UPDATED),
        new ResourceChange(layered("configuration/C"), Action.CREATED));
    // the preview wrote nothing
    assertThat(h.state().get(NoteSpec.DEFINITION, "B").spec().value()).isEqualTo("2");

    h.updateSpec(MachineConfig.DEFINITION, MachineConfig.ID, next);
    h.awaitNoResource(merged("A"));
    h.awaitSpec(NoteSpec.DEFINITION, "C", s -> assertThat(s.value()).isEqualTo("4"));
    h.awaitSpec(NoteSpec.DEFINITION, "B", s -> assertThat(s.value()).isEqualTo("3"));
    assertThat(new ConfigPreview(controllers).changes(new StateReader(h.state()), next)).isEmpty();
  }
}
