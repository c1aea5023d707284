package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.platform.network.AddressMessage;
import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.FakeRtnetlink;
import dev.spindle.platform.network.RouteMessage;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.RouteProtocol;
import dev.spindle.resources.network.RouteStatus;
import dev.spindle.resources.network.RoutingTable;
import dev.spindle.resources.network.Scope;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.testing.ControllerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RouteStatusControllerTest {
  private static final String DEFAULT = "inet4/172.20.0.1//1024";
  private static final String CONNECTED = "inet4//172.20.0.0/24/0";

  private final FakeRtnetlink kernel = FakeRtnetlink.simulatedNode();

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new RouteStatusController(kernel));

  @Test
  void theNodesRoutesAppearUnderTalosIds() {
    h.awaitResources(RouteStatus.DEFINITION, routes -> assertThat(routes).extracting(Resource::id)
        .containsExactlyInAnyOrder(CONNECTED, DEFAULT, "local/inet4//127.0.0.1/32/0", "local/inet4//127.0.0.0/8/0",
            "local/inet4//127.255.255.255/32/0", "local/inet4//172.20.0.2/32/0", "local/inet4//172.20.0.255/32/0",
            "eth0/inet6//fe80::/64/256", "local/eth0/inet6//ff00::/8/256", "local/lo/inet6//::1/128/0",
            "local/eth0/inet6//fe80::5054:ff:fe12:3456/128/0"));
    var route = h.state().get(RouteStatus.DEFINITION, DEFAULT);
    assertThat(route.metadata().namespace()).isEqualTo("network");
    assertThat(route.metadata().owner()).isEqualTo("network.RouteStatusController");
    assertThat(route.spec().gateway()).isEqualTo(IpAddr.parse("172.20.0.1"));
    assertThat(route.spec().outLinkName()).isEqualTo("eth0");
    assertThat(route.spec().outLinkIndex()).isEqualTo(2);
    assertThat(route.spec().table()).isEqualTo(RoutingTable.MAIN);
    assertThat(route.spec().protocol()).isEqualTo(RouteProtocol.STATIC);
    var connected = h.state().get(RouteStatus.DEFINITION, CONNECTED).spec();
    assertThat(connected.scope()).isEqualTo(Scope.LINK);
    assertThat(connected.src()).isEqualTo(IpAddr.parse("172.20.0.2"));
  }

  @Test
  void anAddedRouteAppearsAndADeletedOneDisappears() throws Exception {
    h.awaitResource(RouteStatus.DEFINITION, DEFAULT, r -> { });
    var route = RouteMessage.of("10.50.0.0", 16, "172.20.0.254", 2, 100).toBuilder().table(100).mtu(1400).build();
    kernel.addRoute(route);
    h.awaitSpec(RouteStatus.DEFINITION, "100/inet4/172.20.0.254/10.50.0.0/16/100",
        s -> assertThat(s.mtu()).isEqualTo(1400));
    kernel.deleteRoute(route);
    h.awaitNoResource(RouteStatus.DEFINITION.pointer("100/inet4/172.20.0.254/10.50.0.0/16/100"));
    assertThat(h.state().find(RouteStatus.DEFINITION.pointer(DEFAULT))).isPresent();
  }

  @Test
  void anAddressBringsItsRoutesAndTakesThemAlong() throws Exception {
    h.awaitResource(RouteStatus.DEFINITION, DEFAULT, r -> { });
    kernel.addAddress(AddressMessage.of(2, "10.60.0.1", 24));
    h.awaitResource(RouteStatus.DEFINITION, "inet4//10.60.0.0/24/0", r -> { });
    h.awaitResource(RouteStatus.DEFINITION, "local/inet4//10.60.0.1/32/0", r -> { });
    kernel.deleteAddress(AddressMessage.of(2, "10.60.0.1", 24));
    h.awaitNoResource(RouteStatus.DEFINITION.pointer("inet4//10.60.0.0/24/0"));
    h.awaitNoResource(RouteStatus.DEFINITION.pointer("local/inet4//10.60.0.1/32/0"));
  }

  @Test
  void aLinkTakenDownLosesItsRoutesAndARenamedOneMovesItsIpv6Ids() throws Exception {
    h.awaitResource(RouteStatus.DEFINITION, DEFAULT, r -> { });
    kernel.setUp("eth0", false);
    h.awaitNoResource(RouteStatus.DEFINITION.pointer(DEFAULT));
    h.awaitNoResource(RouteStatus.DEFINITION.pointer(CONNECTED));
    assertThat(h.state().find(RouteStatus.DEFINITION.pointer("local/inet4//172.20.0.2/32/0"))).isPresent();
    kernel.rename("eth0", "lan0");
    kernel.setUp("lan0", true);
    h.awaitResource(RouteStatus.DEFINITION, "lan0/inet6//fe80::/64/256", r -> { });
    h.awaitSpec(RouteStatus.DEFINITION, CONNECTED, s -> assertThat(s.outLinkName()).isEqualTo("lan0"));
  }

  @Test
  void anOverrunLeadsToAResyncThatFindsTheLostChanges() throws Exception {
    h.awaitResource(RouteStatus.DEFINITION, DEFAULT, r -> { });
    kernel.overrun(() -> {
      kernel.addRoute(RouteMessage.of("10.70.0.0", 16, "172.20.0.254", 2, 0));
      // protocol 0 matches any, as ip route del sends it; the route is protocol static
      kernel.deleteRoute(RouteMessage.of(null, 0, "172.20.0.1", 2, 1024).toBuilder().protocol(0).build());
    });
    h.awaitResource(RouteStatus.DEFINITION, "inet4/172.20.0.254/10.70.0.0/16/0", r -> { });
    h.awaitNoResource(RouteStatus.DEFINITION.pointer(DEFAULT));
  }

  @Test
  void aFailedDumpIsRetriedUntilItSucceeds() throws Exception {
    h.awaitResource(RouteStatus.DEFINITION, DEFAULT, r -> { });
    kernel.failNext(Errno.ENOBUFS);
    kernel.setUp("eth1", true); // a kernel-side change: its events trigger the reconcile whose dump fails
    h.awaitResource(RouteStatus.DEFINITION, "eth1/inet6//fe80::/64/256", r -> { });
    assertThat(h.registry().get("spindle.controller.errors").tag("controller", "network.RouteStatusController")
        .counter().count()).isEqualTo(1.0);
  }

  @Test
  void theSubscriptionIsClosedWhenTheRuntimeStops() {
    h.awaitResource(RouteStatus.DEFINITION, DEFAULT, r -> { });
    assertThat(kernel.subscriptions()).isEqualTo(1);
    h.runtime().close();
    assertThat(kernel.subscriptions()).isZero();
  }
}
