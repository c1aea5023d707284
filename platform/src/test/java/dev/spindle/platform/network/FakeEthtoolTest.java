package dev.spindle.platform.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FakeEthtoolTest implements EthtoolContract {
  private final FakeRtnetlink fake = new FakeRtnetlink(List.of(SimulatedNode.loopback()));
  private final FakeEthtool ethtool = new FakeEthtool(fake);

  @Override
  public Rtnetlink rtnl() {
    return fake;
  }

  @Override
  public Ethtool ethtool() {
    return ethtool;
  }

  @Test
  void theSimulatedNodesNicsAreVirtioWithoutSpeed() throws Exception {
    var node = FakeRtnetlink.simulatedNode();
    EthtoolFacts eth0 = FakeEthtool.simulatedNode(node).facts("eth0");
    assertThat(eth0.driver()).isEqualTo("virtio_net");
    assertThat(eth0.busInfo()).isEqualTo("0000:00:02.0");
    assertThat(eth0.speedMbit()).isEqualTo(EthtoolFacts.SPEED_UNKNOWN);
    assertThat(eth0.linkDetected()).isTrue();
    assertThat(FakeEthtool.simulatedNode(node).facts("eth1").linkDetected()).isFalse();
  }

  @Test
  void aRenamedLinkKeepsItsFactsAsTheKernelsEthtoolAnswersForTheDevice() throws Exception {
    var node = FakeRtnetlink.simulatedNode();
    var ethtool = FakeEthtool.simulatedNode(node);
    node.setLink(2, LinkChange.NONE.withName("enp0s2"));
    assertThat(ethtool.facts("enp0s2").busInfo()).isEqualTo("0000:00:02.0");
    assertThat(ethtool.facts("enp0s2").driver()).isEqualTo("virtio_net");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ethtool.facts("eth0"))
        .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV));
  }
}
