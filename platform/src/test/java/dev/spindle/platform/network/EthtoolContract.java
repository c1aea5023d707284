package dev.spindle.platform.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * What every {@link Ethtool} answers, on the fake and on the real kernel (in a fresh namespace): the figures are the
 * ones this kernel's veth and bridge drivers give.
 */
interface EthtoolContract {
  Rtnetlink rtnl();

  Ethtool ethtool();

  @Test
  default void aVethReportsItsSpeedDuplexPortAndDriverAndItsCarrierOnceBothEndsAreUp() throws Exception {
    rtnl().createLink(LinkRequest.of("et0", new VethInfo("et1")));
    EthtoolFacts down = ethtool().facts("et0");
    assertThat(down.linkDetected()).isFalse();
    assertThat(down.driver()).isEqualTo("veth");
    assertThat(down.driverVersion()).isEqualTo("1.0");
    assertThat(down.speedMbit()).isEqualTo(10000);
    assertThat(down.duplex()).isEqualTo(EthtoolFacts.DUPLEX_FULL);
    assertThat(down.port()).isEqualTo(EthtoolFacts.PORT_TP);
    assertThat(down.firmwareVersion()).isEmpty();
    rtnl().setLink(rtnl().link("et1").index(), LinkChange.up(true));
    rtnl().setLink(rtnl().link("et0").index(), LinkChange.up(true));
    assertThat(ethtool().facts("et0").linkDetected()).isTrue();
  }

  @Test
  default void aBridgeHasNoSpeedAndNamesItsDriverAndLoopbackHasNoDriverInfo() throws Exception {
    rtnl().createLink(LinkRequest.of("ebr0", new BridgeInfo(0, false)));
    EthtoolFacts bridge = ethtool().facts("ebr0");
    assertThat(bridge.driver()).isEqualTo("bridge");
    assertThat(bridge.driverVersion()).isEqualTo("2.3");
    assertThat(bridge.firmwareVersion()).isEqualTo("N/A");
    assertThat(bridge.speedMbit()).isEqualTo(EthtoolFacts.SPEED_UNKNOWN);
    assertThat(bridge.duplex()).isEqualTo(EthtoolFacts.DUPLEX_UNKNOWN);
    assertThat(bridge.port()).isEqualTo(EthtoolFacts.PORT_OTHER);
    assertThat(ethtool().facts("lo").driver()).isEmpty();
  }

  @Test
  default void aMissingLinkIsEnodev() {
    assertThatThrownBy(() -> ethtool().facts("nothere0")).isInstanceOfSatisfying(NetlinkException.class,
        e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV));
  }
}
