package dev.spindle.resources.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.runtime.codec.ProtoSpecs;
import dev.spindle.runtime.codec.ResourceYaml;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeResourcesTest {
  @Test
  void theCatalogListsExactlyThePermittedSpecs() {
    List<Class<?>> catalogued = TimeResources.ALL.stream().<Class<?>>map(ResourceDefinition::specClass).toList();
    assertThat(catalogued).doesNotHaveDuplicates()
        .containsExactlyInAnyOrder(TimeSpec.class.getPermittedSubclasses());
  }

  @Test
  void aStatusWithoutObservationsPrintsTalossThreeFields() {
    assertThat(ResourceYaml.encodeSpec(TimeStatus.of(false, 0, false)))
        .isEqualTo("synced: false\nepoch: 0\nsyncDisabled: false\n");
  }

  @Test
  void observationsArePrintedAsGoDoesAndSurviveARoundTrip() {
    var status = new TimeStatus(true, 1, false, "127.0.0.1:12345", Duration.ofMillis(-1500), 8);
    String yaml = ResourceYaml.encodeSpec(status);
    assertThat(yaml).isEqualTo(
        "synced: true\nepoch: 1\nsyncDisabled: false\nserver: 127.0.0.1:12345\noffset: -1.5s\nstratum: 8\n");
    assertThat(ResourceYaml.decodeSpec(yaml, TimeStatus.class)).isEqualTo(status);
  }

  @Test
  void talossFieldNumbersAreKept() {
    // synced=1 (true), epoch=2 (3), syncDisabled=3 (true): what talosctl decodes
    assertThat(HexFormat.of().formatHex(ProtoSpecs.encode(TimeStatus.of(true, 3, true)))).isEqualTo("080110031801");
  }
}
