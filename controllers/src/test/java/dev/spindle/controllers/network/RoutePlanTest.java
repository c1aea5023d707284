package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.controllers.network.RoutePlan.Add;
import dev.spindle.controllers.network.RoutePlan.Delete;
import dev.spindle.controllers.network.RoutePlan.Desired;
import dev.spindle.controllers.network.RoutePlan.Key;
import dev.spindle.controllers.network.RoutePlan.Replace;
import dev.spindle.controllers.network.RoutePlan.Step;
import dev.spindle.platform.network.Ifa;
import dev.spindle.platform.network.RouteMessage;
import dev.spindle.platform.network.Rtn;
import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.network.Family;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.IpPrefix;
import dev.spindle.resources.network.RouteNextHop;
import dev.spindle.resources.network.RouteProtocol;
import dev.spindle.resources.network.RouteSpec;
import dev.spindle.resources.network.RouteType;
import dev.spindle.resources.network.RoutingTable;
import dev.spindle.resources.network.Scope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RoutePlanTest {
  private static final Map<String, Integer> LINKS = Map.of("lo", 1, "eth0", 2, "eth1", 3);

  /** {@code 10.7.0.0/16 via 172.20.0.254 dev eth0 metric 1024 proto static}, as the configuration stage builds it. */
  private static RouteSpec spec(String dst, String gateway, String link) {
    return RouteSpec.builder(dst != null && dst.contains(":") || gateway != null && gateway.contains(":")
            ? Family.INET6 : Family.INET4)
        .dst(dst == null ? null : IpPrefix.parse(dst)).gateway(gateway == null ? null : IpAddr.parse(gateway))
        .outLinkName(link).priority(1024).protocol(RouteProtocol.STATIC).layer(ConfigLayer.CONFIGURATION).build()
        .normalize().spec();
  }

  private static final RouteSpec NET = spec("10.7.0.0/16", "172.20.0.254", "eth0");
  private static final RouteSpec V6 = spec("fd00:7::/64", "fd00::1", "eth0");
  private static final RouteSpec LINK = spec("10.9.0.0/16", null, "eth1");

  private static Desired running(RouteSpec spec) {
    return new Desired(spec.id(), spec, false);
  }

  private static Desired tearingDown(RouteSpec spec) {
    return new Desired(spec.id(), spec, true);
  }

  /** What a dump shows after Spindle's request went through: the kernel fills in the main table. */
  private static RouteMessage kernel(RouteSpec spec, int index) {
    RouteMessage m = RoutePlan.message(spec, index);
    return m.family() == Ifa.AF_INET6 ? m.toBuilder().scope(Ifa.SCOPE_UNIVERSE).build() : m;
  }

  private static Map<Key, Integer> ours(RouteMessage... routes) {
    var map = new HashMap<Key, Integer>();
    for (RouteMessage r : routes) {
      map.put(Key.of(r), r.protocol());
    }
    return map;
  }

  private static final RouteMessage K_NET = kernel(NET, 2);
  private static final RouteMessage K_V6 = kernel(V6, 2);

  static Stream<Arguments> cases() {
    RouteMessage wanted = RoutePlan.message(NET, 2);
    RouteMessage mtu = K_NET.toBuilder().mtu(1400).build();
    RouteMessage dhcp = K_NET.toBuilder().protocol(Rtn.PROT_DHCP).build();
    RouteMessage otherLink = K_NET.toBuilder().outIndex(3).build();
    RouteMessage otherGateway = K_NET.toBuilder().gateway(IpAddr.parse("172.20.0.253").bytes()).build();
    RouteMessage linkDown = K_NET.toBuilder().flags(Rtn.F_LINKDOWN).build();
    RouteMessage v6Metric0 = RoutePlan.message(V6.toBuilder().priority(0).build(), 2).toBuilder()
        .priority(Rtn.IP6_PRIORITY_USER).scope(Ifa.SCOPE_UNIVERSE).build();
    RouteSpec v6NoMetric = V6.toBuilder().priority(0).build();
    RouteSpec moved = spec("10.7.0.0/16", "172.20.0.253", "eth0");
    String id = NET.id();
    return Stream.of(
        // name, specs, kernel, ours, steps, released, waiting, conflicts
        Arguments.of("missing → add", List.of(running(NET)), List.of(), Map.of(),
            List.of(new Add(id, NET, wanted)), List.of(), List.of(), List.of()),
        Arguments.of("present and ours → nothing", List.of(running(NET)), List.of(K_NET), ours(K_NET),
            List.of(), List.of(), List.of(), List.of()),
        Arguments.of("present, someone else's, same attributes → nothing", List.of(running(NET)), List.of(K_NET),
            Map.of(), List.of(), List.of(), List.of(), List.of()),
        Arguments.of("kernel flags are not compared", List.of(running(NET)), List.of(linkDown), ours(K_NET),
            List.of(), List.of(), List.of(), List.of()),
        Arguments.of("another MTU on ours → replace", List.of(running(NET)), List.of(mtu), ours(mtu),
            List.of(new Replace(id, NET, wanted)), List.of(), List.of(), List.of()),
        Arguments.of("another out link on ours → replace", List.of(running(NET)), List.of(otherLink),
            ours(otherLink), List.of(new Replace(id, NET, wanted)), List.of(), List.of(), List.of()),
        Arguments.of("differs but someone else's → conflict", List.of(running(NET)), List.of(mtu), Map.of(),
            List.of(), List.of(), List.of(), List.of(id)),
        Arguments.of("replaced behind us with another protocol → theirs, conflict", List.of(running(NET)),
            List.of(dhcp), ours(K_NET), List.of(), List.of(), List.of(), List.of(id)),
        Arguments.of("its slot held by someone else's route → conflict, no EEXIST", List.of(running(NET)),
            List.of(otherGateway), Map.of(), List.of(), List.of(), List.of(), List.of(id)),
        Arguments.of("its slot held by our route of another spec → waits", List.of(running(NET)),
            List.of(otherGateway), ours(otherGateway), List.of(), List.of(), List.of(id), List.of()),
        Arguments.of("a new gateway: the old route goes first, then the new one is added",
            List.of(running(NET), tearingDown(moved)), List.of(otherGateway), ours(otherGateway),
            List.of(new Delete(moved.id(), moved, otherGateway), new Add(id, NET, wanted)), List.of(moved.id()),
            List.of(), List.of()),
        Arguments.of("IPv6 scope is the kernel's → nothing", List.of(running(V6)), List.of(K_V6), ours(K_V6),
            List.of(), List.of(), List.of(), List.of()),
        Arguments.of("IPv6 without a metric matches the kernel's 1024", List.of(running(v6NoMetric)),
            List.of(v6Metric0), ours(v6Metric0), List.of(), List.of(), List.of(), List.of()),
        Arguments.of("link not there yet → waits", List.of(running(spec("10.7.0.0/16", null, "eth9"))), List.of(),
            Map.of(), List.of(), List.of(), List.of(spec("10.7.0.0/16", null, "eth9").id()), List.of()),
        Arguments.of("torn down, ours → delete and release", List.of(tearingDown(NET)), List.of(K_NET), ours(K_NET),
            List.of(new Delete(id, NET, K_NET)), List.of(id), List.of(), List.of()),
        Arguments.of("torn down, someone else's → release, untouched", List.of(tearingDown(NET)), List.of(K_NET),
            Map.of(), List.of(), List.of(id), List.of(), List.of()),
        Arguments.of("torn down, replaced by someone → release, untouched", List.of(tearingDown(NET)),
            List.of(dhcp), ours(K_NET), List.of(), List.of(id), List.of(), List.of()),
        Arguments.of("torn down, gone already → release", List.of(tearingDown(NET)), List.of(), ours(K_NET),
            List.of(), List.of(id), List.of(), List.of()),
        Arguments.of("a route without a spec is never touched", List.of(running(LINK)), List.of(K_NET, K_V6),
            ours(K_NET, K_V6), List.of(new Add(LINK.id(), LINK, RoutePlan.message(LINK, 3))), List.of(), List.of(),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void plans(String name, List<Desired> specs, List<RouteMessage> kernel, Map<Key, Integer> ours, List<Step> steps,
      List<String> released, List<String> waiting, List<String> conflicts) {
    RoutePlan plan = RoutePlan.plan(specs, LINKS, kernel, ours);
    assertThat(plan.steps()).as("steps").containsExactlyElementsOf(steps);
    assertThat(plan.released()).as("released").containsExactlyElementsOf(released);
    assertThat(plan.waiting()).as("waiting").containsExactlyElementsOf(waiting);
    assertThat(plan.conflicts()).as("conflicts").containsExactlyElementsOf(conflicts);
    assertThat(plan.unsupported()).isEmpty();
  }

  @Test
  void aMultipathSpecIsUnsupported() {
    RouteSpec multipath = NET.toBuilder().gateway(null).nextHops(List.of(new RouteNextHop(IpAddr.parse("10.0.0.1"),
        "eth0", 1))).build();
    RoutePlan plan = RoutePlan.plan(List.of(running(multipath)), LINKS, List.of(), Map.of());
    assertThat(plan.steps()).isEmpty();
    assertThat(plan.unsupported()).containsExactly(multipath.id());
  }

  @Test
  void theRequestIsTalosRouteMessage() {
    RouteSpec spec = RouteSpec.builder(Family.INET4).dst(IpPrefix.parse("10.7.0.0/16"))
        .src(IpAddr.parse("172.20.0.2")).gateway(IpAddr.parse("172.20.0.254")).outLinkName("eth0")
        .table(RoutingTable.of(100)).priority(25).scope(Scope.GLOBAL).type(RouteType.UNICAST)
        .protocol(RouteProtocol.STATIC).mtu(1400).layer(ConfigLayer.CONFIGURATION).build();
    RouteMessage m = RoutePlan.message(spec, 2);
    assertThat(m.family()).isEqualTo(Ifa.AF_INET);
    assertThat(m.dstLength()).isEqualTo(16);
    assertThat(IpAddr.parse("10.7.0.0").bytes()).isEqualTo(m.dst());
    assertThat(new IpAddr(m.gateway())).isEqualTo(IpAddr.parse("172.20.0.254"));
    assertThat(new IpAddr(m.prefSrc())).isEqualTo(IpAddr.parse("172.20.0.2"));
    assertThat(m.src()).as("RTA_SRC is source routing, not the preferred source").isEmpty();
    assertThat(m.outIndex()).isEqualTo(2);
    assertThat(m.table()).isEqualTo(100);
    assertThat(m.priority()).isEqualTo(25);
    assertThat(m.protocol()).isEqualTo(Rtn.PROT_STATIC);
    assertThat(m.type()).isEqualTo(Rtn.UNICAST);
    assertThat(m.scope()).isEqualTo(Ifa.SCOPE_UNIVERSE);
    assertThat(m.mtu()).isEqualTo(1400);
    RouteMessage dflt = RoutePlan.message(RouteSpec.builder(Family.INET6).gateway(IpAddr.parse("fe80::1"))
        .outLinkName("eth0").build(), 2);
    assertThat(dflt.dst()).isEmpty();
    assertThat(dflt.dstLength()).isZero();
    assertThat(Key.of(dflt)).isEqualTo(new Key(Ifa.AF_INET6, Rtn.TABLE_MAIN, "", "fe80::1", 1024, 2));
  }

  @Test
  void theSameIpv6RouteOnAnotherLinkIsSomeoneElsesAndIsNeverTouched() {
    RouteMessage ours = kernel(V6, 2);
    RouteMessage theirs = kernel(V6, 3);
    Map<Key, Integer> added = new HashMap<>(Map.of(Key.of(ours), Rtn.PROT_STATIC));
    assertThat(Key.of(theirs)).isNotEqualTo(Key.of(ours));
    assertThat(RoutePlan.ours(theirs, added)).isFalse();
    var plan = RoutePlan.plan(List.of(tearingDown(V6)), LINKS, List.of(ours, theirs), added);
    assertThat(plan.steps()).containsExactly(new Delete(V6.id(), V6, ours));
  }
}
