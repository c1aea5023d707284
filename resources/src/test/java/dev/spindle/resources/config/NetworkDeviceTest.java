package dev.spindle.resources.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spindle.resources.network.DeviceConfigSpec;
import dev.spindle.runtime.codec.ProtoSpecs;
import dev.spindle.runtime.codec.ResourceYaml;
import dev.spindle.runtime.codec.SpecMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkDeviceTest {
  static JsonNode json(String text) {
    try {
      return SpecMapper.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void readsTheSelectorFieldsAndKeepsTheRestOfTheEntry() {
    var device = NetworkDevice.of(json("""
        {"mtu": 1500, "deviceSelector": {"busPath": "0000:01*", "pciID": "1969:*", "physical": true},
         "addresses": ["192.168.5.0/24"], "vlans": [{"vlanId": 5, "mtu": 1400}]}"""));
    assertThat(device.interfaceName()).isEmpty();
    assertThat(device.deviceSelector()).isEqualTo(new DeviceSelector("0000:01*", "", "", "1969:*", "", true));
    assertThat(device.bondSelectors()).isEmpty();
    assertThat(device.tree().at("/vlans/0/mtu").asInt()).isEqualTo(1400);
  }

  @Test
  void aSelectedLinkGetsItsNameAndLosesTheSelectorInTalosFieldOrder() {
    var device = NetworkDevice.of(json("""
        {"mtu": 1500, "addresses": ["192.168.2.0/24"], "deviceSelector": {"driver": "thedriver"}}"""));
    var bound = device.forLink("eth0");
    assertThat(bound.interfaceName()).isEqualTo("eth0");
    assertThat(bound.deviceSelector()).isNull();
    assertThat(device.deviceSelector()).as("the original is unchanged").isNotNull();
    assertThat(new String((byte[]) bound.protoValue(), StandardCharsets.UTF_8))
        .isEqualTo("interface: eth0\naddresses:\n    - 192.168.2.0/24\nmtu: 1500\n");
  }

  @Test
  void bondSelectorsResolveToMemberNames() {
    var bond = NetworkDevice.of(json("""
        {"interface": "bond0", "bond": {"mode": "balance-rr",
          "deviceSelectors": [{"permanentAddr": "00:*"}, {"permanentAddr": "01:*"}]}}"""));
    assertThat(bond.bondSelectors()).containsExactly(DeviceSelector.ofPermanentAddr("00:*"),
        DeviceSelector.ofPermanentAddr("01:*"));
    var resolved = bond.withBondInterfaces(List.of("eth3", "eth4"));
    assertThat(resolved.bondInterfaces()).containsExactly("eth3", "eth4");
    assertThat(resolved.bondSelectors()).isEmpty();
    assertThat(resolved.tree().at("/bond/mode").asText()).isEqualTo("balance-rr");
    assertThat(resolved.tree().get("bond").fieldNames()).toIterable().containsExactly("interfaces", "mode");
  }

  @Test
  void theSpecPrintsAsTalosDoesAndReadsBack() {
    var spec = new DeviceConfigSpec(NetworkDevice.of(json("""
        {"interface": "eth0", "mtu": 1500, "dhcp": true}""")));
    String yaml = ResourceYaml.encodeSpec(spec);
    assertThat(yaml).isEqualTo("device:\n    interface: eth0\n    mtu: 1500\n    dhcp: true\n");
    assertThat(ResourceYaml.decodeSpec(yaml, DeviceConfigSpec.class)).isEqualTo(spec);
    byte[] proto = ProtoSpecs.encode(spec);
    assertThat(proto[0]).as("field 1, length-delimited").isEqualTo((byte) 0x0a);
    assertThat(new String(proto, 2, proto.length - 2, StandardCharsets.UTF_8))
        .isEqualTo("interface: eth0\nmtu: 1500\ndhcp: true\n");
  }

  @Test
  void theTextFormNamesTheLinkButNoSecret() {
    var device = NetworkDevice.of(json("""
        {"interface": "wg0", "wireguard": {"privateKey": "c2VjcmV0"}}"""));
    assertThat(device.toString()).contains("wg0").doesNotContain("c2VjcmV0");
  }

  @Test
  void aSelectorPrintsItsSetFieldsLikeTalosLogs() {
    assertThat(new DeviceSelector("", "", "", "", "virtio*", true).toString()).isEqualTo("{driver: virtio*, physical: true}");
    assertThat(new DeviceSelector(null, null, null, null, null, null).isEmpty()).isTrue();
    assertThat(DeviceSelector.ofPhysical(false).isEmpty()).isFalse();
  }
}
