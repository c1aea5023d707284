package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.platform.network.BondInfo;
import dev.spindle.platform.network.BridgeInfo;
import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.LinkRequest;
import dev.spindle.platform.network.VlanInfo;
import dev.spindle.resources.network.BondMode;
import dev.spindle.resources.network.BondXmitHashPolicy;
import dev.spindle.resources.network.BridgeMasterSpec;
import dev.spindle.resources.network.BridgeVlanSpec;
import dev.spindle.resources.network.LacpRate;
import dev.spindle.resources.network.StpSpec;
import dev.spindle.resources.network.VlanProtocol;
import dev.spindle.resources.network.VlanSpec;
import dev.spindle.platform.network.FakeRtnetlink;
import dev.spindle.resources.network.LinkFlag;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.LinkType;
import dev.spindle.resources.network.OperationalState;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.testing.ControllerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LinkStatusControllerTest {
  private final FakeRtnetlink kernel = FakeRtnetlink.simulatedNode();

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new LinkStatusController(kernel));

  @Test
  void theNodesLinksAppearWithTheirFields() {
    h.awaitResources(LinkStatus.DEFINITION,
        links -> assertThat(links).extracting(Resource::id).containsExactlyInAnyOrder("lo", "eth0", "eth1"));

    var eth0 = h.awaitResource(LinkStatus.DEFINITION, "eth0", r -> { });
    assertThat(eth0.metadata().namespace()).isEqualTo("network");
    assertThat(eth0.metadata().owner()).isEqualTo("network.LinkStatusController");
    assertThat(eth0.spec().type()).isEqualTo(LinkType.ETHER);
    assertThat(eth0.spec().hardwareAddr()).hasToString("52:54:00:12:34:56");
    assertThat(eth0.spec().operationalState()).isEqualTo(OperationalState.UP);
    assertThat(eth0.spec().linkState()).isTrue();
    assertThat(eth0.spec().altNames()).containsExactly("enx525400123456");
    assertThat(eth0.spec().physical()).isTrue();
    var lo = h.state().get(LinkStatus.DEFINITION, "lo").spec();
    assertThat(lo.type()).isEqualTo(LinkType.LOOPBACK);
    assertThat(lo.mtu()).isEqualTo(65536);
  }

  @Test
  void anAddedLinkAppears() throws Exception {
    h.awaitResource(LinkStatus.DEFINITION, "eth0", r -> { });
    kernel.addDummy("dummy0");
    h.awaitSpec(LinkStatus.DEFINITION, "dummy0", s -> {
      assertThat(s.kind()).isEqualTo("dummy");
      assertThat(s.operationalState()).isEqualTo(OperationalState.DOWN);
    });
  }

  @Test
  void bridgesBondsAndVlansOfTheSimulatedNodeShowTheirKindSections() throws Exception {
    h.awaitResource(LinkStatus.DEFINITION, "eth0", r -> { });
    int eth0 = h.state().get(LinkStatus.DEFINITION, "eth0").spec().index();
    kernel.createLink(LinkRequest.of("br0", new BridgeInfo(1, true)));
    kernel.createLink(LinkRequest.of("bond0", BondInfo.builder(BondInfo.IEEE_802_3AD).miimon(0).updelay(200)
        .lacpRate(1).xmitHashPolicy(2).build()));
    kernel.createLink(LinkRequest.of("eth0.25", new VlanInfo(25, VlanInfo.P_8021AD)).withParent(eth0));
    h.awaitSpec(LinkStatus.DEFINITION, "br0", s -> assertThat(s.bridgeMaster())
        .isEqualTo(new BridgeMasterSpec(new StpSpec(true), new BridgeVlanSpec(true))));
    h.awaitSpec(LinkStatus.DEFINITION, "bond0", s -> {
      assertThat(s.bondMaster().mode()).isEqualTo(BondMode.IEEE_802_3AD);
      assertThat(s.bondMaster().lacpRate()).isEqualTo(LacpRate.FAST);
      assertThat(s.bondMaster().xmitHashPolicy()).isEqualTo(BondXmitHashPolicy.LAYER2_3);
      assertThat(s.bondMaster().miimon()).isZero();
      assertThat(s.bondMaster().updelay()).as("no delays without MII monitoring").isZero();
      assertThat(s.bondMaster().adActorSysPrio()).isEqualTo(65535);
    });
    h.awaitSpec(LinkStatus.DEFINITION, "eth0.25",
        s -> assertThat(s.vlan()).isEqualTo(new VlanSpec(25, VlanProtocol.IEEE_802_1AD)));
  }

  @Test
  void aLinkBroughtUpIsReflected() throws Exception {
    h.awaitSpec(LinkStatus.DEFINITION, "eth1", s -> assertThat(s.operationalState()).isEqualTo(OperationalState.DOWN));
    kernel.setUp("eth1", true);
    h.awaitSpec(LinkStatus.DEFINITION, "eth1", s -> {
      assertThat(s.operationalState()).isEqualTo(OperationalState.UP);
      assertThat(s.flags().contains(LinkFlag.UP)).isTrue();
      assertThat(s.linkState()).isTrue();
    });
  }

  @Test
  void aRenamedLinkMovesToItsNewId() throws Exception {
    int index = h.awaitResource(LinkStatus.DEFINITION, "eth1", r -> { }).spec().index();
    kernel.rename("eth1", "lan0");
    h.awaitSpec(LinkStatus.DEFINITION, "lan0", s -> assertThat(s.index()).isEqualTo(index));
    h.awaitNoResource(LinkStatus.DEFINITION.pointer("eth1"));
  }

  @Test
  void aDeletedLinkDisappears() throws Exception {
    kernel.addDummy("dummy0");
    h.awaitResource(LinkStatus.DEFINITION, "dummy0", r -> { });
    kernel.delete("dummy0");
    h.awaitNoResource(LinkStatus.DEFINITION.pointer("dummy0"));
    assertThat(h.state().find(LinkStatus.DEFINITION.pointer("eth0"))).isPresent();
  }

  @Test
  void anOverrunLeadsToAResyncThatFindsTheLostChanges() throws Exception {
    h.awaitResource(LinkStatus.DEFINITION, "eth0", r -> { });
    kernel.overrun(() -> {
      kernel.addDummy("lost0");
      kernel.setMtu("eth0", 9000);
    });
    h.awaitResource(LinkStatus.DEFINITION, "lost0", r -> { });
    h.awaitSpec(LinkStatus.DEFINITION, "eth0", s -> assertThat(s.mtu()).isEqualTo(9000));
  }

  @Test
  void aFailedDumpIsRetriedUntilItSucceeds() throws Exception {
    h.awaitResource(LinkStatus.DEFINITION, "eth0", r -> { });
    kernel.failNext(Errno.ENOBUFS);
    kernel.setMtu("eth0", 1400);
    h.awaitSpec(LinkStatus.DEFINITION, "eth0", s -> assertThat(s.mtu()).isEqualTo(1400));
    assertThat(h.registry().get("spindle.controller.errors").tag("controller", "network.LinkStatusController")
        .counter().count()).isEqualTo(1.0);
  }

  @Test
  void theSubscriptionIsClosedWhenTheRuntimeStops() {
    h.awaitResource(LinkStatus.DEFINITION, "eth0", r -> { });
    assertThat(kernel.subscriptions()).isEqualTo(1);
    h.runtime().close();
    assertThat(kernel.subscriptions()).isZero();
  }

}
