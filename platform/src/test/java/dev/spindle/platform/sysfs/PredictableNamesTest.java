package dev.spindle.platform.sysfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.platform.sysfs.linux.LinuxSysfs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixture sysfs trees read by {@link LinuxSysfs}, named by {@link PredictableNames} and {@link NamePolicy} with
 * Talos's {@code 99-default.link}. Expected names are the examples of systemd.net-naming-scheme(7) and the
 * {@code net_id} source (the reference's §3.2 table); the rest follow the same rules.
 */
class PredictableNamesTest {
  private static final String BRIDGE = "modalias=pci:v00008086d00009D14sv00000000sd00000000bc06sc04i00";

  @TempDir
  Path root;
  private SysfsFixture sys;

  @BeforeEach
  void tree() {
    sys = new SysfsFixture(root).device("pci0000:00", "");
  }

  private NetDeviceFacts facts(String name) {
    return new LinuxSysfs(root).netDevice(name).orElseThrow();
  }

  private NetNames names(String name) {
    return PredictableNames.compute(facts(name)).orElseThrow();
  }

  private NamePolicy.Outcome talos(String name, boolean predictable) {
    NetDeviceFacts f = facts(name);
    return NamePolicy.apply(f, PredictableNames.compute(f).orElseThrow(), NamePolicy.TALOS_NAME_POLICY,
        NamePolicy.TALOS_ALTERNATIVE_NAMES_POLICY, predictable);
  }

  private static String mac(String address) {
    return "address=" + address;
  }

  @Test
  void anOnboardNicIsNamedByItsFirmwareIndex() {
    sys.pci("pci0000:00/0000:00:19.0", false, "acpi_index=1", "label=Onboard LAN")
        .net("pci0000:00/0000:00:19.0", "eth0", 2, mac("00:11:22:33:44:55"), "addr_assign_type=0",
            "name_assign_type=1");
    assertThat(names("eth0")).isEqualTo(new NetNames("eno1", "", "enp0s25", "enx001122334455"));
    var outcome = talos("eth0", true);
    assertThat(outcome.name()).isEqualTo("eno1");
    assertThat(outcome.policy()).isEqualTo(NamePolicy.ONBOARD);
    assertThat(outcome.alternativeNames()).containsExactly("enp0s25", "enx001122334455");
  }

  @Test
  void theSmbiosIndexServesWhenThereIsNoAcpiIndexAndAZeroIndexCounts() {
    sys.pci("pci0000:00/0000:00:19.0", false, "index=0")
        .net("pci0000:00/0000:00:19.0", "eth0", 2, mac("00:11:22:33:44:55"), "addr_assign_type=0", "dev_port=1");
    assertThat(names("eth0").onboard()).isEqualTo("eno0d1");
    assertThat(names("eth0").path()).isEqualTo("enp0s25d1");
  }

  @Test
  void aRubbishFirmwareIndexIsIgnored() {
    sys.pci("pci0000:00/0000:00:19.0", false, "acpi_index=16777215")
        .net("pci0000:00/0000:00:19.0", "eth0", 2, mac("00:11:22:33:44:55"), "addr_assign_type=0");
    assertThat(names("eth0").onboard()).isEmpty();
  }

  @Test
  void aHotplugSlotNicIsNamedBySlotThenPathThenMac() {
    sys.device("pci0000:00/0000:00:1c.3", "pci", BRIDGE)
        .pci("pci0000:00/0000:00:1c.3/0000:05:00.0", false)
        .net("pci0000:00/0000:00:1c.3/0000:05:00.0", "eth0", 2, mac("00:00:00:00:04:66"), "addr_assign_type=0",
            "name_assign_type=1")
        .slot("1", "0000:05:00");
    assertThat(names("eth0")).isEqualTo(new NetNames("", "ens1", "enp5s0", "enx000000000466"));
    assertThat(talos("eth0", true).name()).isEqualTo("ens1");
  }

  @Test
  void aSlotOfTheUpstreamBridgeIsNotUsedForASingleFunctionDevice() {
    sys.device("pci0000:00/0000:00:1c.3", "pci", BRIDGE)
        .pci("pci0000:00/0000:00:1c.3/0000:05:00.0", false)
        .net("pci0000:00/0000:00:1c.3/0000:05:00.0", "eth0", 2, mac("00:00:00:00:04:66"), "addr_assign_type=0")
        .slot("7", "0000:00:1c");
    assertThat(names("eth0").slot()).isEmpty();
    assertThat(talos("eth0", true).name()).isEqualTo("enp5s0");
  }

  @Test
  void aSlotFoundUpThePciParentsNamesAMultiFunctionDevice() {
    sys.device("pci0000:00/0000:00:1c.3", "pci", BRIDGE)
        .pci("pci0000:00/0000:00:1c.3/0000:05:00.1", true)
        .net("pci0000:00/0000:00:1c.3/0000:05:00.1", "eth1", 3, mac("00:00:00:00:04:67"), "addr_assign_type=0")
        .slot("7", "0000:00:1c");
    assertThat(names("eth1").slot()).isEqualTo("ens7f1");
  }

  @Test
  void functionsOfAMultiFunctionCardAreNamedByPath() {
    sys.device("pci0000:00/0000:00:1c.0", "pci", BRIDGE)
        .pci("pci0000:00/0000:00:1c.0/0000:02:00.0", true)
        .pci("pci0000:00/0000:00:1c.0/0000:02:00.1", true)
        .net("pci0000:00/0000:00:1c.0/0000:02:00.0", "eth0", 2, mac("78:e7:d1:ea:46:da"), "addr_assign_type=0",
            "name_assign_type=1")
        .net("pci0000:00/0000:00:1c.0/0000:02:00.1", "eth1", 3, mac("78:e7:d1:ea:46:dc"), "addr_assign_type=0",
            "name_assign_type=1");
    assertThat(names("eth0")).isEqualTo(new NetNames("", "", "enp2s0f0", "enx78e7d1ea46da"));
    assertThat(names("eth1")).isEqualTo(new NetNames("", "", "enp2s0f1", "enx78e7d1ea46dc"));
    assertThat(talos("eth0", true).name()).isEqualTo("enp2s0f0");
    assertThat(talos("eth1", true).alternativeNames()).containsExactly("enx78e7d1ea46dc");
  }

  @Test
  void pciNumbersArePrintedInDecimal() {
    sys.pci("pci0000:00/0000:00:1f.6", false)
        .net("pci0000:00/0000:00:1f.6", "eth0", 2, mac("54:ee:75:cb:1d:c0"), "addr_assign_type=0");
    assertThat(names("eth0")).isEqualTo(new NetNames("", "", "enp0s31f6", "enx54ee75cb1dc0"));
  }

  @Test
  void wlanAndInfinibandHaveTheirOwnPrefixesAndInfinibandNoMacName() {
    sys.pci("pci0000:00/0000:00:1c.1/0000:03:00.0", false)
        .net("pci0000:00/0000:00:1c.1/0000:03:00.0", "wlan0", 2, "DEVTYPE=wlan", mac("00:24:d7:e3:11:30"),
            "addr_assign_type=0")
        .pci("pci0000:00/0000:00:03.0/0000:15:00.0", true)
        .pci("pci0000:00/0000:00:03.0/0000:15:00.1", true)
        .net("pci0000:00/0000:00:03.0/0000:15:00.0", "ib0", 3, "type=32", "addr_assign_type=0",
            mac("80:00:02:08:fe:80:00:00:00:00:00:00:f4:52:14:03:00:7b:cb:a1"))
        .net("pci0000:00/0000:00:03.0/0000:15:00.1", "ib1", 4, "type=32", "addr_assign_type=0");
    assertThat(names("wlan0")).isEqualTo(new NetNames("", "", "wlp3s0", "wlx0024d7e31130"));
    assertThat(names("ib0")).isEqualTo(new NetNames("", "", "ibp21s0f0", ""));
    assertThat(names("ib1").path()).isEqualTo("ibp21s0f1");
  }

  @Test
  void aVirtioNicIsNamedAfterThePciDeviceAboveTheVirtioBus() {
    sys.pci("pci0000:00/0000:00:03.0", false)
        .device("pci0000:00/0000:00:03.0/virtio0", "virtio")
        .net("pci0000:00/0000:00:03.0/virtio0", "eth0", 2, mac("52:54:00:12:34:56"), "addr_assign_type=0",
            "name_assign_type=1");
    assertThat(names("eth0")).isEqualTo(new NetNames("", "", "enp0s3", "enx525400123456"));
    assertThat(talos("eth0", true).name()).isEqualTo("enp0s3");
  }

  @Test
  void usbDevicesOnAPciHostControllerAppendTheirPortChain() {
    String hub = "pci0000:00/0000:00:1d.0/usb2/2-1";
    sys.pci("pci0000:00/0000:00:1d.0", false)
        .device("pci0000:00/0000:00:1d.0/usb2", "usb", "DEVTYPE=usb_device")
        .device(hub, "usb", "DEVTYPE=usb_device")
        .device(hub + "/2-1.4", "usb", "DEVTYPE=usb_device")
        .device(hub + "/2-1.4/2-1.4:1.6", "usb", "DEVTYPE=usb_interface")
        .net(hub + "/2-1.4/2-1.4:1.6", "wwan0", 2, "DEVTYPE=wwan", mac("02:80:37:ec:02:00"), "addr_assign_type=0")
        .device(hub + "/2-1.2", "usb", "DEVTYPE=usb_device")
        .device(hub + "/2-1.2/2-1.2:1.0", "usb", "DEVTYPE=usb_interface")
        .net(hub + "/2-1.2/2-1.2:1.0", "usb0", 3, mac("d6:26:b3:45:0f:b5"), "addr_assign_type=0");
    assertThat(names("wwan0")).isEqualTo(new NetNames("", "", "wwp0s29u1u4i6", "wwx028037ec0200"));
    assertThat(names("usb0")).isEqualTo(new NetNames("", "", "enp0s29u1u2", "enxd626b3450fb5"));
    assertThat(talos("usb0", true).name()).isEqualTo("enp0s29u1u2");
  }

  @Test
  void aUsbDeviceOnAnOnChipHostUsesThePortChainAlone() {
    sys.device("platform", "")
        .device("platform/soc", "")
        .device("platform/soc/usb1", "usb", "DEVTYPE=usb_device")
        .device("platform/soc/usb1/1-1", "usb", "DEVTYPE=usb_device")
        .device("platform/soc/usb1/1-1/1-1:2.1", "usb", "DEVTYPE=usb_interface")
        .net("platform/soc/usb1/1-1/1-1:2.1", "eth0", 2, mac("00:11:22:aa:bb:cc"), "addr_assign_type=0");
    assertThat(names("eth0")).isEqualTo(new NetNames("", "", "enu1c2i1", "enx001122aabbcc"));
  }

  @Test
  void aDeviceWithNoLocationIsNamedByItsPermanentMac() {
    sys.device("platform", "platform")
        .device("platform/1c30000.ethernet", "platform")
        .net("platform/1c30000.ethernet", "eth0", 2, mac("00:11:22:aa:bb:cc"), "addr_assign_type=0",
            "name_assign_type=1");
    assertThat(names("eth0")).isEqualTo(new NetNames("", "", "", "enx001122aabbcc"));
    assertThat(talos("eth0", true)).isEqualTo(new NamePolicy.Outcome("enx001122aabbcc", NamePolicy.MAC, List.of()));
  }

  @Test
  void anS390CcwGroupDeviceIsNamedByItsBusId() {
    sys.device("css0", "")
        .device("css0/0.0.f5f0", "ccwgroup")
        .net("css0/0.0.f5f0", "eth0", 2, mac("02:6d:3c:00:00:0a"), "addr_assign_type=0", "name_assign_type=1");
    assertThat(names("eth0")).isEqualTo(new NetNames("", "", "encf5f0", "enx026d3c00000a"));
    assertThat(talos("eth0", true).name()).isEqualTo("encf5f0");
  }

  @Test
  void aRandomMacGivesNoMacName() {
    sys.net(null, "br0", 5, mac("02:42:ac:11:00:02"), "addr_assign_type=3", "name_assign_type=3");
    assertThat(names("br0")).isEqualTo(NetNames.NONE);
    var outcome = talos("br0", true);
    assertThat(outcome.name()).isEqualTo("br0");
    assertThat(outcome.policy()).as("a name userspace gave is kept").isEqualTo(NamePolicy.KEEP);
  }

  @Test
  void stackedAndNonEthernetInterfacesAreNotNamed() {
    sys.net(null, "vlan5", 6, "iflink=2")
        .net(null, "lo", 1, "type=772");
    // a later attribute overrides the fixture's iflink default
    assertThat(PredictableNames.compute(facts("vlan5"))).isEmpty();
    assertThat(PredictableNames.compute(facts("lo"))).isEmpty();
  }

  @Test
  void portNamesDomainsAndAriFunctions() {
    sys.device("pci0001:00", "")
        .pci("pci0001:00/0001:00:02.0", false)
        .net("pci0001:00/0001:00:02.0", "eth0", 2, "phys_port_name=p1", mac("00:11:22:33:44:55"), "addr_assign_type=1")
        .pci("pci0000:00/0000:00:01.0/0000:81:01.2", false, "ari_enabled=1")
        .net("pci0000:00/0000:00:01.0/0000:81:01.2", "eth1", 3, "phys_port_name=pf0vf3");
    assertThat(names("eth0")).isEqualTo(new NetNames("", "", "enP1p0s2np1", ""));
    assertThat(names("eth1").path()).as("ARI: function = slot * 8 + function; a VF representor port").isEqualTo(
        "enp129s1f10r3");
  }

  @Test
  void theKernelsOwnPredictableNameIsKeptAndRenamingCanBeTurnedOff() {
    sys.pci("pci0000:00/0000:00:03.0", false)
        .net("pci0000:00/0000:00:03.0", "eth0", 2, mac("52:54:00:12:34:56"), "addr_assign_type=0",
            "name_assign_type=1")
        .pci("pci0000:00/0000:00:04.0", false)
        .net("pci0000:00/0000:00:04.0", "enp0s4", 3, mac("52:54:00:12:34:57"), "addr_assign_type=0",
            "name_assign_type=2");
    assertThat(talos("enp0s4", true)).isEqualTo(new NamePolicy.Outcome("enp0s4", NamePolicy.KERNEL,
        List.of("enx525400123457")));
    var off = talos("eth0", false);
    assertThat(off.name()).as("net.ifnames=0 keeps the kernel name").isEqualTo("eth0");
    assertThat(off.policy()).isNull();
    assertThat(off.alternativeNames()).as("altnames are still added").containsExactly("enp0s3", "enx525400123456");
  }

  @Test
  void aNameTooLongForAnInterfaceIsOnlyAnAlternativeName() {
    String hub = "pci0000:00/0000:00:14.0/usb3/3-1";
    sys.pci("pci0000:00/0000:00:14.0", false)
        .device("pci0000:00/0000:00:14.0/usb3", "usb", "DEVTYPE=usb_device")
        .device(hub, "usb", "DEVTYPE=usb_device")
        .device(hub + "/3-1.2", "usb", "DEVTYPE=usb_device")
        .device(hub + "/3-1.2/3-1.2.3", "usb", "DEVTYPE=usb_device")
        .device(hub + "/3-1.2/3-1.2.3/3-1.2.3.4", "usb", "DEVTYPE=usb_device")
        .device(hub + "/3-1.2/3-1.2.3/3-1.2.3.4/3-1.2.3.4.5", "usb", "DEVTYPE=usb_device")
        .device(hub + "/3-1.2/3-1.2.3/3-1.2.3.4/3-1.2.3.4.5/3-1.2.3.4.5:1.0", "usb", "DEVTYPE=usb_interface")
        .net(hub + "/3-1.2/3-1.2.3/3-1.2.3.4/3-1.2.3.4.5/3-1.2.3.4.5:1.0", "eth0", 2, mac("00:e0:4c:68:00:01"),
            "addr_assign_type=0", "name_assign_type=1");
    assertThat(names("eth0").path()).isEqualTo("enp0s20u1u2u3u4u5");
    var outcome = talos("eth0", true);
    assertThat(outcome.name()).as("17 characters: the MAC name wins").isEqualTo("enx00e04c680001");
    assertThat(outcome.alternativeNames()).containsExactly("enp0s20u1u2u3u4u5");
  }
}
