package dev.spindle.resources.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.runtime.codec.ResourceYaml;
import dev.spindle.runtime.resource.PrintColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolverStatusTest {
  @Test
  void searchDomainsAreAlwaysPrintedAndNameServersOnlyWhenSet() {
    var status = new ResolverStatus(List.of(IpAddr.parse("1.1.1.1")), List.of(), List.of());
    assertThat(ResourceYaml.encodeSpec(status)).isEqualTo("dnsServers:\n    - 1.1.1.1\nsearchDomains: []\n");
  }

  @Test
  void definitionMatchesTalos() {
    var d = ResolverStatus.DEFINITION;
    assertThat(d.type()).isEqualTo("ResolverStatuses.net.talos.dev");
    assertThat(d.aliases()).startsWith("resolvers").contains("resolverstatus", "rs");
    assertThat(d.printColumns()).containsExactly(new PrintColumn("Resolvers", "dnsServers"),
        new PrintColumn("Search Domains", "searchDomains"));
  }
}
