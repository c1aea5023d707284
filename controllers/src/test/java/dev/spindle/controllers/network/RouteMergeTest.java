package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.network.Family;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.IpPrefix;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.RouteSpec;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.testing.ControllerHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Talos's {@code route_merge_test.go} vector: cmdline and dhcp default routes and a configured static route. */
class RouteMergeTest {
  private static final RouteSpec CMDLINE = RouteSpec.builder(Family.INET4).gateway(IpAddr.parse("10.5.0.3"))
      .outLinkName("eth0").priority(50).layer(ConfigLayer.CMDLINE).build();
  private static final RouteSpec DHCP = CMDLINE.toBuilder().outLinkName("eth1").layer(ConfigLayer.OPERATOR).build();
  private static final RouteSpec STATIC = RouteSpec.builder(Family.INET4).dst(IpPrefix.parse("10.0.0.35/32"))
      .gateway(IpAddr.parse("10.0.0.34")).priority(1024).layer(ConfigLayer.CONFIGURATION).build();

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(RouteMerge.controller());

  private static Resource<RouteSpec> in(String id, RouteSpec spec) {
    return Resource.of(RouteSpec.DEFINITION, Namespaces.NETWORK_CONFIG, id, spec);
  }

  @Test
  void theMergeIsTalosVector() {
    var merged = new RouteMerge().merge(List.of(in("cmdline/inet4/10.5.0.3//50", CMDLINE),
        in("configuration/inet4/10.0.0.34/10.0.0.35/32/1024", STATIC), in("dhcp/inet4/10.5.0.3//50", DHCP)));
    assertThat(merged).containsOnlyKeys("inet4/10.5.0.3//50", "inet4/10.0.0.34/10.0.0.35/32/1024");
    assertThat(merged.get("inet4/10.5.0.3//50")).isEqualTo(DHCP);
    assertThat(merged.get("inet4/10.0.0.34/10.0.0.35/32/1024")).isEqualTo(STATIC);
  }

  @Test
  void theNextLayerTakesOverAndAnUnwantedRouteGoes() {
    h.create(in("cmdline/inet4/10.5.0.3//50", CMDLINE));
    h.create(in("dhcp/inet4/10.5.0.3//50", DHCP));
    h.create(in("configuration/inet4/10.0.0.34/10.0.0.35/32/1024", STATIC));
    h.awaitSpec(RouteSpec.DEFINITION, "inet4/10.5.0.3//50", s -> assertThat(s).isEqualTo(DHCP));
    h.awaitSpec(RouteSpec.DEFINITION, "inet4/10.0.0.34/10.0.0.35/32/1024", s -> assertThat(s).isEqualTo(STATIC));

    h.destroy(RouteSpec.DEFINITION.pointer(Namespaces.NETWORK_CONFIG, "dhcp/inet4/10.5.0.3//50"));
    h.awaitSpec(RouteSpec.DEFINITION, "inet4/10.5.0.3//50", s -> assertThat(s).isEqualTo(CMDLINE));
    h.destroy(RouteSpec.DEFINITION.pointer(Namespaces.NETWORK_CONFIG,
        "configuration/inet4/10.0.0.34/10.0.0.35/32/1024"));
    h.awaitNoResource(RouteSpec.DEFINITION.pointer("inet4/10.0.0.34/10.0.0.35/32/1024"));
  }
}
