package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.platform.network.FakeRtnetlink;
import dev.spindle.platform.sysfs.FakeSysfs;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.runtime.testing.ControllerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** LinkStatusController with the Sysfs port: the simulated node's virtio NICs carry their device facts. */
class LinkStatusSysfsTest {
  private final FakeRtnetlink kernel = FakeRtnetlink.simulatedNode();
  private final FakeSysfs sysfs = FakeSysfs.simulatedNode();

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new LinkStatusController(kernel, sysfs));

  @Test
  void theNicsCarryDriverBusPathAndPciIdentity() {
    h.awaitSpec(LinkStatus.DEFINITION, "eth1", s -> {
      assertThat(s.driver()).isEqualTo("virtio_net");
      assertThat(s.busPath()).as("ethtool's bus-info, as Talos falls back to it").isEqualTo("0000:00:03.0");
      assertThat(s.pciId()).as("a virtio device's uevent has no PCI_ID").isEmpty();
      assertThat(s.vendorId()).isEqualTo("0x1af4");
      assertThat(s.productId()).isEqualTo("0x1000");
      assertThat(s.vendor()).isEqualTo("Red Hat, Inc.");
      assertThat(s.product()).isEqualTo("Virtio network device");
    });
    h.awaitSpec(LinkStatus.DEFINITION, "lo", s -> assertThat(s.driver()).isEmpty());
  }

  @Test
  void aLinkWithoutSysfsFactsHasNoDeviceFieldsAndANewLinkIsReadWhenItAppears() throws Exception {
    h.awaitSpec(LinkStatus.DEFINITION, "eth0", s -> assertThat(s.driver()).isEqualTo("virtio_net"));
    kernel.addDummy("dummy0");
    h.awaitSpec(LinkStatus.DEFINITION, "dummy0", s -> {
      assertThat(s.kind()).isEqualTo("dummy");
      assertThat(s.driver()).isEmpty();
      assertThat(s.busPath()).isEmpty();
    });
  }
}
