package dev.spindle.resources.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.config.DeviceSelector;
import dev.spindle.runtime.codec.ResourceYaml;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectorAndNameStatusYamlTest {
  @Test
  void anUnmatchedSelectorPrintsItsSetFieldsOnly() {
    var status = new DeviceSelectorStatus("machine.network.interfaces[2].deviceSelector",
        List.of(new DeviceSelector("", "", "", "", "no-match", false)), List.of(), false);
    String yaml = ResourceYaml.encodeSpec(status);
    assertThat(yaml).isEqualTo("""
        config: machine.network.interfaces[2].deviceSelector
        selectors:
            - driver: no-match
              physical: false
        matched: false
        """);
    assertThat(ResourceYaml.decodeSpec(yaml, DeviceSelectorStatus.class)).isEqualTo(status);
  }

  @Test
  void aNamesOriginAndDevicePrintAfterTheOtherFields() {
    var status = new LinkNameStatus("", "", "enp0s2", "enx525400123456", "enp0s2", "keep",
        List.of("enx525400123456"), true, "renamed", "virtio0");
    String yaml = ResourceYaml.encodeSpec(status);
    assertThat(yaml).isEqualTo("""
        path: enp0s2
        mac: enx525400123456
        name: enp0s2
        policy: keep
        alternativeNames:
            - enx525400123456
        enabled: true
        nameAssignType: renamed
        device: virtio0
        """);
    assertThat(ResourceYaml.decodeSpec(yaml, LinkNameStatus.class)).isEqualTo(status);
  }

  @Test
  void predictableNamesPrintWithoutTheEmptySchemes() {
    var status = new LinkNameStatus("", "", "enp0s3", "enx525400123456", "enp0s3", "path",
        List.of("enx525400123456"), true);
    String yaml = ResourceYaml.encodeSpec(status);
    assertThat(yaml).isEqualTo("""
        path: enp0s3
        mac: enx525400123456
        name: enp0s3
        policy: path
        alternativeNames:
            - enx525400123456
        enabled: true
        """);
    assertThat(ResourceYaml.decodeSpec(yaml, LinkNameStatus.class)).isEqualTo(status);
  }
}
