package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.controllers.network.AddressPlan.Add;
import dev.spindle.controllers.network.AddressPlan.Delete;
import dev.spindle.controllers.network.AddressPlan.Desired;
import dev.spindle.controllers.network.AddressPlan.Key;
import dev.spindle.controllers.network.AddressPlan.Replace;
import dev.spindle.controllers.network.AddressPlan.Step;
import dev.spindle.platform.network.AddressMessage;
import dev.spindle.platform.network.Ifa;
import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.network.AddressFlag;
import dev.spindle.resources.network.AddressFlags;
import dev.spindle.resources.network.AddressSpec;
import dev.spindle.resources.network.IpPrefix;
import dev.spindle.resources.network.Scope;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class AddressPlanTest {
  private static final Map<String, Integer> LINKS = Map.of("lo", 1, "eth0", 2);

  private static AddressSpec spec(String prefix, String link) {
    return AddressSpec.permanent(IpPrefix.parse(prefix), link, Scope.GLOBAL, ConfigLayer.CONFIGURATION);
  }

  private static Desired running(String prefix, String link) {
    var spec = spec(prefix, link);
    return new Desired(spec.id(), spec, false);
  }

  private static Desired tearingDown(String prefix, String link) {
    var spec = spec(prefix, link);
    return new Desired(spec.id(), spec, true);
  }

  /** What the kernel shows after {@code ip addr add <prefix> dev eth0} with Spindle's request. */
  private static AddressMessage kernel(String prefix) {
    var spec = spec(prefix, "eth0");
    return AddressPlan.message(spec, 2).toBuilder().flags(Ifa.F_PERMANENT).build();
  }

  private static Set<Key> ours(AddressMessage... messages) {
    return Stream.of(messages).map(Key::of).collect(java.util.stream.Collectors.toSet());
  }

  private static final AddressMessage V4 = kernel("10.0.0.5/24");
  private static final AddressMessage V6 = kernel("fd00::5/64");

  static Stream<Arguments> cases() {
    AddressMessage v4Finite = V4.toBuilder().flags(0).validLifetime(300).preferredLifetime(300).build();
    AddressMessage v4Metric = V4.toBuilder().priority(50).build();
    AddressMessage v4Tentative = V4.toBuilder().flags(Ifa.F_PERMANENT | Ifa.F_TENTATIVE | Ifa.F_TEMPORARY).build();
    AddressMessage v4Scope = V4.toBuilder().scope(Ifa.SCOPE_LINK).build();
    AddressMessage v4NoPrefixRoute = V4.toBuilder().flags(Ifa.F_PERMANENT | Ifa.F_NOPREFIXROUTE).build();
    AddressMessage v6Link = V6.toBuilder().scope(Ifa.SCOPE_LINK).build();
    AddressMessage v6NoDad = V6.toBuilder().flags(Ifa.F_PERMANENT | Ifa.F_NODAD).build();
    AddressMessage v6Other = kernel("fd00::5/48");
    AddressMessage wanted4 = AddressPlan.message(spec("10.0.0.5/24", "eth0"), 2);
    AddressMessage wanted6 = AddressPlan.message(spec("fd00::5/64", "eth0"), 2);
    var id4 = "eth0/10.0.0.5/24";
    var id6 = "eth0/fd00::5/64";
    return Stream.of(
        // name, specs, kernel, ours, steps, released, waiting, conflicts
        Arguments.of("missing → add", List.of(running("10.0.0.5/24", "eth0")), List.of(), Set.of(),
            List.of(new Add(id4, spec("10.0.0.5/24", "eth0"), wanted4)), List.of(), List.of(), List.of()),
        Arguments.of("present and ours → nothing", List.of(running("10.0.0.5/24", "eth0")), List.of(V4), ours(V4),
            List.of(), List.of(), List.of(), List.of()),
        Arguments.of("present, someone else's, same attributes → nothing", List.of(running("10.0.0.5/24", "eth0")),
            List.of(V4), Set.of(), List.of(), List.of(), List.of(), List.of()),
        Arguments.of("kernel-set flags are not compared", List.of(running("10.0.0.5/24", "eth0")),
            List.of(v4Tentative), ours(V4), List.of(), List.of(), List.of(), List.of()),
        Arguments.of("finite lifetimes on ours → replace", List.of(running("10.0.0.5/24", "eth0")),
            List.of(v4Finite), ours(V4), List.of(new Replace(id4, spec("10.0.0.5/24", "eth0"), wanted4)),
            List.of(), List.of(), List.of()),
        Arguments.of("another route metric on ours → replace", List.of(running("10.0.0.5/24", "eth0")),
            List.of(v4Metric), ours(V4), List.of(new Replace(id4, spec("10.0.0.5/24", "eth0"), wanted4)),
            List.of(), List.of(), List.of()),
        Arguments.of("IPv4 scope differs on ours → delete and add", List.of(running("10.0.0.5/24", "eth0")),
            List.of(v4Scope), ours(V4), List.of(new Delete(id4, spec("10.0.0.5/24", "eth0"), v4Scope),
                new Add(id4, spec("10.0.0.5/24", "eth0"), wanted4)), List.of(), List.of(), List.of()),
        Arguments.of("IPv4 managed flag differs on ours → delete and add", List.of(running("10.0.0.5/24", "eth0")),
            List.of(v4NoPrefixRoute), ours(V4), List.of(new Delete(id4, spec("10.0.0.5/24", "eth0"),
                v4NoPrefixRoute), new Add(id4, spec("10.0.0.5/24", "eth0"), wanted4)), List.of(), List.of(),
            List.of()),
        Arguments.of("IPv6 flag differs on ours → replace in place", List.of(running("fd00::5/64", "eth0")),
            List.of(v6NoDad), ours(V6), List.of(new Replace(id6, spec("fd00::5/64", "eth0"), wanted6)), List.of(),
            List.of(), List.of()),
        Arguments.of("IPv6 scope is the kernel's → nothing", List.of(running("fd00::5/64", "eth0")),
            List.of(v6Link), ours(V6), List.of(), List.of(), List.of(), List.of()),
        Arguments.of("IPv6 same address, other prefix, ours → delete and add", List.of(running("fd00::5/64", "eth0")),
            List.of(v6Other), ours(v6Other), List.of(new Delete(id6, spec("fd00::5/64", "eth0"), v6Other),
                new Add(id6, spec("fd00::5/64", "eth0"), wanted6)), List.of(), List.of(), List.of()),
        Arguments.of("differs but someone else's → conflict, untouched", List.of(running("10.0.0.5/24", "eth0")),
            List.of(v4Finite), Set.of(), List.of(), List.of(), List.of(), List.of(id4)),
        Arguments.of("IPv4 other prefix length is another address → add", List.of(running("10.0.0.5/16", "eth0")),
            List.of(V4), Set.of(), List.of(new Add("eth0/10.0.0.5/16", spec("10.0.0.5/16", "eth0"),
                AddressPlan.message(spec("10.0.0.5/16", "eth0"), 2))), List.of(), List.of(), List.of()),
        Arguments.of("link not there yet → waits", List.of(running("10.0.0.5/24", "eth9")), List.of(), Set.of(),
            List.of(), List.of(), List.of("eth9/10.0.0.5/24"), List.of()),
        Arguments.of("torn down, ours → delete and release", List.of(tearingDown("10.0.0.5/24", "eth0")),
            List.of(V4), ours(V4), List.of(new Delete(id4, spec("10.0.0.5/24", "eth0"), V4)), List.of(id4),
            List.of(), List.of()),
        Arguments.of("torn down, someone else's → release, untouched", List.of(tearingDown("10.0.0.5/24", "eth0")),
            List.of(V4), Set.of(), List.of(), List.of(id4), List.of(), List.of()),
        Arguments.of("torn down, gone already → release", List.of(tearingDown("10.0.0.5/24", "eth0")), List.of(),
            ours(V4), List.of(), List.of(id4), List.of(), List.of()),
        Arguments.of("torn down, link gone → release", List.of(tearingDown("10.0.0.5/24", "eth9")), List.of(),
            Set.of(), List.of(), List.of("eth9/10.0.0.5/24"), List.of(), List.of()),
        Arguments.of("an address without a spec is never touched", List.of(), List.of(V4, V6), ours(V4, V6),
            List.of(), List.of(), List.of(), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void plans(String name, List<Desired> specs, List<AddressMessage> kernel, Set<Key> ours, List<Step> steps,
      List<String> released, List<String> waiting, List<String> conflicts) {
    AddressPlan plan = AddressPlan.plan(specs, LINKS, kernel, ours);
    assertThat(plan.steps()).as("steps").containsExactlyElementsOf(steps);
    assertThat(plan.released()).as("released").containsExactlyElementsOf(released);
    assertThat(plan.waiting()).as("waiting").containsExactlyElementsOf(waiting);
    assertThat(plan.conflicts()).as("conflicts").containsExactlyElementsOf(conflicts);
  }

  @Test
  void theRequestIsTalosAddressMessage() {
    var spec = new AddressSpec(IpPrefix.parse("192.168.3.6/27"), "eth0", null, Scope.LINK,
        AddressFlags.of(AddressFlag.PERMANENT), false, ConfigLayer.CONFIGURATION, 1024);
    AddressMessage m = AddressPlan.message(spec, 7);
    assertThat(m.family()).isEqualTo(Ifa.AF_INET);
    assertThat(m.index()).isEqualTo(7);
    assertThat(m.prefixLength()).isEqualTo(27);
    assertThat(m.scope()).isEqualTo(Ifa.SCOPE_LINK);
    assertThat(m.flags()).isEqualTo(Ifa.F_PERMANENT);
    assertThat(m.priority()).isEqualTo(1024);
    assertThat(AddressMessage.text(m.local())).isEqualTo("192.168.3.6");
    assertThat(AddressMessage.text(m.address())).isEqualTo("192.168.3.6");
    assertThat(AddressMessage.text(m.broadcast())).isEqualTo("192.168.3.31");
    assertThat(m.validLifetime()).isEqualTo(Ifa.INFINITE_LIFETIME);
    assertThat(AddressMessage.text(AddressPlan.message(spec("10.0.0.5/8", "eth0"), 2).broadcast()))
        .isEqualTo("10.255.255.255");
    assertThat(AddressPlan.message(spec("fd00::5/64", "eth0"), 2).broadcast()).isEmpty();
  }
}
