package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.Links.ether;
import static dev.spindle.controllers.network.MachineConfigs.cmdline;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.platform.sysfs.FakeSysfs;
import dev.spindle.resources.network.LinkNameStatus;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.LinkType;
import dev.spindle.resources.runtime.KernelCmdline;
import dev.spindle.runtime.testing.ControllerHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LinkNameStatusControllerTest {
  private final FakeSysfs sysfs = FakeSysfs.simulatedNode();

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new LinkNameStatusController(sysfs));

  private void simulatedLinks() {
    h.create(LinkStatus.DEFINITION, "lo", LinkStatus.builder().type(LinkType.LOOPBACK).build());
    h.create(LinkStatus.DEFINITION, "eth0", ether().build());
    h.create(LinkStatus.DEFINITION, "eth1", ether().build());
  }

  @Test
  void theSimulatedVirtioNicsGetTheirPciPathNames() {
    simulatedLinks();
    h.awaitSpec(LinkNameStatus.DEFINITION, "eth0", s -> assertThat(s).isEqualTo(new LinkNameStatus("", "", "enp0s2",
        "enx525400123456", "enp0s2", "path", List.of("enx525400123456"), true, "enum", "virtio0")));
    h.awaitSpec(LinkNameStatus.DEFINITION, "eth1", s -> assertThat(s.name()).isEqualTo("enp0s3"));
    assertThat(h.state().find(LinkNameStatus.DEFINITION.pointer("lo"))).as("loopback is not named").isEmpty();
  }

  @Test
  void netIfnamesZeroTurnsThePolicyOffAndTheLastValueCounts() {
    h.create(cmdline("console=ttyS0 net.ifnames=0"));
    simulatedLinks();
    h.awaitSpec(LinkNameStatus.DEFINITION, "eth0", s -> {
      assertThat(s.enabled()).isFalse();
      assertThat(s.name()).isEmpty();
      assertThat(s.path()).isEqualTo("enp0s2");
      assertThat(s.alternativeNames()).containsExactly("enp0s2", "enx525400123456");
    });
    h.updateSpec(KernelCmdline.DEFINITION, KernelCmdline.ID, new KernelCmdline("net.ifnames=0 net.ifnames=1"));
    h.awaitSpec(LinkNameStatus.DEFINITION, "eth0", s -> assertThat(s.name()).isEqualTo("enp0s2"));
  }

  @Test
  void aLinkThatGoesAwayLosesItsStatus() {
    simulatedLinks();
    h.awaitSpec(LinkNameStatus.DEFINITION, "eth1", s -> assertThat(s.enabled()).isTrue());
    sysfs.remove("eth1");
    h.destroy(LinkStatus.DEFINITION.pointer("eth1"));
    h.awaitNoResource(LinkNameStatus.DEFINITION.pointer("eth1"));
    assertThat(h.state().find(LinkNameStatus.DEFINITION.pointer("eth0"))).isPresent();
  }

  @Test
  void theCmdlineSwitchReadsAsSystemdReadsABoolean() {
    assertThat(LinkNameStatusController.enabled("")).isTrue();
    assertThat(LinkNameStatusController.enabled("net.ifnames=0")).isFalse();
    assertThat(LinkNameStatusController.enabled("net.ifnames=off")).isFalse();
    assertThat(LinkNameStatusController.enabled("net.ifnames=bogus")).as("ignored, as systemd does").isTrue();
    assertThat(LinkNameStatusController.enabled("net.ifnames=0 net.ifnames")).isTrue();
  }
}
