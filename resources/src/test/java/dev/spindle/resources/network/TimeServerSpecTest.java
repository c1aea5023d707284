package dev.spindle.resources.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.runtime.codec.ProtoSpecs;
import dev.spindle.runtime.codec.ResourceYaml;
import dev.spindle.runtime.resource.PrintColumn;
import dev.spindle.runtime.testing.ProtoFields;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeServerSpecTest {
  @Test
  void theTalosVectorPrintsByteForByteAndReadsBack() {
    // R/timeserver_spec_test.go: useNTS false is omitted
    var spec = new TimeServerSpec(List.of("pool.ntp.org"), false, ConfigLayer.PLATFORM);
    String yaml = "timeServers:\n    - pool.ntp.org\nlayer: platform\n";
    assertThat(ResourceYaml.encodeSpec(spec)).isEqualTo(yaml);
    assertThat(ResourceYaml.decodeSpec(yaml, TimeServerSpec.class)).isEqualTo(spec);
  }

  @Test
  void useNtsIsPrintedWhenTrue() {
    assertThat(ResourceYaml.encodeSpec(new TimeServerSpec(List.of("time.cloudflare.com"), true, ConfigLayer.DEFAULT)))
        .isEqualTo("timeServers:\n    - time.cloudflare.com\nuseNTS: true\nlayer: default\n");
  }

  @Test
  void protobufNumbersFollowTalos() {
    var fields = ProtoFields.parse(ProtoSpecs.encode(new TimeServerSpec(List.of("a"), true, ConfigLayer.CMDLINE)));
    assertThat(fields.string(1)).isEqualTo("a");
    assertThat(fields.varint(2)).as("config_layer").isEqualTo(1);
    assertThat(fields.varint(3)).as("use_nts").isEqualTo(1);
  }

  @Test
  void definitionsMatchTalos() {
    assertThat(TimeServerSpec.DEFINITION.type()).isEqualTo("TimeServerSpecs.net.talos.dev");
    assertThat(TimeServerSpec.DEFINITION.printColumns()).containsExactly(new PrintColumn("Timeservers", "timeServers"),
        new PrintColumn("UseNTS", "useNTS"));
    assertThat(TimeServerStatus.DEFINITION.aliases()).startsWith("timeserver", "timeservers");
    assertThat(TimeServerStatus.DEFINITION.printColumns()).containsExactly(
        new PrintColumn("Timeservers", "timeServers"), new PrintColumn("UseNTS", "useNTS"));
    assertThat(ResourceYaml.encodeSpec(new TimeServerStatus(List.of("a"), false)))
        .isEqualTo("timeServers:\n    - a\nuseNTS: false\n");
  }
}
