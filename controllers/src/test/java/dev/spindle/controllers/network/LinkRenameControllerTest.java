package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.MachineConfigs.cmdline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spindle.platform.network.FakeRtnetlink;
import dev.spindle.platform.network.Iff;
import dev.spindle.platform.network.Ifa;
import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.sysfs.DeviceNode;
import dev.spindle.platform.sysfs.FakeSysfs;
import dev.spindle.platform.sysfs.NetDeviceFacts;
import dev.spindle.resources.network.LinkNameStatus;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.runtime.KernelCmdline;
import dev.spindle.runtime.testing.ControllerHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The simulated node's kernel and sysfs with the three controllers that name links: the link statuses, their
 * predictable names, and the renames. The controllers are registered by each test, after the inputs it needs first.
 */
class LinkRenameControllerTest {
  private final FakeRtnetlink kernel = FakeRtnetlink.simulatedNode();
  private final FakeSysfs sysfs = FakeSysfs.simulatedNode(kernel);

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with();

  private void start() {
    if (h.state().find(KernelCmdline.DEFINITION.pointer(KernelCmdline.ID)).isEmpty()) {
      h.create(cmdline("console=ttyS0 talos.platform=metal"));
    }
    startWithoutCmdline();
  }

  private void startWithoutCmdline() {
    h.register(new LinkStatusController(kernel, sysfs));
    h.register(new LinkNameStatusController(sysfs));
    h.register(new LinkRenameController(kernel));
  }

  private List<String> names() throws Exception {
    return kernel.links().stream().map(LinkMessage::name).toList();
  }

