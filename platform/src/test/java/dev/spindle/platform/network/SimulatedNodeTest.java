package dev.spindle.platform.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class SimulatedNodeTest {
  private final FakeRtnetlink node = FakeRtnetlink.simulatedNode();

  @Test
  void hasTheLoopbackAndTwoVirtioNics() throws Exception {
    assertThat(node.links()).extracting(LinkMessage::index, LinkMessage::name)
        .containsExactly(tuple(1, "lo"), tuple(2, "eth0"),
            tuple(3, "eth1"));
  }

  @Test
  void eth0IsUpWithCarrierAndEth1IsDown() throws Exception {
    LinkMessage eth0 = node.link("eth0");
    assertThat(eth0.hasFlags(Iff.UP | Iff.RUNNING | Iff.LOWER_UP | Iff.BROADCAST | Iff.MULTICAST)).isTrue();
    assertThat(eth0.operState()).isEqualTo(IfOper.UP);
    assertThat(eth0.hardwareAddr()).isEqualTo(SimulatedNode.ETH0_MAC).isEqualTo(eth0.permanentAddr());
    assertThat(eth0.altNames()).containsExactly("enx525400123456");

    LinkMessage eth1 = node.link("eth1");
    assertThat(eth1.hasFlags(Iff.UP)).isFalse();
    assertThat(eth1.operState()).isEqualTo(IfOper.DOWN);
    assertThat(eth1.hardwareAddr()[0]).isEqualTo((byte) 0x52);
  }

  @Test
  void theNicsArePhysicalAndTheLoopbackIsNot() throws Exception {
    assertThat(node.link("eth0").kind()).isEmpty();
    assertThat(node.link("eth0").type()).isEqualTo(Arphrd.ETHER);
    assertThat(node.link("lo").type()).isEqualTo(Arphrd.LOOPBACK);
    assertThat(node.link("lo").operState()).isEqualTo(IfOper.UNKNOWN);
  }

  @Test
  void hasLoopbackAndEth0AddressesAndNoneOnTheDownNic() throws Exception {
    assertThat(node.addresses()).extracting(a -> a.index() + " " + AddressMessage.text(a.address()) + "/"
            + a.prefixLength() + " scope " + a.scope())
        .containsExactly("1 127.0.0.1/8 scope 254", "2 172.20.0.2/24 scope 0", "1 0:0:0:0:0:0:0:1/128 scope 254",
            "2 fe80:0:0:0:5054:ff:fe12:3456/64 scope 253");
    assertThat(node.addresses()).allMatch(a -> a.hasFlags(Ifa.F_PERMANENT));
  }

  @Test
  void hasTheKernelRoutesOfItsAddressesAndADefaultRouteViaTheGateway() throws Exception {
    assertThat(node.routes()).extracting(r -> r.table() + " " + r.describe() + " type " + r.type())
        .containsExactly(
            "254 172.20.0.0/24 dev 2 table 254 metric 0 type 1",
            "254 default via 172.20.0.1 dev 2 table 254 metric 1024 type 1",
            "255 127.0.0.1/32 dev 1 table 255 metric 0 type 2",
            "255 127.0.0.0/8 dev 1 table 255 metric 0 type 2",
            "255 127.255.255.255/32 dev 1 table 255 metric 0 type 3",
            "255 172.20.0.2/32 dev 2 table 255 metric 0 type 2",
            "255 172.20.0.255/32 dev 2 table 255 metric 0 type 3",
            "254 fe80:0:0:0:0:0:0:0/64 dev 2 table 254 metric 256 type 1",
            "255 ff00:0:0:0:0:0:0:0/8 dev 2 table 255 metric 256 type 5",
            "255 0:0:0:0:0:0:0:1/128 dev 1 table 255 metric 0 type 2",
            "255 fe80:0:0:0:5054:ff:fe12:3456/128 dev 2 table 255 metric 0 type 2");
    RouteMessage gateway = node.routes().stream().filter(r -> r.dstLength() == 0).findFirst().orElseThrow();
    assertThat(gateway.protocol()).isEqualTo(Rtn.PROT_STATIC);
  }
}
