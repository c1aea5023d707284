package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.platform.network.Arphrd;
import dev.spindle.platform.network.EthtoolFacts;
import dev.spindle.platform.network.Iff;
import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.sysfs.DriverInfo;
import dev.spindle.platform.sysfs.NetDeviceFacts;
import dev.spindle.resources.network.Duplex;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.Port;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ethtool part of LinkStatusMapper: carrier, speed, duplex, port and the driver's own info, as Talos maps them. */
class LinkStatusEthtoolTest {
  private static final LinkMessage VETH = LinkMessage.builder(4, "veth0").type(Arphrd.ETHER).kind("veth")
      .flags(Iff.UP | Iff.LOWER_UP).mtu(1500).build();

  private static LinkStatus map(LinkMessage link, EthtoolFacts facts) {
    return LinkStatusMapper.map(link, List.of(link), Optional.empty(), Optional.of(facts));
  }

  @Test
  void aVethShowsWhatEthtoolSays() {
    var status = map(VETH, new EthtoolFacts(true, 10000, EthtoolFacts.DUPLEX_FULL, EthtoolFacts.PORT_TP, "veth",
        "1.0", "", ""));
    assertThat(status.linkState()).isTrue();
    assertThat(status.speedMbit()).isEqualTo(10000);
    assertThat(status.duplex()).isEqualTo(Duplex.FULL);
    assertThat(status.port()).isEqualTo(Port.TWISTED_PAIR);
    assertThat(status.driver()).isEqualTo("veth");
    assertThat(status.driverVersion()).isEqualTo("1.0");
  }

  @Test
  void ethtoolsCarrierWinsOverLowerUpAndUnknownsTakeTalosDefaults() {
    var status = map(VETH, new EthtoolFacts(false, EthtoolFacts.SPEED_UNKNOWN, EthtoolFacts.DUPLEX_UNKNOWN, 0x42,
        "", "", "", ""));
    assertThat(status.linkState()).isFalse();
    assertThat(status.speedMbit()).isZero();
    assertThat(status.duplex()).isEqualTo(Duplex.UNKNOWN);
    assertThat(status.port()).isEqualTo(Port.OTHER);
    assertThat(map(VETH, EthtoolFacts.UNKNOWN).linkState()).as("no GLINK: IFF_LOWER_UP stands in").isTrue();
  }

  @Test
  void ueventFactsComeFirstAndEthtoolsDriverInfoFillsTheRest() {
    var nic = LinkMessage.builder(2, "eth0").type(Arphrd.ETHER).flags(Iff.UP | Iff.LOWER_UP).build();
    var sysfs = new NetDeviceFacts("eth0", 2, 2, 1, "", "52:54:00:12:34:56", 0, 1, 0, 0, "", List.of(), List.of(),
        "e1000e", "8086:10D3", "", new DriverInfo("e1000e", "", "", "0000:05:00.0"), null);
    var ethtool = new EthtoolFacts(true, 1000, EthtoolFacts.DUPLEX_FULL, EthtoolFacts.PORT_TP, "e1000e", "3.2.6-k",
        "0.13-4", "0000:05:00.0");
    LinkStatus status = LinkStatusMapper.map(nic, List.of(nic), Optional.of(sysfs), Optional.of(ethtool));
    assertThat(status.driver()).isEqualTo("e1000e");
    assertThat(status.busPath()).isEqualTo("0000:05:00.0");
    assertThat(status.pciId()).isEqualTo("8086:10D3");
    assertThat(status.driverVersion()).isEqualTo("3.2.6-k");
    assertThat(status.firmwareVersion()).isEqualTo("0.13-4");
    assertThat(status.speedMbit()).isEqualTo(1000);
  }
}
