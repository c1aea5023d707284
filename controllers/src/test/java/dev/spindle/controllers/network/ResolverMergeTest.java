package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.network.DnsProtocol;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.NameServerSpec;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.ResolverSpec;
import dev.spindle.runtime.resource.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Talos's {@code resolver_merge_test.go} vectors, and the two helpers on their own. */
class ResolverMergeTest {
  static List<NameServerSpec> servers(String... addrs) {
    return Stream.of(addrs).map(a -> NameServerSpec.of(IpAddr.parse(a))).toList();
  }

  static Resource<ResolverSpec> in(String id, ConfigLayer layer, List<NameServerSpec> servers, List<String> search) {
    return in(id, new ResolverSpec(List.of(), servers, layer, search, false));
  }

  static Resource<ResolverSpec> in(String id, ResolverSpec spec) {
    return Resource.of(ResolverSpec.DEFINITION, Namespaces.NETWORK_CONFIG, id, spec);
  }

  static final Resource<ResolverSpec> DEFAULT =
      in("default/resolvers", ConfigLayer.DEFAULT, servers("1.1.1.1", "8.8.8.8"), List.of());

  /** The merge is given its inputs in id order, as the merge controller lists them. */
  private static ResolverSpec merge(List<Resource<ResolverSpec>> inputs) {
    var sorted = new ArrayList<>(inputs);
    sorted.sort(Comparator.comparing(Resource::id));
    return new ResolverMerge().merge(sorted).get(ResolverSpec.ID);
  }

  private static final Resource<ResolverSpec> DHCP0 =
      in("dhcp/eth0", ConfigLayer.OPERATOR, servers("1.1.2.0"), List.of());
  private static final Resource<ResolverSpec> DHCP1 =
      in("dhcp/eth1", ConfigLayer.OPERATOR, servers("1.1.2.1"), List.of());

  @Test
  void theConfigurationReplacesEveryLowerLayer() {
    var config = in("configuration/resolvers", ConfigLayer.CONFIGURATION, servers("2.2.2.2"),
        List.of("example.com", "example.org", "example.net"));
    var merged = merge(List.of(DEFAULT, DHCP0, DHCP1, config));
    assertThat(merged).isEqualTo(new ResolverSpec(List.of(IpAddr.parse("2.2.2.2")), servers("2.2.2.2"),
        ConfigLayer.CONFIGURATION, List.of("example.com", "example.org", "example.net"), false));
  }

  @Test
  void serversOfOneLayerAreAppendedInIdOrder() {
    var merged = merge(List.of(DHCP1, DEFAULT, DHCP0));
    assertThat(merged.nameServers()).isEqualTo(servers("1.1.2.0", "1.1.2.1"));
    assertThat(merged.dnsServers()).extracting(IpAddr::toString).containsExactly("1.1.2.0", "1.1.2.1");
    assertThat(merged.layer()).isEqualTo(ConfigLayer.OPERATOR);
  }

  @Test
  void aHigherLayerWithoutIpv6KeepsTheLowerLayersIpv6Servers() {
    var platform = in("platform/resolvers", ConfigLayer.PLATFORM, servers("1.1.2.0", "fe80::1"), List.of());
    var merged = merge(List.of(DEFAULT, platform, DHCP1));
    assertThat(merged.layer()).isEqualTo(ConfigLayer.OPERATOR);
    assertThat(merged.nameServers()).isEqualTo(servers("1.1.2.1", "fe80::1"));
  }

  @Test
  void configurationSearchDomainsMergeInFrontWhenNotOverridden() {
    var dhcp = in("dhcp/eth0", ConfigLayer.OPERATOR, servers("192.168.131.1"), List.of("somewhere.com", "home.lab"));
    var config = in("configuration/resolvers", ConfigLayer.CONFIGURATION, List.of(), List.of("home.lab", "another.lab"));
    var merged = merge(List.of(DEFAULT, dhcp, config));
    assertThat(merged.nameServers()).isEqualTo(servers("192.168.131.1"));
    assertThat(merged.layer()).isEqualTo(ConfigLayer.CONFIGURATION);
    assertThat(merged.searchDomains()).containsExactly("another.lab", "somewhere.com", "home.lab");
  }

