package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.platform.network.AddressMessage;
import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.FakeRtnetlink;
import dev.spindle.resources.network.AddressFlag;
import dev.spindle.resources.network.AddressStatus;
import dev.spindle.resources.network.Family;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.Scope;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.testing.ControllerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AddressStatusControllerTest {
  private final FakeRtnetlink kernel = FakeRtnetlink.simulatedNode();

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new AddressStatusController(kernel));

  @Test
  void theNodesAddressesAppearUnderTalosIds() {
    h.awaitResources(AddressStatus.DEFINITION, addresses -> assertThat(addresses).extracting(Resource::id)
        .containsExactlyInAnyOrder("lo/127.0.0.1/8", "lo/::1/128", "eth0/172.20.0.2/24",
            "eth0/fe80::5054:ff:fe12:3456/64"));
    var eth0 = h.state().get(AddressStatus.DEFINITION, "eth0/172.20.0.2/24");
    assertThat(eth0.metadata().namespace()).isEqualTo("network");
    assertThat(eth0.metadata().owner()).isEqualTo("network.AddressStatusController");
    assertThat(eth0.spec().linkIndex()).isEqualTo(2);
    assertThat(eth0.spec().linkName()).isEqualTo("eth0");
    assertThat(eth0.spec().family()).isEqualTo(Family.INET4);
    assertThat(eth0.spec().scope()).isEqualTo(Scope.GLOBAL);
    assertThat(eth0.spec().local()).isEqualTo(IpAddr.parse("172.20.0.2"));
    assertThat(eth0.spec().broadcast()).isEqualTo(IpAddr.parse("172.20.0.255"));
    assertThat(eth0.spec().flags().contains(AddressFlag.PERMANENT)).isTrue();
    assertThat(h.state().get(AddressStatus.DEFINITION, "lo/::1/128").spec().scope()).isEqualTo(Scope.HOST);
  }

  @Test
  void anAddedAddressAppearsAndADeletedOneDisappears() throws Exception {
    h.awaitResource(AddressStatus.DEFINITION, "eth0/172.20.0.2/24", r -> { });
    var address = AddressMessage.of(2, "10.5.0.7", 16).toBuilder().priority(1024).build();
    kernel.addAddress(address);
    h.awaitSpec(AddressStatus.DEFINITION, "eth0/10.5.0.7/16", s -> assertThat(s.priority()).isEqualTo(1024));
    kernel.deleteAddress(address);
    h.awaitNoResource(AddressStatus.DEFINITION.pointer("eth0/10.5.0.7/16"));
    assertThat(h.state().find(AddressStatus.DEFINITION.pointer("eth0/172.20.0.2/24"))).isPresent();
  }

  @Test
  void aReplacedAddressIsUpdatedInPlace() throws Exception {
    h.awaitResource(AddressStatus.DEFINITION, "eth0/172.20.0.2/24", r -> { });
    kernel.replaceAddress(AddressMessage.of(2, "172.20.0.2", 24).toBuilder().preferredLifetime(60)
        .validLifetime(120).build());
    h.awaitSpec(AddressStatus.DEFINITION, "eth0/172.20.0.2/24",
        s -> assertThat(s.flags().contains(AddressFlag.PERMANENT)).isFalse());
  }

  @Test
  void aRenamedLinksAddressesMoveToTheirNewIds() throws Exception {
    kernel.addAddress(AddressMessage.of(3, "10.6.0.1", 24));
    h.awaitResource(AddressStatus.DEFINITION, "eth1/10.6.0.1/24", r -> { });
    kernel.rename("eth1", "lan0");
    h.awaitSpec(AddressStatus.DEFINITION, "lan0/10.6.0.1/24", s -> assertThat(s.linkName()).isEqualTo("lan0"));
    h.awaitNoResource(AddressStatus.DEFINITION.pointer("eth1/10.6.0.1/24"));
  }

  @Test
  void aDeletedLinksAddressesDisappear() throws Exception {
    int index = kernel.addDummy("dummy0").index();
    kernel.addAddress(AddressMessage.of(index, "10.7.0.1", 24));
    h.awaitResource(AddressStatus.DEFINITION, "dummy0/10.7.0.1/24", r -> { });
    kernel.delete("dummy0");
    h.awaitNoResource(AddressStatus.DEFINITION.pointer("dummy0/10.7.0.1/24"));
  }

  @Test
  void aLinkTakenDownLosesItsIpv6AddressesAndKeepsIpv4() throws Exception {
    h.awaitResource(AddressStatus.DEFINITION, "eth0/fe80::5054:ff:fe12:3456/64", r -> { });
    kernel.setUp("eth0", false);
    h.awaitNoResource(AddressStatus.DEFINITION.pointer("eth0/fe80::5054:ff:fe12:3456/64"));
    assertThat(h.state().find(AddressStatus.DEFINITION.pointer("eth0/172.20.0.2/24"))).isPresent();
    kernel.setUp("eth0", true);
    h.awaitResource(AddressStatus.DEFINITION, "eth0/fe80::5054:ff:fe12:3456/64", r -> { });
  }

  @Test
  void anOverrunLeadsToAResyncThatFindsTheLostChanges() throws Exception {
    h.awaitResource(AddressStatus.DEFINITION, "eth0/172.20.0.2/24", r -> { });
    kernel.overrun(() -> {
      kernel.addAddress(AddressMessage.of(2, "10.8.0.1", 24));
      kernel.deleteAddress(AddressMessage.of(2, "172.20.0.2", 24));
    });
    h.awaitResource(AddressStatus.DEFINITION, "eth0/10.8.0.1/24", r -> { });
    h.awaitNoResource(AddressStatus.DEFINITION.pointer("eth0/172.20.0.2/24"));
  }

  @Test
  void aFailedDumpIsRetriedUntilItSucceeds() throws Exception {
    h.awaitResource(AddressStatus.DEFINITION, "eth0/172.20.0.2/24", r -> { });
    kernel.failNext(Errno.ENOBUFS);
    kernel.setUp("eth1", true); // a kernel-side change: its events trigger the reconcile whose dump fails
    h.awaitResource(AddressStatus.DEFINITION, "eth1/fe80::5054:ff:fe12:3457/64", r -> { });
    assertThat(h.registry().get("spindle.controller.errors").tag("controller", "network.AddressStatusController")
        .counter().count()).isEqualTo(1.0);
  }

  @Test
  void theSubscriptionIsClosedWhenTheRuntimeStops() {
    h.awaitResource(AddressStatus.DEFINITION, "eth0/172.20.0.2/24", r -> { });
    assertThat(kernel.subscriptions()).isEqualTo(1);
    h.runtime().close();
    assertThat(kernel.subscriptions()).isZero();
  }
}