  private void awaitNames(String... names) {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(names()).containsExactly(names));
  }

  private double count(String metric) {
    var counter = h.registry().find(metric).tag("controller", "network.LinkRenameController").counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void theSimulatedNicsGetTheirPciPathNamesAndKeepThemAndTheirAltnames() throws Exception {
    start();
    awaitNames("lo", "enp0s2", "enp0s3");
    h.awaitSpec(LinkNameStatus.DEFINITION, "enp0s2", s -> {
      assertThat(s.nameAssignType()).as("the kernel marks a rename").isEqualTo("renamed");
      assertThat(s.policy()).isEqualTo("keep");
      assertThat(s.name()).isEqualTo("enp0s2");
      assertThat(s.device()).isEqualTo("virtio0");
    });
    h.awaitNoResource(LinkStatus.DEFINITION.pointer("eth0"));
    h.awaitNoResource(LinkNameStatus.DEFINITION.pointer("eth1"));
    LinkMessage enp0s2 = kernel.link("enp0s2");
    assertThat(enp0s2.index()).isEqualTo(2);
    assertThat(enp0s2.altNames()).containsExactly("enx525400123456");
    assertThat(enp0s2.hasFlags(Iff.UP)).as("renamed while up, as since Linux 6.2").isTrue();
    assertThat(kernel.addresses()).as("172.20.0.2/24 stays on the link").anyMatch(a -> a.index() == 2 && a.family() == Ifa.AF_INET);
    h.awaitSpec(LinkStatus.DEFINITION, "enp0s3", s -> assertThat(s.hardwareAddr()).hasToString("52:54:00:12:34:57"));
    assertThat(count("spindle.controller.errors")).isZero();
  }

  @Test
  void netIfnamesZeroKeepsTheKernelNamesUntilItIsTurnedOn() throws Exception {
    h.create(cmdline("console=ttyS0 net.ifnames=0"));
    start();
    h.awaitSpec(LinkNameStatus.DEFINITION, "eth0", s -> assertThat(s.enabled()).isFalse());
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(names()).containsExactly("lo", "eth0", "eth1"));

    h.updateSpec(KernelCmdline.DEFINITION, KernelCmdline.ID, new KernelCmdline("console=ttyS0 net.ifnames=1"));
    awaitNames("lo", "enp0s2", "enp0s3");
  }

  @Test
  void nothingIsRenamedBeforeTheCommandLineIsKnownNorWhenItTurnsNamingOff() throws Exception {
    startWithoutCmdline();
    h.awaitSpec(LinkNameStatus.DEFINITION, "eth0", s -> assertThat(s.enabled()).as("no cmdline: not off").isTrue());
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(names()).containsExactly("lo", "eth0", "eth1"));

    // the statuses still say enabled when the command line arrives: the command line itself must stop the renames
    h.create(cmdline("net.ifnames=0"));
    h.awaitSpec(LinkNameStatus.DEFINITION, "eth1", s -> assertThat(s.enabled()).isFalse());
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(names()).containsExactly("lo", "eth0", "eth1"));
  }

  @Test
  void onlyKernelEnumeratedNamesOfLinksOnADeviceAreRenamed() throws Exception {
    var pci = new DeviceNode("0000:05:00.0", "pci", "", Map.of(), false);
    // named by userspace (name_assign_type 3): udev's keep policy holds it
    kernel.addLink(LinkMessage.builder(10, "wan0").type(1).hardwareAddr(mac(0x10)).permanentAddr(mac(0x10)).build());
    sysfs.put(nic("wan0", 10, 3, List.of(pci), mac(0x10)));
    // a name of unknown origin (the kernel refuses to show it): udev would rename it, Spindle leaves it
    kernel.addLink(LinkMessage.builder(11, "eth9").type(1).hardwareAddr(mac(0x11)).permanentAddr(mac(0x11)).build());
    sysfs.put(nic("eth9", 11, -1, List.of(new DeviceNode("0000:06:00.0", "pci", "", Map.of(), false)), mac(0x11)));
    // a logical link with an enumerated name and a permanent MAC but no device: it has a MAC name and keeps its own
    kernel.addDummy("dummy0");
    int dummy = kernel.indexOf("dummy0").orElseThrow();
    sysfs.put(nic("dummy0", dummy, 1, List.of(), mac(0x12)));
    start();
    awaitNames("lo", "enp0s2", "enp0s3", "wan0", "eth9", "dummy0");
    h.awaitSpec(LinkNameStatus.DEFINITION, "wan0", s -> assertThat(s.policy()).isEqualTo("keep"));
    h.awaitSpec(LinkNameStatus.DEFINITION, "eth9", s -> assertThat(s.name()).isEqualTo("enp6s0"));
    h.awaitSpec(LinkNameStatus.DEFINITION, "dummy0", s -> assertThat(s.name()).isEqualTo("enx020000000012"));
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(names()).containsExactly("lo", "enp0s2", "enp0s3", "wan0", "eth9", "dummy0"));
  }

  @Test
  void aTakenNameIsAWarningNotARetryLoopAndIsTriedAgainWhenLinksChange() throws Exception {
    kernel.addDummy("enp0s2");
    start();
    awaitNames("lo", "eth0", "enp0s3", "enp0s2");
    h.awaitSpec(LinkNameStatus.DEFINITION, "eth0", s -> assertThat(s.name()).isEqualTo("enp0s2"));
    assertQuiet();

    kernel.rename("enp0s2", "spare0");
    awaitNames("lo", "enp0s2", "enp0s3", "spare0");
    assertThat(kernel.link("enp0s2").index()).isEqualTo(2);
  }

  @Test
  void aTakenNameOnAKernelBefore62DoesNotTakeTheLinkDown() throws Exception {
    kernel.refuseLiveRename();
    kernel.addDummy("enp0s2");
    start();
    awaitNames("lo", "eth0", "enp0s3", "enp0s2");
    h.awaitSpec(LinkNameStatus.DEFINITION, "eth0", s -> assertThat(s.name()).isEqualTo("enp0s2"));
    assertQuiet();
    assertThat(kernel.link("eth0").hasFlags(Iff.UP)).isTrue();
    assertThat(kernel.addresses()).as("no down/up took its IPv6 link-local address")
        .anyMatch(a -> a.index() == 2 && a.family() == Ifa.AF_INET6);
  }

  /** Neither failed reconciles nor a stream of them while nothing changes, and eth0 keeps its name and stays up. */
  private void assertQuiet() {
    double settled = count("spindle.controller.reconciles");
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      assertThat(count("spindle.controller.reconciles")).isLessThanOrEqualTo(settled + 2);
      assertThat(kernel.indexOf("eth0")).hasValue(2);
      assertThat(kernel.link("eth0").hasFlags(Iff.UP)).isTrue();
    });
    assertThat(count("spindle.controller.errors")).as("a warning, not a failed reconcile").isZero();
  }

  @Test
  void aNameThatIsAnotherLinksAltnameIsTakenToo() throws Exception {
    kernel.addLink(LinkMessage.builder(0, "other0").type(1).kind("dummy").altNames(List.of("enp0s3")).build());
    start();
    awaitNames("lo", "enp0s2", "eth1", "other0");
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(kernel.indexOf("eth1")).hasValue(3));
    assertThat(count("spindle.controller.errors")).isZero();
  }

  @Test
  void aKernelBefore62RenamesALinkThatIsUpWhileDownAndBringsItBackUp() throws Exception {
    kernel.refuseLiveRename();
    start();
    awaitNames("lo", "enp0s2", "enp0s3");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(kernel.link("enp0s2").hasFlags(Iff.UP | Iff.RUNNING)).as("up again").isTrue();
      assertThat(kernel.link("enp0s3").hasFlags(Iff.UP)).as("eth1 was down and stays so").isFalse();
    });
    assertThat(kernel.addresses()).as("IPv4 addresses survive the down")
        .anyMatch(a -> a.index() == 2 && a.family() == Ifa.AF_INET);
    assertThat(count("spindle.controller.errors")).isZero();
  }

  private static byte[] mac(int last) {
    return new byte[] {0x02, 0, 0, 0, 0, (byte) last};
  }

  private static NetDeviceFacts nic(String name, int index, int nameAssignType, List<DeviceNode> ancestors,
      byte[] mac) {
    String address = java.util.HexFormat.ofDelimiter(":").formatHex(mac);
    return new NetDeviceFacts(name, index, index, 1, "", address, 0, nameAssignType, 0, 0, "", ancestors, List.of(),
        "", "", "");
  }
}
