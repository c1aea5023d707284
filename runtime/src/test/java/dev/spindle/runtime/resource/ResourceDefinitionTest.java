package dev.spindle.runtime.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceDefinitionTest {
  record Empty() {}

  record Wireguard(int listenPort) {}

  record Link(String alias, @JsonProperty("hardwareAddr") String mac, Wireguard wireguard, List<String> altNames) {}

  @Test
  void derivesAliasesLikeCosiForResourceDefinitions() {
    var rd = ResourceDefinition.of(Empty.class, "ResourceDefinitions.meta.cosi.dev").alias("api-resources").build();

    assertThat(rd.displayType()).isEqualTo("ResourceDefinition");
    assertThat(rd.aliases()).containsExactly("api-resources", "resourcedefinition", "rd", "rds");
    assertThat(rd.allAliases()).containsExactly("resourcedefinitions", "resourcedefinitions.meta",
        "resourcedefinitions.meta.cosi", "api-resources", "resourcedefinition", "rd", "rds");
    assertThat(rd.id()).isEqualTo("resourcedefinitions.meta.cosi.dev");
  }

  @Test
  void derivesAliasesLikeCosiForNamespaces() {
    var ns = ResourceDefinition.of(Empty.class, "Namespaces.meta.cosi.dev").alias("ns").build();

    assertThat(ns.aliases()).containsExactly("ns", "namespace");
    assertThat(ns.allAliases()).containsExactly("namespaces", "namespaces.meta", "namespaces.meta.cosi", "ns",
        "namespace");
  }

  @Test
  void linkStatusGetsNoExtraSWhenCapitalsEndInS() {
    var ls = ResourceDefinition.of(Empty.class, "LinkStatuses.net.talos.dev").defaultNamespace("network")
        .alias("link", "links").build();

    assertThat(ls.displayType()).isEqualTo("LinkStatus");
    assertThat(ls.aliases()).containsExactly("link", "links", "linkstatus", "ls");
    assertThat(ls.matches("LinkStatuses.net.talos.dev")).isTrue();
    assertThat(ls.matches("links")).isTrue();
    assertThat(ls.matches("linkstatuses.net")).isTrue();
    assertThat(ls.matches("LinkStatus")).isTrue();
    assertThat(ls.matches("lss")).isFalse();
    assertThat(ls.kind()).isEqualTo(new ResourceKind("network", "LinkStatuses.net.talos.dev"));
  }

  @ParameterizedTest
  @CsvSource({
      "AddressStatuses, AddressStatus", "NodeAddresses, NodeAddress", "KubeSpanIdentities, KubeSpanIdentity",
      "LinkRefreshes, LinkRefresh", "DNSResolveCaches, DNSResolveCache", "Affiliates, Affiliate",
      "TimeServerSpecs, TimeServerSpec", "Namespaces, Namespace", "HostDNSConfigs, HostDNSConfig"})
  void singularOfTalosTypeNames(String plural, String singular) {
    assertThat(ResourceDefinition.of(Empty.class, plural + ".net.talos.dev").build().displayType())
        .isEqualTo(singular);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "linkstatuses.net.talos.dev | name should be in CamelCase",
      "LinkStatuses | missing suffix",
      ".net.talos.dev | name is empty",
      "LinkStatuses. | suffix is empty",
      "Link_Statuses.net.talos.dev | name should match",
      "LinkStatuses.Net.talos.dev | suffix should match",
      "LinkStatus.net.talos.dev | name should be plural"})
  void rejectsInvalidTypeStrings(String type, String why) {
    assertThatThrownBy(() -> ResourceDefinition.of(Empty.class, type).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(why)
        .hasMessageContaining(type);
  }

  @Test
  void printColumnPathsAreCheckedAgainstTheSpecRecord() {
    var ok = ResourceDefinition.of(Link.class, "Links.net.talos.dev").column("Alias", "alias")
        .column("Hw Addr", "hardwareAddr").column("Port", "wireguard.listenPort").column("Alt", "altNames").build();
    assertThat(ok.printColumns()).extracting(PrintColumn::jsonPath)
        .containsExactly("{.alias}", "{.hardwareAddr}", "{.wireguard.listenPort}", "{.altNames}");

    assertThatThrownBy(() -> ResourceDefinition.of(Link.class, "Links.net.talos.dev").column("Mac", "mac").build())
        .hasMessageContaining("print column path \"mac\"").hasMessageContaining("Link has no field \"mac\"");
    assertThatThrownBy(() -> ResourceDefinition.of(Link.class, "Links.net.talos.dev")
        .column("Port", "wireguard.port").build())
        .hasMessageContaining("Wireguard has no field \"port\"");
  }

  @Test
  void castRefusesAResourceOfAnotherType() {
    var links = ResourceDefinition.of(Empty.class, "Links.net.talos.dev").build();
    var other = ResourceDefinition.of(Empty.class, "Others.net.talos.dev").build();
    var r = Resource.of(other, "x", new Empty());

    assertThatThrownBy(() -> links.cast(r)).isInstanceOf(ClassCastException.class)
        .hasMessageContaining("Others.net.talos.dev(default/x@undefined) is not a Links.net.talos.dev");
  }
}
