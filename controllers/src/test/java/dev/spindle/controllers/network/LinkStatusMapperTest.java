package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.platform.network.Arphrd;
import dev.spindle.platform.network.IfOper;
import dev.spindle.platform.network.Iff;
import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.network.SimulatedNode;
import dev.spindle.resources.network.Duplex;
import dev.spindle.resources.network.HardwareAddr;
import dev.spindle.resources.network.LinkFlag;
import dev.spindle.resources.network.LinkFlags;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.LinkType;
import dev.spindle.resources.network.OperationalState;
import dev.spindle.resources.network.Port;
import java.util.List;
import java.util.Optional;
import dev.spindle.platform.sysfs.DriverInfo;
import dev.spindle.platform.sysfs.NetDeviceFacts;
import dev.spindle.platform.sysfs.PciIdentity;
import dev.spindle.runtime.codec.ResourceYaml;
import org.junit.jupiter.api.Test;

class LinkStatusMapperTest {
  private static final byte[] MAC = {0x52, 0x54, 0x00, 0x12, 0x34, 0x56};

  @Test
  void aPhysicalNicMapsEveryRtnetlinkField() {
    var nic = LinkMessage.builder(2, "eth0").type(Arphrd.ETHER)
        .flags(Iff.UP | Iff.BROADCAST | Iff.RUNNING | Iff.MULTICAST | Iff.LOWER_UP).hardwareAddr(MAC)
        .broadcastAddr(new byte[] {-1, -1, -1, -1, -1, -1}).permanentAddr(MAC).mtu(1500).qdisc("fq_codel")
        .operState(IfOper.UP).alias("uplink").altNames(List.of("enp0s2")).build();

    assertThat(LinkStatusMapper.map(nic)).isEqualTo(LinkStatus.builder()
        .alias("uplink").altNames(List.of("enp0s2")).index(2).type(LinkType.ETHER)
        .flags(LinkFlags.of(LinkFlag.UP, LinkFlag.BROADCAST, LinkFlag.RUNNING, LinkFlag.MULTICAST, LinkFlag.LOWER_UP))
        .hardwareAddr(HardwareAddr.parse("52:54:00:12:34:56")).permanentAddr(HardwareAddr.parse("52:54:00:12:34:56"))
        .broadcastAddr(HardwareAddr.parse("ff:ff:ff:ff:ff:ff")).mtu(1500).queueDisc("fq_codel")
        .operationalState(OperationalState.UP).linkState(true).port(Port.OTHER).duplex(Duplex.UNKNOWN)
        .build());
    assertThat(LinkStatusMapper.map(nic).physical()).isTrue();
  }

  @Test
  void theLoopbackIsAnUpLinkWithUnknownOperState() {
    var lo = LinkStatusMapper.map(SimulatedNode.loopback());
    assertThat(lo.type()).isEqualTo(LinkType.LOOPBACK);
    assertThat(lo.mtu()).isEqualTo(65536);
    assertThat(lo.hardwareAddr()).hasToString("00:00:00:00:00:00");
    assertThat(lo.operationalState()).isEqualTo(OperationalState.UNKNOWN);
    assertThat(lo.flags().text()).isEqualTo("UP,LOOPBACK,RUNNING,LOWER_UP");
    assertThat(lo.linkState()).as("carrier, as ethtool reports it for lo").isTrue();
    assertThat(lo.physical()).isFalse();
  }

  @Test
  void aLinkWithoutCarrierHasLinkStateFalse() {
    var down = LinkMessage.builder(3, "eth1").type(Arphrd.ETHER).flags(Iff.BROADCAST | Iff.MULTICAST)
        .operState(IfOper.DOWN).build();
    var status = LinkStatusMapper.map(down);
    assertThat(status.linkState()).isFalse();
    assertThat(status.operationalState()).isEqualTo(OperationalState.DOWN);
  }

  @Test
  void aBridgePortCarriesItsMasterAndSlaveKind() {
    var port = LinkMessage.builder(5, "eth1").type(Arphrd.ETHER).masterIndex(4).slaveKind("bridge").build();
    var status = LinkStatusMapper.map(port);
    assertThat(status.masterIndex()).isEqualTo(4);
    assertThat(status.slaveKind()).isEqualTo("bridge");
    assertThat(status.physical()).isTrue();
  }

  @Test
  void virtualLinksKeepTheirKindAndParent() {
    var vlan = LinkMessage.builder(6, "eth0.25").type(Arphrd.ETHER).kind("vlan").parentIndex(2).build();
    var status = LinkStatusMapper.map(vlan);
    assertThat(status.kind()).isEqualTo("vlan");
    assertThat(status.linkIndex()).isEqualTo(2);
    assertThat(status.physical()).isFalse();
  }

  @Test
  void unnamedHardwareTypesAndOperStatesDoNotFail() {
    var odd = LinkMessage.builder(7, "odd0").type(1234).operState(42).build();
    var status = LinkStatusMapper.map(odd);
    assertThat(status.type().text()).isEqualTo("LinkType(1234)");
    assertThat(status.operationalState()).isEqualTo(OperationalState.UNKNOWN);
  }

