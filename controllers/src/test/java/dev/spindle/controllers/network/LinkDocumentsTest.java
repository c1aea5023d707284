package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.Devices.device;
import static dev.spindle.controllers.network.Links.ether;
import static dev.spindle.controllers.network.Links.link;
import static dev.spindle.controllers.network.MachineConfigs.documents;
import static dev.spindle.controllers.network.MachineConfigs.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.config.CommonLinkConfig;
import dev.spindle.resources.config.DummyLinkConfig;
import dev.spindle.resources.config.LinkAddressConfig;
import dev.spindle.resources.config.LinkConfig;
import dev.spindle.resources.config.LinkRouteConfig;
import dev.spindle.resources.config.WireguardConfig;
import dev.spindle.resources.network.AddressSpec;
import dev.spindle.resources.network.DeviceConfigSpec;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.IpPrefix;
import dev.spindle.resources.network.LinkAliasSpec;
import dev.spindle.resources.network.LinkSpec;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.RouteProtocol;
import dev.spindle.resources.network.RouteSpec;
import dev.spindle.resources.network.RoutingTable;
import dev.spindle.runtime.resource.ResourceQuery;
import dev.spindle.runtime.testing.ControllerHarness;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The multi-document link kinds' addresses and routes reach the address and route stages, on the link their name
 * resolves to: by kernel name, altname or {@code LinkAliasConfig} alias (which the link stage resolves too).
 */
class LinkDocumentsTest {
  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new AddressConfigController(), new RouteConfigController(),
      new LinkConfigController());

  private <S> List<String> ids(dev.spindle.runtime.resource.ResourceDefinition<S> definition) {
    return h.state().list(definition.kind(Namespaces.NETWORK_CONFIG), ResourceQuery.ALL).stream()
        .map(r -> r.metadata().id()).toList();
  }

  private <S> S spec(dev.spindle.runtime.resource.ResourceDefinition<S> definition, String id) {
    return definition.cast(h.state().get(definition.pointer(Namespaces.NETWORK_CONFIG, id))).spec();
  }

  @Test
  void addressesAndRoutesOfLinkDocumentsLandOnTheResolvedLink() {
    h.create(link("eth0", ether().altNames(List.of("enp0s2"))));
    h.create(link("eth1", ether()));
    h.create(LinkAliasSpec.DEFINITION, "eth1", new LinkAliasSpec("lan1"));
    var byAltName = new LinkConfig("enp0s2", new CommonLinkConfig(null, 0,
        List.of(new LinkAddressConfig(IpPrefix.parse("10.0.0.5/24"), 2048)),
        List.of(new LinkRouteConfig(null, IpAddr.parse("10.0.0.1"), null, 0, 0, ""),
            new LinkRouteConfig(IpPrefix.parse("10.9.0.0/16"), IpAddr.parse("10.0.0.254"), null, 50, 1400, "100")),
        null));
    var byAlias = new LinkConfig("lan1", new CommonLinkConfig(null, 0,
        List.of(new LinkAddressConfig(IpPrefix.parse("fd00:1::5/64"), null)), List.of(), null));
    var dummy = new DummyLinkConfig("dummy0", null, new CommonLinkConfig(null, 0,
        List.of(new LinkAddressConfig(IpPrefix.parse("192.0.2.1/32"), null)), List.of(), null));
    h.create(resource(documents(byAltName, byAlias, dummy)));

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(ids(AddressSpec.DEFINITION)).contains("configuration/eth0/10.0.0.5/24",
          "configuration/eth1/fd00:1::5/64", "configuration/dummy0/192.0.2.1/32");
      assertThat(ids(RouteSpec.DEFINITION)).contains("configuration/inet4/10.0.0.1//1024",
          "configuration/100/inet4/10.0.0.254/10.9.0.0/16/50");
      assertThat(ids(LinkSpec.DEFINITION)).contains("configuration/eth0", "configuration/eth1",
          "configuration/dummy0");
    });
    AddressSpec address = spec(AddressSpec.DEFINITION, "configuration/eth0/10.0.0.5/24");
    assertThat(address.priority()).isEqualTo(2048);
    assertThat(address.layer()).isEqualTo(ConfigLayer.CONFIGURATION);
    RouteSpec tabled = spec(RouteSpec.DEFINITION, "configuration/100/inet4/10.0.0.254/10.9.0.0/16/50");
    assertThat(tabled.table()).isEqualTo(RoutingTable.of(100));
    assertThat(tabled.outLinkName()).isEqualTo("eth0");
    assertThat(tabled.mtu()).isEqualTo(1400);
    assertThat(tabled.protocol()).isEqualTo(RouteProtocol.STATIC);
  }

  @Test
  void legacyInterfaceNamesResolveThroughAltnamesAndAliasesInEveryStage() {
    h.create(link("eth0", ether().altNames(List.of("enp0s2"))));
    h.create(link("eth1", ether()));
    h.create(LinkAliasSpec.DEFINITION, "eth1", new LinkAliasSpec("lan1"));
    h.create(DeviceConfigSpec.DEFINITION, "lan1/000", new DeviceConfigSpec(device("""
        {"interface": "lan1", "addresses": ["10.1.0.5/24"],
         "routes": [{"network": "10.8.0.0/16", "gateway": "10.1.0.254"}]}""")));
    h.create(DeviceConfigSpec.DEFINITION, "enp0s2/001", new DeviceConfigSpec(device("""
        {"interface": "enp0s2", "addresses": ["10.2.0.5/24"], "mtu": 1400}""")));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(ids(AddressSpec.DEFINITION)).contains("configuration/eth1/10.1.0.5/24",
          "configuration/eth0/10.2.0.5/24");
      assertThat(ids(RouteSpec.DEFINITION)).contains("configuration/inet4/10.1.0.254/10.8.0.0/16/1024");
      assertThat(ids(LinkSpec.DEFINITION)).contains("configuration/eth0", "configuration/eth1");
    });
    assertThat(spec(RouteSpec.DEFINITION, "configuration/inet4/10.1.0.254/10.8.0.0/16/1024").outLinkName())
        .isEqualTo("eth1");
  }

  @Test
  void aWireguardConfigsAddressesAndRoutesLandOnItsLink() {
    var wg = new WireguardConfig("wg0", "GA1E1VB+g41Dl0+UH2TMW9C5953y+moVg6JIIqkJbmw=", 51111, 0, List.of(),
        new CommonLinkConfig(true, 1500, List.of(new LinkAddressConfig(IpPrefix.parse("10.1.0.2/24"), null),
            new LinkAddressConfig(IpPrefix.parse("fd00:1::2/64"), null)),
            List.of(new LinkRouteConfig(IpPrefix.parse("10.9.0.0/16"), null, null, 0, 0, "")), null));
    h.create(resource(documents(wg)));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(ids(AddressSpec.DEFINITION)).contains("configuration/wg0/10.1.0.2/24",
          "configuration/wg0/fd00:1::2/64");
      assertThat(ids(RouteSpec.DEFINITION)).anySatisfy(id -> assertThat(id).contains("10.9.0.0/16"));
      assertThat(ids(LinkSpec.DEFINITION)).contains("configuration/wg0");
    });
    assertThat(spec(AddressSpec.DEFINITION, "configuration/wg0/10.1.0.2/24").linkName()).isEqualTo("wg0");
  }
}
