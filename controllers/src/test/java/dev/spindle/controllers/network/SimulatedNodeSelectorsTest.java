package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.Devices.interfaces;
import static dev.spindle.controllers.network.MachineConfigs.resource;
import static dev.spindle.controllers.network.MachineConfigs.v1alpha1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.platform.network.FakeRtnetlink;
import dev.spindle.platform.sysfs.FakeSysfs;
import dev.spindle.resources.network.DeviceConfigSpec;
import dev.spindle.resources.network.DeviceSelectorStatus;
import dev.spindle.resources.network.LinkNameStatus;
import dev.spindle.runtime.testing.ControllerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The simulated node end to end: kernel links → LinkStatus → selectors bound and names computed. */
class SimulatedNodeSelectorsTest {
  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new LinkStatusController(FakeRtnetlink.simulatedNode()),
      new DeviceConfigController(), new LinkNameStatusController(FakeSysfs.simulatedNode()));

  @Test
  void aQemuMacSelectorBindsBothNicsAndEachGetsItsPathName() {
    h.create(resource(v1alpha1(interfaces("""
        {"deviceSelector": {"hardwareAddr": "52:54:00:*", "physical": true}, "mtu": 1450}""", """
        {"deviceSelector": {"permanentAddr": "52:54:00:12:34:57"}, "dhcp": true}""", """
        {"deviceSelector": {"driver": "e1000*"}, "dhcp": true}"""), null)));

    h.awaitSpec(DeviceConfigSpec.DEFINITION, "eth0/000/000", s -> assertThat(s.device().interfaceName())
        .isEqualTo("eth0"));
    h.awaitSpec(DeviceConfigSpec.DEFINITION, "eth1/000/001", s -> assertThat(s.device().tree().get("mtu").asInt())
        .isEqualTo(1450));
    h.awaitSpec(DeviceConfigSpec.DEFINITION, "eth1/001", s -> assertThat(s.device().tree().get("dhcp").asBoolean())
        .isTrue());
    h.awaitSpec(DeviceSelectorStatus.DEFINITION, "002", s -> {
      assertThat(s.matched()).isFalse();
      assertThat(s.config()).isEqualTo("machine.network.interfaces[2].deviceSelector");
    });
    h.awaitSpec(LinkNameStatus.DEFINITION, "eth0", s -> assertThat(s.name()).isEqualTo("enp0s2"));
    h.awaitSpec(LinkNameStatus.DEFINITION, "eth1", s -> assertThat(s.alternativeNames())
        .containsExactly("enx525400123457"));
    assertThat(h.state().list(DeviceConfigSpec.DEFINITION)).hasSize(3);
  }
}