  @Test
  void overriddenConfigurationSearchDomainsReplaceTheOthers() {
    var defaults = in("default/resolvers", ConfigLayer.DEFAULT, servers("1.1.1.1"), List.of("fqdn.example"));
    var dhcp = in("dhcp/eth0", ConfigLayer.OPERATOR, servers("192.168.131.1"), List.of("somewhere.com", "home.lab"));
    var config = in("configuration/resolvers",
        new ResolverSpec(List.of(), List.of(), ConfigLayer.CONFIGURATION, List.of("another.lab"), true));
    var merged = merge(List.of(defaults, dhcp, config));
    assertThat(merged.nameServers()).isEqualTo(servers("192.168.131.1"));
    assertThat(merged.searchDomains()).containsExactly("another.lab");

    var none = in("configuration/resolvers",
        new ResolverSpec(List.of(), List.of(), ConfigLayer.CONFIGURATION, List.of(), true));
    assertThat(merge(List.of(defaults, dhcp, none)).searchDomains()).isEmpty();
  }

  @Test
  void theConfigurationLayerKeepsNoIpv4FromBelow() {
    var merged = merge(List.of(DEFAULT, in("cfg/resolvers", ConfigLayer.CONFIGURATION, servers("fe80::1"), List.of())));
    assertThat(merged.layer()).isEqualTo(ConfigLayer.CONFIGURATION);
    assertThat(merged.nameServers()).isEqualTo(servers("fe80::1"));
  }

  @Test
  void encryptedServersKeepTheirProtocolAndTheFlatListHasTheirAddresses() {
    var dot = new NameServerSpec(IpAddr.parse("9.9.9.9"), DnsProtocol.DOT, "dns.quad9.net");
    var config = in("configuration/resolvers", ConfigLayer.CONFIGURATION,
        List.of(dot, NameServerSpec.of(IpAddr.parse("8.8.8.8"))), List.of());
    var merged = merge(List.of(DEFAULT, config));
    assertThat(merged.nameServers()).containsExactly(dot, NameServerSpec.of(IpAddr.parse("8.8.8.8")));
    assertThat(merged.dnsServers()).extracting(IpAddr::toString).containsExactly("9.9.9.9", "8.8.8.8");
  }

  @Test
  void onlyTheDefaultsGiveTheDefaults() {
    assertThat(merge(List.of(DEFAULT))).isEqualTo(DEFAULT.spec().converted());
  }

  @Test
  void withoutServersThereIsNoResult() {
    assertThat(new ResolverMerge().merge(List.of())).isEmpty();
    var searchOnly = in("configuration/resolvers", ConfigLayer.CONFIGURATION, List.of(), List.of("a.example"));
    assertThat(new ResolverMerge().merge(List.of(searchOnly))).isEmpty();
  }

  @Test
  void searchDomainsMergeNewOnesFirstWithoutDuplicates() {
    assertThat(ResolverMerge.mergeSearchDomains(List.of("a", "b"), List.of())).containsExactly("a", "b");
    assertThat(ResolverMerge.mergeSearchDomains(List.of("a", "b"), List.of("c", "b", "d")))
        .containsExactly("c", "d", "a", "b");
    assertThat(ResolverMerge.mergeSearchDomains(List.of(), List.of("x"))).containsExactly("x");
  }

  @Test
  void nameServersMergeByFamily() {
    assertThat(ResolverMerge.mergeNameServers(List.of(), servers("1.1.1.1"))).isEqualTo(servers("1.1.1.1"));
    assertThat(ResolverMerge.mergeNameServers(servers("1.1.1.1", "fe80::1"), servers("2001:db8::1")))
        .isEqualTo(servers("2001:db8::1", "1.1.1.1"));
    assertThat(ResolverMerge.mergeNameServers(servers("1.1.1.1", "fe80::1"), servers("9.9.9.9")))
        .isEqualTo(servers("9.9.9.9", "fe80::1"));
    assertThat(ResolverMerge.mergeNameServers(servers("1.1.1.1", "fe80::1"), servers("9.9.9.9", "fe80::2")))
        .isEqualTo(servers("9.9.9.9", "fe80::2"));
    assertThat(ResolverMerge.mergeNameServers(servers("1.1.1.1"), List.of())).isEqualTo(servers("1.1.1.1"));
  }
}
