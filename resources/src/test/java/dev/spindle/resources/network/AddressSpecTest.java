package dev.spindle.resources.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.runtime.codec.ResourceYaml;
import org.junit.jupiter.api.Test;

class AddressSpecTest {
  @Test
  void theTalosVectorPrintsByteForByteAndReadsBack() {
    var spec = new AddressSpec(IpPrefix.parse("192.168.3.6/27"), "eth0", Family.INET4, Scope.LINK,
        AddressFlags.of(AddressFlag.PERMANENT), false, ConfigLayer.CONFIGURATION, 0);
    String yaml = "address: 192.168.3.6/27\nlinkName: eth0\nfamily: inet4\nscope: link\nflags: permanent\n"
        + "layer: configuration\n";
    assertThat(ResourceYaml.encodeSpec(spec)).isEqualTo(yaml);
    assertThat(ResourceYaml.decodeSpec(yaml, AddressSpec.class)).isEqualTo(spec);
  }

  @Test
  void announceAndPriorityPrintOnlyWhenSet() {
    var spec = new AddressSpec(IpPrefix.parse("fd00::5/64"), "eth1", null, null, null, true,
        ConfigLayer.OPERATOR, 1024);
    assertThat(spec.family()).isEqualTo(Family.INET6);
    assertThat(ResourceYaml.encodeSpec(spec)).contains("announceWithARP: true\n").contains("priority: 1024\n");
  }

  @Test
  void idsAreTalosAddressIdsWithAndWithoutTheLayer() {
    var spec = AddressSpec.permanent(IpPrefix.parse("127.0.0.1/8"), "lo", Scope.HOST, ConfigLayer.DEFAULT);
    assertThat(spec.id()).isEqualTo("lo/127.0.0.1/8");
    assertThat(spec.layeredId()).isEqualTo("default/lo/127.0.0.1/8");
    assertThat(spec.flags().contains(AddressFlag.PERMANENT)).isTrue();
    assertThat(AddressSpec.DEFINITION.type()).isEqualTo("AddressSpecs.net.talos.dev");
    assertThat(AddressSpec.DEFINITION.printColumns()).isEmpty();
    assertThat(AddressSpec.DEFINITION.aliases()).containsExactly("addressspec", "as");
  }
}
