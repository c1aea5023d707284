package dev.spindle.resources.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.runtime.codec.ProtoSpecs;
import dev.spindle.runtime.codec.ResourceYaml;
import dev.spindle.runtime.resource.PrintColumn;
import dev.spindle.runtime.testing.ProtoFields;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolverSpecTest {
  private static IpAddr ip(String s) {
    return IpAddr.parse(s);
  }

  @Test
  void theTalosVectorPrintsByteForByteAndReadsBack() {
    // R/resolver_spec_test.go
    var spec = new ResolverSpec(List.of(ip("1.1.1.1"), ip("8.8.8.8")), List.of(), ConfigLayer.PLATFORM,
        List.of("example.com"), false);
    String yaml = "dnsServers:\n    - 1.1.1.1\n    - 8.8.8.8\nlayer: platform\nsearchDomains:\n    - example.com\n";
    assertThat(ResourceYaml.encodeSpec(spec)).isEqualTo(yaml);
    assertThat(ResourceYaml.decodeSpec(yaml, ResolverSpec.class)).isEqualTo(spec);
  }

  @Test
  void nameServersPrintEveryFieldAndTheOverrideWhenSet() {
    var spec = new ResolverSpec(List.of(), List.of(new NameServerSpec(ip("9.9.9.9"), DnsProtocol.DOT,
        "dns.quad9.net"), NameServerSpec.of(ip("8.8.8.8"))), ConfigLayer.CONFIGURATION, List.of(), true);
    String yaml = ResourceYaml.encodeSpec(spec);
    assertThat(yaml).isEqualTo("""
        dnsServers: []
        nameServers:
            - addr: 9.9.9.9
              protocol: DoT
              tlsServerName: dns.quad9.net
            - addr: 8.8.8.8
              protocol: Do53
              tlsServerName: ""
        layer: configuration
        searchDomainsOverridden: true
        """);
    assertThat(ResourceYaml.decodeSpec(yaml, ResolverSpec.class)).isEqualTo(spec);
  }

  @Test
  void protobufNumbersFollowTalos() {
    var spec = new ResolverSpec(List.of(ip("1.1.1.1")), List.of(NameServerSpec.of(ip("1.1.1.1"))),
        ConfigLayer.OPERATOR, List.of("a.example"), true);
    var fields = ProtoFields.parse(ProtoSpecs.encode(spec));
    assertThat(fields.has(1)).as("dns_servers").isTrue();
    assertThat(fields.varint(2)).as("config_layer").isEqualTo(3);
    assertThat(fields.string(3)).as("search_domains").isEqualTo("a.example");
    assertThat(fields.has(4)).as("name_servers").isTrue();
    assertThat(fields.varint(5)).as("search_domains_overridden").isEqualTo(1);
  }

  @Test
  void convertFillsTheFlatListFromTheNameServersAndBack() {
    var servers = List.of(new NameServerSpec(ip("9.9.9.9"), DnsProtocol.DOT, "dns.quad9.net"),
        NameServerSpec.of(ip("8.8.8.8")));
    var converted = ResolverSpec.of(ConfigLayer.CONFIGURATION, servers, List.of()).converted();
    assertThat(converted.dnsServers()).containsExactly(ip("9.9.9.9"), ip("8.8.8.8"));
    assertThat(converted.nameServers()).isEqualTo(servers);

    var legacy = new ResolverSpec(List.of(ip("1.1.1.1")), List.of(), ConfigLayer.DEFAULT, List.of(), false);
    assertThat(legacy.converted().nameServers()).containsExactly(NameServerSpec.of(ip("1.1.1.1")));
  }

  @Test
  void definitionMatchesTalos() {
    var d = ResolverSpec.DEFINITION;
    assertThat(d.type()).isEqualTo("ResolverSpecs.net.talos.dev");
    assertThat(d.defaultNamespace()).isEqualTo("network");
    assertThat(d.aliases()).containsExactly("resolverspec", "rs");
    assertThat(d.printColumns()).containsExactly(new PrintColumn("Layer", "layer"),
        new PrintColumn("Resolvers", "dnsServers"), new PrintColumn("Search Domains", "searchDomains"));
  }

  @Test
  void nameServersPrintAsTalosLogsThem() {
    assertThat(NameServerSpec.of(ip("1.1.1.1"))).hasToString("1.1.1.1");
    assertThat(new NameServerSpec(ip("9.9.9.9"), DnsProtocol.DOT, "dns.quad9.net"))
        .hasToString("9.9.9.9 (DoT, TLS Server Name: dns.quad9.net)");
    assertThat(new NameServerSpec(ip("1.1.1.1"), DnsProtocol.DOH, "cloudflare-dns.com"))
        .hasToString("1.1.1.1 (DoH, TLS Server Name: cloudflare-dns.com)");
  }
}
