package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.Devices.device;
import static dev.spindle.controllers.network.MachineConfigs.cmdline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.network.DeviceConfigSpec;
import dev.spindle.resources.network.Family;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.IpPrefix;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.RouteProtocol;
import dev.spindle.resources.network.RouteSpec;
import dev.spindle.resources.network.RouteType;
import dev.spindle.resources.network.RoutingTable;
import dev.spindle.resources.network.Scope;
import dev.spindle.runtime.resource.ResourceQuery;
import dev.spindle.runtime.testing.ControllerHarness;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Talos's {@code route_config_test.go} vectors (cmdline, cmdline not reachable, legacy machine configuration). */
class RouteConfigControllerTest {
  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new RouteConfigController());

  private void awaitIds(String... ids) {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(h.state()
        .list(RouteSpec.DEFINITION.kind(Namespaces.NETWORK_CONFIG), ResourceQuery.ALL).stream()
        .map(r -> r.metadata().id())).containsExactlyInAnyOrder(ids));
  }

  private RouteSpec config(String id) {
    return RouteSpec.DEFINITION.cast(h.state().get(RouteSpec.DEFINITION.pointer(Namespaces.NETWORK_CONFIG, id)))
        .spec();
  }

  private void configure(String id, String entry) {
    h.create(DeviceConfigSpec.DEFINITION, id, new DeviceConfigSpec(device(entry)));
  }

  @Test
  void eachIpWithAGatewayGivesADefaultRouteWithItsOwnMetric() {
    h.create(cmdline("ip=172.20.0.2::172.20.0.1:255.255.255.0::eth1::::: ip=eth3:dhcp "
        + "ip=10.3.5.7::10.3.5.1:255.255.255.0::eth4"));
    awaitIds("cmdline/inet4/172.20.0.1//1024", "cmdline/inet4/10.3.5.1//1026");
    assertThat(config("cmdline/inet4/172.20.0.1//1024")).isEqualTo(RouteSpec.builder(Family.INET4)
        .gateway(IpAddr.parse("172.20.0.1")).outLinkName("eth1").table(RoutingTable.MAIN).priority(1024)
        .scope(Scope.GLOBAL).type(RouteType.UNICAST).protocol(RouteProtocol.BOOT).layer(ConfigLayer.CMDLINE).build());
    assertThat(config("cmdline/inet4/10.3.5.1//1026").outLinkName()).isEqualTo("eth4");
  }

  @Test
  void aGatewayOutsideTheAddressGetsALinkRoute() {
    h.create(cmdline("ip=172.20.0.2::172.20.0.1:255.255.255.255::eth1:::::"));
    awaitIds("cmdline/inet4/172.20.0.1//1024", "cmdline/inet4//172.20.0.1/32/1024");
    RouteSpec link = config("cmdline/inet4//172.20.0.1/32/1024");
    assertThat(link.gateway()).isNull();
    assertThat(link.dst()).isEqualTo(IpPrefix.parse("172.20.0.1/32"));
    assertThat(link.src()).isEqualTo(IpAddr.parse("172.20.0.2"));
    assertThat(link.outLinkName()).isEqualTo("eth1");
    assertThat(link.scope()).isEqualTo(Scope.LINK);
    assertThat(link.priority()).isEqualTo(1024);
  }

  @Test
  void anIpv6GatewayNeedsNoLinkRoute() {
    h.create(cmdline("ip=[2001:db8::a]::[fe80::1]:64::eth1:::::"));
    awaitIds("cmdline/eth1/inet6/fe80::1//1024");
    assertThat(config("cmdline/eth1/inet6/fe80::1//1024").family()).isEqualTo(Family.INET6);
  }

  @Test
  void theCmdlineRouteOfAnIgnoredLinkIsLeftOut() {
    configure("eth1/000", """
        {"interface": "eth1", "ignore": true}""");
    h.create(cmdline("ip=172.20.0.2::172.20.0.1:255.255.255.0::eth1 ip=10.3.5.7::10.3.5.1:255.255.255.0::eth4"));
    awaitIds("cmdline/inet4/10.3.5.1//1025");
  }

  @Test
  void theLegacyConfigurationGivesTalosRoutes() {
    configure("eth3/000", """
        {"interface": "eth3", "addresses": ["192.168.0.24/28"], "routes": [
          {"network": "192.168.0.0/18", "gateway": "192.168.0.25", "metric": 25},
          {"network": "169.254.254.254/32"}]}""");
    configure("eth4/001", """
        {"interface": "eth4", "ignore": true, "addresses": ["192.168.0.24/28"], "routes": [
          {"network": "192.168.0.0/18", "gateway": "192.168.0.26", "metric": 25}]}""");
    configure("eth2/002", """
        {"interface": "eth2", "addresses": ["2001:470:6d:30e:8ed2:b60c:9d2f:803a/64"], "routes": [
          {"gateway": "2001:470:6d:30e:8ed2:b60c:9d2f:803b"}]}""");
    configure("eth0/003", """
        {"interface": "eth0", "vlans": [{"vlanId": 24, "addresses": ["10.0.0.1/8"], "routes": [
          {"network": "10.0.3.0/24", "gateway": "10.0.3.1"}]}]}""");
    configure("eth1/004", """
        {"interface": "eth1", "routes": [
          {"network": "192.244.0.0/24", "gateway": "192.244.0.1", "source": "192.244.0.10", "mtu": 1400}]}""");
    awaitIds("configuration/eth2/inet6/2001:470:6d:30e:8ed2:b60c:9d2f:803b//1024",
        "configuration/inet4/10.0.3.1/10.0.3.0/24/1024", "configuration/inet4/192.168.0.25/192.168.0.0/18/25",
        "configuration/inet4/192.244.0.1/192.244.0.0/24/1024", "configuration/inet4//169.254.254.254/32/1024");

    RouteSpec v6 = config("configuration/eth2/inet6/2001:470:6d:30e:8ed2:b60c:9d2f:803b//1024");
    assertThat(v6.outLinkName()).isEqualTo("eth2");
    assertThat(v6.family()).isEqualTo(Family.INET6);
    assertThat(v6.dst()).isNull();
    assertThat(v6.scope()).isEqualTo(Scope.GLOBAL);
    assertThat(config("configuration/inet4/10.0.3.1/10.0.3.0/24/1024").outLinkName()).isEqualTo("eth0.24");
    RouteSpec metric = config("configuration/inet4/192.168.0.25/192.168.0.0/18/25");
    assertThat(metric.outLinkName()).isEqualTo("eth3");
    assertThat(metric.priority()).isEqualTo(25);
    assertThat(metric.protocol()).isEqualTo(RouteProtocol.STATIC);
    assertThat(metric.table()).isEqualTo(RoutingTable.MAIN);
    assertThat(metric.type()).isEqualTo(RouteType.UNICAST);
    assertThat(metric.layer()).isEqualTo(ConfigLayer.CONFIGURATION);
    RouteSpec source = config("configuration/inet4/192.244.0.1/192.244.0.0/24/1024");
    assertThat(source.src()).isEqualTo(IpAddr.parse("192.244.0.10"));
    assertThat(source.mtu()).isEqualTo(1400);
    RouteSpec link = config("configuration/inet4//169.254.254.254/32/1024");
    assertThat(link.outLinkName()).isEqualTo("eth3");
    assertThat(link.scope()).isEqualTo(Scope.LINK);
    assertThat(link.dst()).hasToString("169.254.254.254/32");

    h.destroy(DeviceConfigSpec.DEFINITION.pointer("eth3/000"));
    awaitIds("configuration/eth2/inet6/2001:470:6d:30e:8ed2:b60c:9d2f:803b//1024",
        "configuration/inet4/10.0.3.1/10.0.3.0/24/1024", "configuration/inet4/192.244.0.1/192.244.0.0/24/1024");
  }

  @Test
  void aMulticastNetworkIsAMulticastRouteAndZeroValuesNormalize() {
    configure("eth0/000", """
        {"interface": "eth0", "routes": [{"network": "224.0.0.0/4"},
          {"network": "0.0.0.0/0", "gateway": "10.0.0.1", "metric": 0},
          {"network": "::/0", "gateway": "fd00::1"}]}""");
    awaitIds("configuration/inet4//224.0.0.0/4/1024", "configuration/inet4/10.0.0.1//1024",
        "configuration/eth0/inet6/fd00::1//1024");
    assertThat(config("configuration/inet4//224.0.0.0/4/1024").type()).isEqualTo(RouteType.MULTICAST);
  }

  @Test
  void anUnusableRouteIsSkippedAndTheOthersStay() {
    configure("eth0/000", """
        {"interface": "eth0", "routes": [{"network": "10.9.0.5/16", "gateway": "10.0.0.1"},
          {"network": "10.8.0.0/16", "gateway": "fd00::1"}, {"network": "not-a-network"},
          {"network": "10.7.0.0/16", "gateway": "10.0.0.1"}]}""");
    awaitIds("configuration/inet4/10.0.0.1/10.7.0.0/16/1024");
  }

  @Test
  void usableRoutesAreConvertedAsTalosDoes() {
    RouteSpec spec = RouteConfigController.configuredRoute("eth0", Devices.json("""
        {"network": "10.7.0.0/16", "gateway": "10.0.0.1", "metric": 7, "mtu": 1280}"""));
    assertThat(spec).isEqualTo(RouteSpec.builder(Family.INET4).dst(IpPrefix.parse("10.7.0.0/16"))
        .gateway(IpAddr.parse("10.0.0.1")).outLinkName("eth0").priority(7).mtu(1280).protocol(RouteProtocol.STATIC)
        .layer(ConfigLayer.CONFIGURATION).build());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RouteConfigController.configuredRoute("eth0",
        Devices.json("{\"network\": \"10.9.0.5/16\"}"))).hasMessageContaining("host bits set (the network is 10.9.0.0/16)");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RouteConfigController.configuredRoute("eth0",
        Devices.json("{\"network\": \"10.8.0.0/16\", \"gateway\": \"fd00::1\"}")))
        .hasMessageContaining("the gateway fd00::1 is not inet4");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RouteConfigController.configuredRoute("eth0",
        Devices.json("{\"network\": \"10.8.0.0\"}"))).hasMessageStartingWith("error parsing route network: ");
  }

  @Test
  void anUnparsableCmdlineLeavesTheConfiguration() {
    h.create(cmdline("ip=999.1.1.1:::::eth0"));
    configure("eth0/000", """
        {"interface": "eth0", "routes": [{"network": "10.7.0.0/16", "gateway": "10.0.0.1"}]}""");
    awaitIds("configuration/inet4/10.0.0.1/10.7.0.0/16/1024");
  }

  @Test
  void anIpWithAGatewayButNoAddressGetsTheLinkRouteWithoutASource() {
    var link = new CmdlineNetwork.LinkConfig("eth0", java.util.Optional.empty(),
        java.util.Optional.of(IpAddr.parse("10.0.0.1")), false);
    var routes = RouteConfigController.cmdlineRoutes(link, 3);
    assertThat(routes).extracting(RouteSpec::layeredId)
        .containsExactly("cmdline/inet4/10.0.0.1//1027", "cmdline/inet4//10.0.0.1/32/1027");
    assertThat(routes.get(1).src()).isNull();
    assertThat(RouteConfigController.cmdlineRoutes(new CmdlineNetwork.LinkConfig("eth0", java.util.Optional.empty(),
        java.util.Optional.empty(), true), 0)).isEmpty();
  }
}
