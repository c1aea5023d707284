package dev.spindle.controllers.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.runtime.resource.Phase;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.testing.ControllerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LayerMergeControllerTest {
  private static final String CONSUMER = "test.NoteSpecController";

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new LayerMergeController<>("test.NoteMergeController",
      NoteSpec.DEFINITION, NoteSpec.CONFIG, NoteSpec.FINAL, LayerMerge.highestLayerWins(NoteSpec::object)));

  private void input(ConfigLayer layer, String object, String value) {
    h.create(Resource.of(NoteSpec.DEFINITION, NoteSpec.CONFIG, layer.id(object), new NoteSpec(object, value, layer)));
  }

  @Test
  void theHighestLayerWinsAndTheNextTakesOverWhenItGoes() {
    input(ConfigLayer.DEFAULT, "a", "from-default");
    input(ConfigLayer.CONFIGURATION, "a", "from-config");
    input(ConfigLayer.CMDLINE, "a", "from-cmdline");
    input(ConfigLayer.CMDLINE, "b", "only-b");

    h.awaitSpec(NoteSpec.DEFINITION, "a", s -> assertThat(s.value()).isEqualTo("from-config"));
    h.awaitSpec(NoteSpec.DEFINITION, "b", s -> assertThat(s.layer()).isEqualTo(ConfigLayer.CMDLINE));

    h.destroy(NoteSpec.DEFINITION.pointer(NoteSpec.CONFIG, ConfigLayer.CONFIGURATION.id("a")));
    h.awaitSpec(NoteSpec.DEFINITION, "a", s -> assertThat(s.value()).isEqualTo("from-cmdline"));
  }

  @Test
  void anObjectNoLongerAskedForIsDestroyed() {
    input(ConfigLayer.CMDLINE, "gone", "x");
    h.awaitSpec(NoteSpec.DEFINITION, "gone", s -> assertThat(s.value()).isEqualTo("x"));
    h.destroy(NoteSpec.DEFINITION.pointer(NoteSpec.CONFIG, ConfigLayer.CMDLINE.id("gone")));
    h.awaitNoResource(NoteSpec.DEFINITION.pointer("gone"));
  }

  @Test
  void aDyingOutputIsNotRevivedUntilItsConsumerLetsGo() {
    var out = NoteSpec.DEFINITION.pointer("a");
    for (int round = 0; round < 10; round++) {
      String value = "round-" + round;
      input(ConfigLayer.OPERATOR, "a", value);
      h.awaitSpec(NoteSpec.DEFINITION, "a", s -> assertThat(s.value()).isEqualTo(value));
      h.state().addFinalizers(out, CONSUMER);

      h.destroy(NoteSpec.DEFINITION.pointer(NoteSpec.CONFIG, ConfigLayer.OPERATOR.id("a")));
      h.awaitResource(out, NoteSpec.DEFINITION,
          r -> assertThat(r.metadata().phase()).isEqualTo(Phase.TEARING_DOWN));
      // wanted again while the consumer still holds it: it must stay tearing down, with the old spec
      input(ConfigLayer.OPERATOR, "a", value + "-again");
      assertThat(h.state().get(NoteSpec.DEFINITION, "a").metadata().phase()).isEqualTo(Phase.TEARING_DOWN);

      h.state().removeFinalizers(out, CONSUMER);
      h.awaitResource(out, NoteSpec.DEFINITION, r -> {
        assertThat(r.metadata().phase()).isEqualTo(Phase.RUNNING);
        assertThat(r.spec().value()).isEqualTo(value + "-again");
      });
      h.destroy(NoteSpec.DEFINITION.pointer(NoteSpec.CONFIG, ConfigLayer.OPERATOR.id("a")));
      h.awaitNoResource(out);
    }
  }

  @Test
  void theConfigAndFinalNamespacesMustDiffer() {
    assertThatThrownBy(() -> new LayerMergeController<>("x", NoteSpec.DEFINITION, "same", "same",
        LayerMerge.highestLayerWins(NoteSpec::object)))
        .hasMessageContaining("must differ");
  }
}
