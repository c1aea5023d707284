package dev.spindle.controllers.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.runtime.resource.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerMergeTest {
  private static Resource<NoteSpec> note(String id, ConfigLayer layer, String value) {
    return Resource.of(NoteSpec.DEFINITION, NoteSpec.CONFIG, id, new NoteSpec("x", value, layer));
  }

  private final List<Resource<NoteSpec>> inputs = List.of(
      note("dhcp/eth0/x", ConfigLayer.OPERATOR, "eth0"),
      note("dhcp/eth1/x", ConfigLayer.OPERATOR, "eth1"),
      note("default/x", ConfigLayer.DEFAULT, "default"));

  @Test
  void onATieTheLaterIdWinsForHighestLayerWins() {
    assertThat(LayerMerge.highestLayerWins(NoteSpec::object).merge(inputs).get("x").value()).isEqualTo("eth1");
  }

  @Test
  void onATieTheFirstIdWinsForHighestLayerFirstWins() {
    assertThat(LayerMerge.highestLayerFirstWins(NoteSpec::object).merge(inputs).get("x").value()).isEqualTo("eth0");
  }

  @Test
  void aHigherLayerBeatsAnyNumberOfLowerOnes() {
    var withConfig = new java.util.ArrayList<>(inputs);
    withConfig.add(0, note("configuration/x", ConfigLayer.CONFIGURATION, "config"));
    assertThat(LayerMerge.highestLayerWins(NoteSpec::object).merge(withConfig).get("x").value()).isEqualTo("config");
  }
}
