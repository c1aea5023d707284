package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.network.linux.LinuxRtnetlink;
import dev.spindle.platform.sysfs.DeviceNode;
import dev.spindle.platform.sysfs.FakeSysfs;
import dev.spindle.platform.sysfs.NetDeviceFacts;
import dev.spindle.resources.network.LinkNameStatus;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.runtime.testing.ControllerHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real rename: {@link LinkRenameController} with {@link LinuxRtnetlink} in a fresh network namespace. A namespace
 * has no PCI NICs, so a veth stands in for one: a {@link FakeSysfs} following the namespace's links says it is a NIC
 * at PCI {@code 0000:00:05.0} with a kernel-enumerated name, and the kernel must end up calling it {@code enp0s5}.
 */
class LinkRenameControllerNamespaceTest {
  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with();

  private Netns ns;
  private LinuxRtnetlink rtnl;

  @BeforeEach
  void createNamespace() throws Exception {
    ns = Netns.create("renaming a link in a network namespace");
    rtnl = LinuxRtnetlink.inNamespace(ns.path());
  }

  @AfterEach
  void deleteNamespace() throws Exception {
    h.runtime().close(); // the controllers stop before the socket they use closes
    try {
      if (rtnl != null) {
        rtnl.close();
      }
    } finally {
      if (ns != null) {
        ns.close();
      }
    }
  }

  @Test
  void theKernelsLinkGetsItsPredictableNameWhileUp() throws Exception {
    ns.ip("link", "add", "veth-nic", "type", "veth", "peer", "name", "veth-peer");
    ns.ip("link", "set", "veth-nic", "up");
    LinkMessage nic = rtnl.link("veth-nic");
    FakeSysfs sysfs = FakeSysfs.following(FakeSysfs.LinkIndex.of(rtnl));
    var pci = new DeviceNode("0000:00:05.0", "pci", "", Map.of(), false);
    sysfs.put(new NetDeviceFacts("veth-nic", nic.index(), nic.index(), 1, "", "02:00:00:00:00:05", 0, 1, 0, 0, "",
        List.of(pci), List.of(), "e1000e", "8086:10D3", "0000:00:05.0"));

    h.create(MachineConfigs.cmdline("console=ttyS0"));
    h.register(new LinkStatusController(rtnl, sysfs));
    h.register(new LinkNameStatusController(sysfs));
    h.register(new LinkRenameController(rtnl));

    await().atMost(Duration.ofSeconds(10)).until(() -> ns.tryIp("link", "show", "enp0s5"));
    String shown = ns.ip("-d", "link", "show", "enp0s5");
    assertThat(shown).as("renamed while up").contains("enp0s5@veth-peer: <").contains(",UP,").contains("veth");
    assertThat(ns.tryIp("link", "show", "veth-nic")).isFalse();
    assertThat(rtnl.link("enp0s5").index()).isEqualTo(nic.index());
    h.awaitSpec(LinkStatus.DEFINITION, "enp0s5", s -> assertThat(s.index()).isEqualTo(nic.index()));
    h.awaitSpec(LinkNameStatus.DEFINITION, "enp0s5", s -> {
      assertThat(s.nameAssignType()).isEqualTo("renamed");
      assertThat(s.policy()).isEqualTo("keep");
    });
    assertThat(rtnl.link("veth-peer").index()).as("the peer has no device: not renamed").isPositive();
  }
}
