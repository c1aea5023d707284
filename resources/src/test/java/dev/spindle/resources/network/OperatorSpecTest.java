package dev.spindle.resources.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.runtime.codec.ProtoSpecs;
import dev.spindle.runtime.codec.ResourceYaml;
import dev.spindle.runtime.testing.ProtoFields;
import org.junit.jupiter.api.Test;

/** Talos's OperatorSpec vector (R/operator_spec_test.go) without its {@code vip} part, which Spindle lacks. */
class OperatorSpecTest {
  private final OperatorSpec spec = new OperatorSpec(Operator.DHCP4, "eth0", true,
      new Dhcp4OperatorSpec(1024, false, false), new Dhcp6OperatorSpec(1024, false), ConfigLayer.CONFIGURATION);

  @Test
  void printsTalosKeysInOrderAndReadsBack() {
    String yaml = "operator: dhcp4\nlinkName: eth0\nrequireUp: true\ndhcp4:\n    routeMetric: 1024\n"
        + "dhcp6:\n    routeMetric: 1024\nlayer: configuration\n";
    assertThat(ResourceYaml.encodeSpec(spec)).isEqualTo(yaml);
    assertThat(ResourceYaml.decodeSpec(yaml, OperatorSpec.class)).isEqualTo(spec);
  }

  @Test
  void absentPartsAreLeftOutAndIdsCarryOperatorAndLink() {
    var dhcp6 = OperatorSpec.dhcp6("eth1", 512, ConfigLayer.CMDLINE);
    assertThat(ResourceYaml.encodeSpec(dhcp6)).isEqualTo("operator: dhcp6\nlinkName: eth1\nrequireUp: true\n"
        + "dhcp6:\n    routeMetric: 512\nlayer: cmdline\n");
    assertThat(dhcp6.id()).isEqualTo("dhcp6/eth1");
    assertThat(dhcp6.layeredId()).isEqualTo("cmdline/dhcp6/eth1");
    assertThat(OperatorSpec.DEFINITION.type()).isEqualTo("OperatorSpecs.net.talos.dev");
    assertThat(OperatorSpec.DEFINITION.sensitive()).isTrue();
  }

  @Test
  void protobufNumbersAreTalos() {
    var fields = ProtoFields.parse(ProtoSpecs.encode(spec));
    assertThat(fields.has(1)).as("operator dhcp4 is 0, a proto3 default").isFalse();
    assertThat(fields.string(2)).isEqualTo("eth0");
    assertThat(fields.varint(3)).isEqualTo(1);
    assertThat(fields.message(4).varint(1)).isEqualTo(1024);
    assertThat(fields.message(5).varint(2)).isEqualTo(1024);
    assertThat(fields.varint(7)).isEqualTo(4);
    assertThat(ProtoFields.parse(ProtoSpecs.encode(OperatorSpec.dhcp6("eth0", 1, null))).varint(1)).isEqualTo(1);
  }
}
