package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.Devices.interfaces;
import static dev.spindle.controllers.network.Links.ether;
import static dev.spindle.controllers.network.MachineConfigs.resource;
import static dev.spindle.controllers.network.MachineConfigs.v1alpha1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.network.DeviceConfigSpec;
import dev.spindle.resources.network.DeviceSelectorStatus;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.runtime.testing.ControllerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeviceConfigControllerTest {
  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new DeviceConfigController());

  private static MachineConfig config(String... entries) {
    return v1alpha1(interfaces(entries), null);
  }

  @Test
  void aSelectorFollowsTheLinksItMatches() {
    h.create(resource(config("""
        {"deviceSelector": {"driver": "virtio*"}, "mtu": 9000}""", """
        {"interface": "eth9", "dhcp": true}""")));
    h.awaitSpec(DeviceConfigSpec.DEFINITION, "eth9/001", s -> assertThat(s.device().interfaceName()).isEqualTo("eth9"));
    h.awaitSpec(DeviceSelectorStatus.DEFINITION, "000", s -> assertThat(s.matched()).isFalse());

    h.create(LinkStatus.DEFINITION, "eth0", ether().driver("virtio_net").build());
    h.awaitSpec(DeviceConfigSpec.DEFINITION, "eth0/000", s -> {
      assertThat(s.device().interfaceName()).isEqualTo("eth0");
      assertThat(s.device().deviceSelector()).isNull();
      assertThat(s.device().tree().get("mtu").asInt()).isEqualTo(9000);
    });
    h.awaitSpec(DeviceSelectorStatus.DEFINITION, "000", s -> assertThat(s.links()).containsExactly("eth0"));

    h.create(LinkStatus.DEFINITION, "eth1", ether().driver("virtio_net").build());
    h.awaitSpec(DeviceConfigSpec.DEFINITION, "eth1/000/001", s -> assertThat(s.device().interfaceName())
        .isEqualTo("eth1"));
    h.awaitNoResource(DeviceConfigSpec.DEFINITION.pointer("eth0/000"));
    assertThat(h.state().find(DeviceConfigSpec.DEFINITION.pointer("eth0/000/000"))).isPresent();

    h.destroy(LinkStatus.DEFINITION.pointer("eth0"));
    h.destroy(LinkStatus.DEFINITION.pointer("eth1"));
    h.awaitNoResource(DeviceConfigSpec.DEFINITION.pointer("eth1/000/001"));
    h.awaitSpec(DeviceSelectorStatus.DEFINITION, "000", s -> assertThat(s.matched()).isFalse());
    assertThat(h.state().list(DeviceConfigSpec.DEFINITION)).extracting(r -> r.id()).containsExactly("eth9/001");
  }

  @Test
  void removingTheEntryRemovesItsSpecAndStatus() {
    h.create(LinkStatus.DEFINITION, "eth0", ether().driver("e1000").build());
    h.create(resource(config("""
        {"deviceSelector": {"driver": "e1000"}}""")));
    h.awaitSpec(DeviceConfigSpec.DEFINITION, "eth0/000", s -> assertThat(s.device().interfaceName()).isEqualTo("eth0"));
    h.updateSpec(MachineConfig.DEFINITION, MachineConfig.ID, config());
    h.awaitNoResource(DeviceConfigSpec.DEFINITION.pointer("eth0/000"));
    h.awaitNoResource(DeviceSelectorStatus.DEFINITION.pointer("000"));
  }
}
