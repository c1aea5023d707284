package dev.spindle.platform.sysfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.platform.sysfs.linux.LinuxSysfs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinuxSysfsTest {
  @TempDir
  Path root;

  @Test
  void readsTheFactsAndTheDeviceChainOfAnInterface() throws Exception {
    new SysfsFixture(root).device("pci0000:00", "")
        .pci("pci0000:00/0000:00:1c.0/0000:02:00.1", true, "acpi_index=3", "label=NIC 2")
        .net("pci0000:00/0000:00:1c.0/0000:02:00.1", "eth1", 3, "address=78:e7:d1:ea:46:dc", "addr_assign_type=0",
            "name_assign_type=1", "dev_port=0", "dev_id=0x1")
        .slot("2", "0000:02:00");
    Files.writeString(root.resolve("devices/pci0000:00/0000:00:1c.0/0000:02:00.1/uevent"),
        "DRIVER=e1000e\nPCI_CLASS=20000\nPCI_ID=8086:10D3\nPCI_SLOT_NAME=0000:02:00.1\n");
    NetDeviceFacts f = new LinuxSysfs(root).netDevice("eth1").orElseThrow();
    assertThat(f.ifindex()).isEqualTo(3);
    assertThat(f.iflink()).isEqualTo(3);
    assertThat(f.type()).isEqualTo(1);
    assertThat(f.address()).isEqualTo("78:e7:d1:ea:46:dc");
    assertThat(f.addrAssignType()).isZero();
    assertThat(f.nameAssignType()).isEqualTo(1);
    assertThat(f.devId()).isEqualTo(1);
    assertThat(f.physPortName()).isEmpty();
    assertThat(f.ancestors()).extracting(DeviceNode::sysname).as("0000:00:1c.0 has no uevent in this tree")
        .containsExactly("0000:02:00.1", "pci0000:00");
    DeviceNode pci = f.ancestors().get(0);
    assertThat(pci.subsystem()).isEqualTo("pci");
    assertThat(pci.multifunction()).isTrue();
    assertThat(pci.attribute("acpi_index")).contains("3");
    assertThat(pci.attribute("label")).contains("NIC 2");
    assertThat(f.pciSlots()).containsExactly(new PciSlot("2", "0000:02:00"));
    assertThat(f.driver()).isEqualTo("e1000e");
    assertThat(f.pciId()).isEqualTo("8086:10D3");
    assertThat(f.busPath()).isEqualTo("0000:02:00.1");
  }

  @Test
  void anUnknownLinkHasNoFactsAndNamesCannotEscapeTheTree() {
    assertThat(new LinuxSysfs(root).netDevice("eth9")).isEmpty();
    assertThat(new LinuxSysfs(root).netDevice("../..")).isEmpty();
    assertThat(new LinuxSysfs(root).netDevice("")).isEmpty();
  }

  @Test
  void theNodesOwnLoopbackReadsFromTheRealSysfs() {
    if (!Files.isDirectory(Path.of("/sys/class/net/lo"))) {
      return; // no sysfs in this sandbox: the fixture tests above cover the reader
    }
    NetDeviceFacts lo = LinuxSysfs.system().netDevice("lo").orElseThrow();
    assertThat(lo.type()).isEqualTo(772);
    assertThat(lo.ancestors()).isEmpty();
    assertThat(PredictableNames.compute(lo)).isEmpty();
  }

  @Test
  void everyInterfaceOfTheRealSysfsReadsAndNames() throws Exception {
    Path net = Path.of("/sys/class/net");
    if (!Files.isDirectory(net)) {
      return;
    }
    try (var names = Files.list(net)) {
      for (Path p : names.toList()) {
        String name = p.getFileName().toString();
        var facts = LinuxSysfs.system().netDevice(name);
        if (facts.isEmpty()) {
          continue; // gone since the listing
        }
        var computed = PredictableNames.compute(facts.get());
        boolean virtioOrPci = facts.get().ancestors().stream().anyMatch(d -> d.subsystem().equals("pci"));
        if (computed.isPresent() && virtioOrPci && facts.get().type() == 1) {
          assertThat(computed.get().path()).as(name).startsWith("en");
        }
      }
    }
  }
}
