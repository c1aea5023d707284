package dev.spindle.platform.sysfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.platform.sysfs.linux.LinuxSysfs;
import java.io.StringReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LinkStatus hardware facts from fixture sysfs trees: a PCI NIC, a virtio NIC, a USB NIC, a virtual link. */
class DriverInfoSysfsTest {
  private static final String PCI_IDS = """
      # comment
      1af4  Red Hat, Inc.
      \t1000  Virtio network device
      \t1041  Virtio 1.0 network device
      \t\t1af4 1100  QEMU Virtual Machine
      8086  Intel Corporation
      \t10d3  82574L Gigabit Network Connection
      C 02  Network controller
      \t00  Ethernet controller
      """;

  @TempDir
  Path root;

  private LinuxSysfs sysfs() throws Exception {
    return new LinuxSysfs(root, PciIds.parse(new StringReader(PCI_IDS)));
  }

  @Test
  void aPciNicHasItsDriverAddressIdsAndNames() throws Exception {
    String nic = "pci0000:00/0000:00:1c.0/0000:02:00.0";
    new SysfsFixture(root).device("pci0000:00", "").pci(nic, false)
        .uevent(nic, "DRIVER=e1000e\nPCI_CLASS=20000\nPCI_ID=8086:10D3\nPCI_SLOT_NAME=0000:02:00.0\n")
        .driver(nic, "pci", "e1000e").pciIds(nic, "0x8086", "0x10d3").moduleVersion("e1000e", "3.2.6-k")
        .net(nic, "eth0", 2);
    NetDeviceFacts f = sysfs().netDevice("eth0").orElseThrow();
    assertThat(f.busPath()).isEqualTo("0000:02:00.0");
    assertThat(f.pciId()).isEqualTo("8086:10D3");
    assertThat(f.driverInfo()).isEqualTo(new DriverInfo("e1000e", "3.2.6-k", "", "0000:02:00.0"));
    assertThat(f.pci()).isEqualTo(new PciIdentity(0x8086, 0x10d3, "Intel Corporation",
        "82574L Gigabit Network Connection"));
  }

  @Test
  void aVirtioNicReportsThePciFunctionAboveItAsEthtoolDoes() throws Exception {
    // the layout of this machine's own eth0: devices/pci0000:00/0000:00:03.0/virtio2/net/eth0
    String pci = "pci0000:00/0000:00:03.0";
    String virtio = pci + "/virtio2";
    new SysfsFixture(root).device("pci0000:00", "").pci(pci, false).pciIds(pci, "0x1af4", "0x1041")
        .uevent(pci, "DRIVER=virtio-pci\nPCI_ID=1AF4:1041\nPCI_SLOT_NAME=0000:00:03.0\n")
        .device(virtio, "virtio").uevent(virtio, "DRIVER=virtio_net\nMODALIAS=virtio:d00000001v00001AF4\n")
        .driver(virtio, "virtio", "virtio_net").net(virtio, "eth0", 2);
    NetDeviceFacts f = sysfs().netDevice("eth0").orElseThrow();
    assertThat(f.driver()).isEqualTo("virtio_net");
    assertThat(f.pciId()).as("the virtio device's uevent has no PCI_ID, as Talos reads it").isEmpty();
    assertThat(f.busPath()).isEmpty();
    assertThat(f.driverInfo()).isEqualTo(new DriverInfo("virtio_net", "", "", "0000:00:03.0"));
    assertThat(f.pci()).isEqualTo(new PciIdentity(0x1af4, 0x1041, "Red Hat, Inc.", "Virtio 1.0 network device"));
  }

  @Test
  void aUsbNicIsNoPciDeviceEvenBelowAPciController() throws Exception {
    String usb = "pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0";
    new SysfsFixture(root).device("pci0000:00", "").pci("pci0000:00/0000:00:14.0", false)
        .pciIds("pci0000:00/0000:00:14.0", "0x8086", "0xa36d")
        .device(usb, "usb", "DEVTYPE=usb_interface").driver(usb, "usb", "cdc_ether").net(usb, "usb0", 5);
    NetDeviceFacts f = sysfs().netDevice("usb0").orElseThrow();
    assertThat(f.driverInfo()).isEqualTo(new DriverInfo("cdc_ether", "", "", "2-1:1.0"));
    assertThat(f.pci()).as("not the USB controller's ids").isNull();
  }

  @Test
  void aVirtualLinkHasNone() throws Exception {
    new SysfsFixture(root).net(null, "veth0", 7);
    NetDeviceFacts f = sysfs().netDevice("veth0").orElseThrow();
    assertThat(f.driverInfo()).isEqualTo(DriverInfo.EMPTY);
    assertThat(f.pci()).isNull();
  }

  @Test
  void withoutADatabaseTheIdsStayAndTheNamesAreEmpty() throws Exception {
    String nic = "pci0000:00/0000:00:02.0";
    new SysfsFixture(root).device("pci0000:00", "").pci(nic, false).pciIds(nic, "0x8086", "0x10d3")
        .uevent(nic, "PCI_SLOT_NAME=0000:00:02.0\n").net(nic, "eth0", 2);
    assertThat(new LinuxSysfs(root).netDevice("eth0").orElseThrow().pci())
        .isEqualTo(new PciIdentity(0x8086, 0x10d3, "", ""));
    PciIds ids = PciIds.parse(new StringReader(PCI_IDS));
    assertThat(ids.vendor(0x1af4)).contains("Red Hat, Inc.");
    assertThat(ids.product(0x1af4, 0x1100)).as("subsystem lines are not devices").isEmpty();
    assertThat(ids.product(0x8086, 0x1000)).isEmpty();
    assertThat(ids.vendor(0x02)).as("the class section is not read").isEmpty();
  }

  @Test
  void theNodesOwnVirtioAndPciNicsReadFromTheRealSysfs() throws Exception {
    Path net = Path.of("/sys/class/net");
    if (!java.nio.file.Files.isDirectory(net)) {
      return; // no sysfs here: the fixture trees above cover the reader
    }
    try (var names = java.nio.file.Files.list(net)) {
      for (Path p : names.toList()) {
        var facts = LinuxSysfs.system().netDevice(p.getFileName().toString());
        if (facts.isEmpty() || facts.get().ancestors().isEmpty()) {
          continue; // gone since the listing, or virtual
        }
        String parent = facts.get().ancestors().getFirst().subsystem();
        if (parent.equals("virtio") || parent.equals("pci")) {
          assertThat(facts.get().driverInfo().busInfo()).as(p.toString()).matches("[0-9a-f]{4}:[0-9a-f]{2}:.*");
          assertThat(facts.get().pci()).as(p.toString()).isNotNull();
          assertThat(facts.get().driverInfo().driver()).as(p.toString()).isNotEmpty();
        }
      }
    }
  }
}
