package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.Devices.device;
import static dev.spindle.controllers.network.MachineConfigs.cmdline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spindle.platform.network.AddressMessage;
import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.FakeRtnetlink;
import dev.spindle.platform.network.NetlinkException;
import dev.spindle.platform.network.RouteMessage;
import dev.spindle.platform.network.Rtn;
import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.network.DeviceConfigSpec;
import dev.spindle.resources.network.Family;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.IpPrefix;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.RouteProtocol;
import dev.spindle.resources.network.RouteSpec;
import dev.spindle.runtime.testing.ControllerHarness;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Config → merge → spec over the fake kernel: the configured routes appear in the tables, and stay. */
class RouteSpecControllerTest {
  private static final String NET = "inet4/172.20.0.254/10.60.0.0/16/1024";

  private final FakeRtnetlink kernel = FakeRtnetlink.simulatedNode();

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new RouteConfigController(), RouteMerge.controller(),
      new RouteSpecController(kernel));

  private void configure(String id, String entry) {
    h.create(DeviceConfigSpec.DEFINITION, id, new DeviceConfigSpec(device(entry)));
  }

  private void configureNet() {
    configure("eth0/000", """
        {"interface": "eth0", "routes": [{"network": "10.60.0.0/16", "gateway": "172.20.0.254"}]}""");
  }

  /** The kernel route to {@code dst} ({@code null}: default) with this metric, if any. */
  private Optional<RouteMessage> route(String dst, int metric) throws NetlinkException {
    return kernel.routes().stream().filter(r -> r.priority() == metric && r.table() == Rtn.TABLE_MAIN
        && (dst == null ? r.dstLength() == 0 : r.dstLength() > 0 && (new IpAddr(r.dst()) + "/" + r.dstLength())
            .equals(dst))).findFirst();
  }

  private RouteMessage awaitRoute(String dst, int metric) {
    return await().atMost(Duration.ofSeconds(10)).until(() -> route(dst, metric), Optional::isPresent).orElseThrow();
  }

  private void awaitNoRoute(String dst, int metric) {
    await().atMost(Duration.ofSeconds(10)).until(() -> route(dst, metric).isEmpty());
  }

  private double errors() {
    Counter c = h.registry().find("spindle.controller.errors").tag("controller", "network.RouteSpecController")
        .counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void aConfiguredRouteAppearsInTheKernelAndItsSpecIsHeld() throws Exception {
    configureNet();
    RouteMessage r = awaitRoute("10.60.0.0/16", 1024);
    assertThat(new IpAddr(r.gateway())).isEqualTo(IpAddr.parse("172.20.0.254"));
    assertThat(r.outIndex()).isEqualTo(2);
    assertThat(r.protocol()).isEqualTo(Rtn.PROT_STATIC);
    assertThat(r.type()).isEqualTo(Rtn.UNICAST);
    h.awaitResource(RouteSpec.DEFINITION, NET, s -> assertThat(s.metadata().finalizers())
        .contains("network.RouteSpecController"));
  }

  @Test
  void aRouteDeletedBehindItIsRestored() throws Exception {
    configureNet();
    RouteMessage r = awaitRoute("10.60.0.0/16", 1024);
    kernel.deleteRoute(r); // succeeds only if it is there; what is there afterwards was added again
    awaitRoute("10.60.0.0/16", 1024);
  }

  @Test
  void aRouteDeletedWhileEventsWereLostIsRestoredByTheResync() throws Exception {
    configureNet();
    RouteMessage r = awaitRoute("10.60.0.0/16", 1024);
    kernel.overrun(() -> kernel.deleteRoute(r));
    awaitRoute("10.60.0.0/16", 1024);
    assertThat(kernel.subscriptions()).isEqualTo(1);
  }

  @Test
  void aRouteChangedBehindItIsPutBack() throws Exception {
    configureNet();
    RouteMessage r = awaitRoute("10.60.0.0/16", 1024);
    kernel.replaceRoute(r.toBuilder().mtu(1300).build());
    await().atMost(Duration.ofSeconds(10)).until(() -> route("10.60.0.0/16", 1024).orElseThrow().mtu() == 0);
  }

  @Test
  void aRouteSomeoneReplacedWithAnotherProtocolIsTheirs() throws Exception {
    configureNet();
    RouteMessage r = awaitRoute("10.60.0.0/16", 1024);
    kernel.replaceRoute(r.toBuilder().protocol(Rtn.PROT_DHCP).build());
    h.destroy(DeviceConfigSpec.DEFINITION.pointer("eth0/000"));
    h.awaitNoResource(RouteSpec.DEFINITION.pointer(NET));
    assertThat(route("10.60.0.0/16", 1024).orElseThrow().protocol()).isEqualTo(Rtn.PROT_DHCP);
  }

  @Test
  void removingTheConfigurationRemovesTheRouteAndReleasesTheSpec() throws Exception {
    configureNet();
    awaitRoute("10.60.0.0/16", 1024);
    h.destroy(DeviceConfigSpec.DEFINITION.pointer("eth0/000"));
    awaitNoRoute("10.60.0.0/16", 1024);
    h.awaitNoResource(RouteSpec.DEFINITION.pointer(NET));
    h.awaitNoResource(RouteSpec.DEFINITION.pointer(Namespaces.NETWORK_CONFIG, "configuration/" + NET));
    assertThat(route(null, 1024)).as("the node's own default route").isPresent();
  }

  @Test
  void aRouteSpindleDidNotAddIsNeverTouched() throws Exception {
    // the configuration asks for the default route the node has already, then stops asking
    configure("eth0/000", """
        {"interface": "eth0", "routes": [{"gateway": "172.20.0.1"}]}""");
    h.awaitResource(RouteSpec.DEFINITION, "inet4/172.20.0.1//1024", r -> assertThat(r.metadata().finalizers())
        .contains("network.RouteSpecController"));
    RouteMessage before = route(null, 1024).orElseThrow();
    h.destroy(DeviceConfigSpec.DEFINITION.pointer("eth0/000"));
    h.awaitNoResource(RouteSpec.DEFINITION.pointer("inet4/172.20.0.1//1024"));
    assertThat(route(null, 1024)).contains(before);
  }

  @Test
  void aRouteForALinkThatDoesNotExistWaitsForIt() throws Exception {
    configure("eth7/000", """
        {"interface": "eth7", "routes": [{"network": "10.77.0.0/16"}]}""");
    h.awaitResource(RouteSpec.DEFINITION, "inet4//10.77.0.0/16/1024", r -> assertThat(r.metadata().finalizers())
        .contains("network.RouteSpecController"));
    int index = kernel.addDummy("eth7").index();
    assertThat(awaitRoute("10.77.0.0/16", 1024).outIndex()).isEqualTo(index);
  }

  @Test
  void aGatewayNotReachableYetWaitsWithoutFailingAndIsAddedOnceItIs() throws Exception {
    configure("eth0/000", """
        {"interface": "eth0", "routes": [{"network": "10.61.0.0/16", "gateway": "10.99.0.1"}]}""");
    h.awaitResource(RouteSpec.DEFINITION, "inet4/10.99.0.1/10.61.0.0/16/1024",
        r -> assertThat(r.metadata().finalizers()).contains("network.RouteSpecController"));
    assertThat(route("10.61.0.0/16", 1024)).isEmpty();
    kernel.addAddress(AddressMessage.of(2, "10.99.0.2", 24)); // its connected route makes the gateway reachable
    awaitRoute("10.61.0.0/16", 1024);
    assertThat(errors()).as("ENETUNREACH is a wait, not a failure").isZero();
  }

  @Test
  void theCmdlineGatewayBecomesADefaultRouteWithProtocolBoot() throws Exception {
    // the second ip= gets metric 1025: the node's own default route holds 1024
    h.create(cmdline("ip=eth1:dhcp ip=172.20.0.2::172.20.0.1:255.255.255.0::eth0:off"));
    RouteMessage r = awaitRoute(null, 1025);
    assertThat(r.protocol()).isEqualTo(Rtn.PROT_BOOT);
    assertThat(new IpAddr(r.gateway())).isEqualTo(IpAddr.parse("172.20.0.1"));
    h.awaitSpec(RouteSpec.DEFINITION, "inet4/172.20.0.1//1025", s -> assertThat(s.layer())
        .isEqualTo(ConfigLayer.CMDLINE));
  }

  @Test
  void anIpv6RouteAppearsOnceItsGatewayIsReachable() throws Exception {
    kernel.addAddress(AddressMessage.of(2, "fd00:60::2", 64));
    configure("eth0/000", """
        {"interface": "eth0", "routes": [{"network": "fd00:61::/64", "gateway": "fd00:60::1", "metric": 300}]}""");
    RouteMessage r = awaitRoute("fd00:61::/64", 300);
    assertThat(r.outIndex()).isEqualTo(2);
    h.awaitResource(RouteSpec.DEFINITION, "eth0/inet6/fd00:60::1/fd00:61::/64/300",
        s -> assertThat(s.spec().family()).isEqualTo(Family.INET6));
  }

  @Test
  void aRefusedRequestFailsThePassAndIsRetried() throws Exception {
    kernel.failNext(Errno.ENOBUFS);
    configureNet();
    awaitRoute("10.60.0.0/16", 1024);
  }

  @Test
  void aNetlinkErrorSaysWhatWasBeingDone() {
    var spec = RouteSpec.builder(Family.INET4).dst(IpPrefix.parse("10.7.0.0/16")).gateway(IpAddr.parse("10.0.0.1"))
        .outLinkName("eth0").priority(1024).protocol(RouteProtocol.STATIC).build();
    var add = new RoutePlan.Add(spec.id(), spec, RoutePlan.message(spec, 2));
    var error = RouteSpecController.located(add, Map.of(2, "eth0"), new NetlinkException(Errno.EEXIST, "x"));
    assertThat(error).hasMessage("adding route 10.7.0.0/16 via 10.0.0.1 on eth0 table main metric 1024: EEXIST");
    assertThat(error.errno()).isEqualTo(Errno.EEXIST);
    var delete = new RoutePlan.Delete(spec.id(), spec, RoutePlan.message(spec, 2));
    assertThat(RouteSpecController.located(delete, Map.of(), new NetlinkException(Errno.ESRCH, "x")))
        .hasMessage("deleting route 10.7.0.0/16 via 10.0.0.1 table main metric 1024: ESRCH");
    assertThat(List.of(error.getCause())).hasSize(1);
  }

  @Test
  void fiveHundredRoutesAreAppliedAndRemovedTogether() throws Exception {
    var routes = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      routes.append(i == 0 ? "" : ", ").append("{\"network\": \"10.").append(100 + i / 250).append('.')
          .append(i % 250).append(".0/24\", \"gateway\": \"172.20.0.254\"}");
    }
    int before = kernel.routes().size();
    long start = System.nanoTime();
    configure("eth0/000", "{\"interface\": \"eth0\", \"routes\": [" + routes + "]}");
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(1))
        .until(() -> kernel.routes().size() == before + 500);
    long applied = System.nanoTime() - start;
    h.destroy(DeviceConfigSpec.DEFINITION.pointer("eth0/000"));
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(1))
        .until(() -> kernel.routes().size() == before);
    long removed = System.nanoTime() - start - applied;
    System.out.printf("500 route specs: applied in %d ms, removed in %d ms (fake kernel)%n",
        applied / 1_000_000, removed / 1_000_000);
  }
}