  // talos-network.md §1.4 (Talos C/link_status_internal_test.go)
  @Test
  void aVethPeerIsNamedOnlyWhenItIsAVethPointingBack() {
    var veth0 = veth(10, 20, "veth0");
    assertThat(LinkStatusMapper.vethPeerName(veth0, List.of(veth0, veth(20, 10, "veth1")))).isEqualTo("veth1");
    var dummy = LinkMessage.builder(20, "dummy0").parentIndex(10).kind("dummy").build();
    assertThat(LinkStatusMapper.vethPeerName(veth0, List.of(veth0, dummy))).isEmpty();
    assertThat(LinkStatusMapper.vethPeerName(veth0, List.of(veth0, veth(20, 30, "veth1")))).isEmpty();
    assertThat(LinkStatusMapper.vethPeerName(veth0, List.of(veth0))).isEmpty();
  }

  @Test
  void aVethInADumpCarriesItsPeerAndOneWithoutAPeerHereHasNoVethPart() {
    var veth0 = veth(10, 20, "veth0");
    var veth1 = veth(20, 10, "veth1");
    assertThat(LinkStatusMapper.map(veth0, List.of(veth0, veth1)).veth().peerName()).isEqualTo("veth1");
    assertThat(LinkStatusMapper.map(veth0, List.of(veth0)).veth()).isNull();
  }

  private static LinkMessage veth(int index, int peer, String name) {
    return LinkMessage.builder(index, name).type(Arphrd.ETHER).kind("veth").parentIndex(peer).build();
  }

  private static NetDeviceFacts facts(String driver, String pciId, String busPath, DriverInfo info, PciIdentity pci) {
    return new NetDeviceFacts("eth0", 2, 2, 1, "", "52:54:00:12:34:56", 0, 1, 0, 0, "", List.of(), List.of(), driver,
        pciId, busPath, info, pci);
  }

  private static LinkStatus withFacts(NetDeviceFacts facts) {
    var nic = LinkMessage.builder(2, "eth0").type(Arphrd.ETHER).flags(Iff.UP).build();
    return LinkStatusMapper.map(nic, List.of(nic), Optional.of(facts));
  }

  @Test
  void aPciNicTakesItsDeviceFactsFromTheUeventAndTheDriverInfo() {
    var status = withFacts(facts("e1000e", "8086:10D3", "0000:02:00.0",
        new DriverInfo("e1000e", "3.2.6-k", "", "0000:02:00.0"),
        new PciIdentity(0x8086, 0x10d3, "Intel Corporation", "82574L Gigabit Network Connection")));
    assertThat(status.busPath()).isEqualTo("0000:02:00.0");
    assertThat(status.pciId()).isEqualTo("8086:10D3");
    assertThat(status.driver()).isEqualTo("e1000e");
    assertThat(status.driverVersion()).isEqualTo("3.2.6-k");
    assertThat(status.firmwareVersion()).isEmpty();
    assertThat(status.vendorId()).isEqualTo("0x8086");
    assertThat(status.productId()).isEqualTo("0x10d3");
    assertThat(status.vendor()).isEqualTo("Intel Corporation");
    assertThat(status.product()).isEqualTo("82574L Gigabit Network Connection");
    assertThat(ResourceYaml.encodeSpec(status)).contains("busPath: '0000:02:00.0'\n", "pciID: 8086:10D3\n",
        "driver: e1000e\n", "driverVersion: 3.2.6-k\n", "productID: \"0x10d3\"\n", "vendorID: \"0x8086\"\n",
        "product: 82574L Gigabit Network Connection\n", "vendor: Intel Corporation\n")
        .doesNotContain("firmwareVersion");
  }

  @Test
  void aVirtioNicFallsBackToTheDriverInfoForBusPathAsTalosDoesToEthtool() {
    var status = withFacts(facts("virtio_net", "", "", new DriverInfo("virtio_net", "", "", "0000:00:03.0"),
        new PciIdentity(0x1af4, 0x1041, "", "")));
    assertThat(status.busPath()).isEqualTo("0000:00:03.0");
    assertThat(status.driver()).isEqualTo("virtio_net");
    assertThat(status.pciId()).isEmpty();
    assertThat(status.vendorId()).isEqualTo("0x1af4");
    assertThat(status.productId()).isEqualTo("0x1041");
    assertThat(status.vendor()).as("no PCI database").isEmpty();
  }

  @Test
  void withoutFactsTheDeviceFieldsStayEmpty() {
    var status = withFacts(facts("", "", "", DriverInfo.EMPTY, null));
    assertThat(List.of(status.busPath(), status.pciId(), status.driver(), status.driverVersion(),
        status.firmwareVersion(), status.productId(), status.vendorId(), status.product(), status.vendor()))
        .allMatch(String::isEmpty);
    var nic = LinkMessage.builder(2, "eth0").type(Arphrd.ETHER).build();
    assertThat(LinkStatusMapper.map(nic, List.of(nic), Optional.empty())).isEqualTo(LinkStatusMapper.map(nic));
  }
}
