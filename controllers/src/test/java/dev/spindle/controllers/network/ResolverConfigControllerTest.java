package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.MachineConfigs.cmdline;
import static dev.spindle.controllers.network.MachineConfigs.documents;
import static dev.spindle.controllers.network.MachineConfigs.emptyV1alpha1;
import static dev.spindle.controllers.network.MachineConfigs.network;
import static dev.spindle.controllers.network.MachineConfigs.resource;
import static dev.spindle.controllers.network.MachineConfigs.v1alpha1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.config.NameServerConfig;
import dev.spindle.resources.config.ResolverConfig;
import dev.spindle.resources.config.SearchDomainsConfig;
import dev.spindle.resources.network.DnsProtocol;
import dev.spindle.resources.network.HostnameStatus;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.NameServerSpec;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.ResolverSpec;
import dev.spindle.resources.runtime.KernelCmdline;
import dev.spindle.runtime.resource.ResourceQuery;
import dev.spindle.runtime.resource.ResourcePointer;
import dev.spindle.runtime.testing.ControllerHarness;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Talos's {@code resolver_config_test.go} cases, with the configuration and cmdline as resources. */
class ResolverConfigControllerTest {
  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new ResolverConfigController());

  private static ResourcePointer layered(ConfigLayer layer) {
    return ResolverSpec.DEFINITION.pointer(Namespaces.NETWORK_CONFIG, layer.id(ResolverSpec.ID));
  }

  private void await(ConfigLayer layer, Consumer<ResolverSpec> assertion) {
    h.awaitResource(layered(layer), ResolverSpec.DEFINITION, r -> assertion.accept(r.spec()));
  }

  private static List<NameServerSpec> servers(String... addrs) {
    return ResolverMergeTest.servers(addrs);
  }

  private void hostnameStatus(String domain) {
    var status = new HostnameStatus("node", domain);
    if (h.state().find(HostnameStatus.DEFINITION, HostnameStatus.ID).isEmpty()) {
      h.create(HostnameStatus.DEFINITION, HostnameStatus.ID, status);
    } else {
      h.updateSpec(HostnameStatus.DEFINITION, HostnameStatus.ID, status);
    }
  }

  private void config(MachineConfig config) {
    if (h.state().find(MachineConfig.DEFINITION, MachineConfig.ID).isEmpty()) {
      h.create(resource(config));
    } else {
      h.updateSpec(MachineConfig.DEFINITION, MachineConfig.ID, config);
    }
  }

  @Test
  void withoutConfigurationOnlyTheDefaultsExist() {
    await(ConfigLayer.DEFAULT, spec -> assertThat(spec).isEqualTo(
        new ResolverSpec(List.of(), servers("1.1.1.1", "8.8.8.8"), ConfigLayer.DEFAULT, List.of(), false)));
    assertThat(h.state().list(ResolverSpec.DEFINITION.kind(Namespaces.NETWORK_CONFIG), ResourceQuery.ALL)).hasSize(1);
  }

  @Test
  void theNodesDomainIsTheDefaultSearchDomainUnlessDisabled() {
    hostnameStatus("example.org");
    await(ConfigLayer.DEFAULT, spec -> assertThat(spec.searchDomains()).isEmpty()); // no configuration yet
    config(emptyV1alpha1());
    await(ConfigLayer.DEFAULT, spec -> assertThat(spec.searchDomains()).containsExactly("example.org"));

    hostnameStatus("");
    await(ConfigLayer.DEFAULT, spec -> assertThat(spec.searchDomains()).isEmpty());

    hostnameStatus("example.org");
    await(ConfigLayer.DEFAULT, spec -> assertThat(spec.searchDomains()).containsExactly("example.org"));
    config(v1alpha1(network("", List.of(), null, true), null));
    await(ConfigLayer.DEFAULT, spec -> assertThat(spec.searchDomains()).isEmpty());

    config(documents(new ResolverConfig(List.of(), new SearchDomainsConfig(List.of("x.example"), true))));
    await(ConfigLayer.DEFAULT, spec -> assertThat(spec.searchDomains()).isEmpty());
    config(documents(new ResolverConfig(List.of(NameServerConfig.of("9.9.9.9")), null)));
    await(ConfigLayer.DEFAULT, spec -> assertThat(spec.searchDomains()).containsExactly("example.org"));
  }

  @Test
  void theCmdlineDnsFieldsAreTheCmdlineLayer() {
    h.create(cmdline(MachineConfigs.TALOS_IP));
    await(ConfigLayer.CMDLINE, spec -> assertThat(spec).isEqualTo(
        new ResolverSpec(List.of(), servers("10.0.0.1", "10.0.0.2"), ConfigLayer.CMDLINE, List.of(), false)));
  }

  @Test
  void aCmdlineThatDoesNotParseLeavesOnlyTheOtherLayers() {
    h.create(cmdline("ip=xyz: ip=:::::eth0::10.0.0.1"));
    // created after the cmdline: the reconcile that writes its layer has read both
    config(v1alpha1(network("", List.of("2.2.2.2"), null, false), null));
    await(ConfigLayer.CONFIGURATION, spec -> assertThat(spec.nameServers()).isEqualTo(servers("2.2.2.2")));
    assertThat(h.state().find(layered(ConfigLayer.CMDLINE))).isEmpty();
    assertThat(h.state().find(layered(ConfigLayer.DEFAULT))).isPresent();

    h.updateSpec(KernelCmdline.DEFINITION, KernelCmdline.ID, new KernelCmdline("ip=:::::eth0::10.0.0.1"));
    await(ConfigLayer.CMDLINE, spec -> assertThat(spec.nameServers()).isEqualTo(servers("10.0.0.1")));
  }

  @Test
  void legacyNameserversAndSearchDomainsAreTheConfigurationLayer() {
    config(v1alpha1(network("", List.of("2.2.2.2", "3.3.3.3", "not-an-ip"), List.of("example.com", "example.org"),
        false), null));
    await(ConfigLayer.CONFIGURATION, spec -> assertThat(spec).isEqualTo(new ResolverSpec(List.of(),
        servers("2.2.2.2", "3.3.3.3"), ConfigLayer.CONFIGURATION, List.of("example.com", "example.org"), true)));

    config(v1alpha1(network("", List.of(), null, false), null));
    h.awaitNoResource(layered(ConfigLayer.CONFIGURATION));
  }

  @Test
  void aResolverConfigDocumentIsTheConfigurationLayerUntilTheConfigGoes() {
    config(documents(new ResolverConfig(List.of(NameServerConfig.of("2.2.2.2"), NameServerConfig.of("3.3.3.3")),
        new SearchDomainsConfig(List.of("example.com", "example.org"), false))));
    await(ConfigLayer.CONFIGURATION, spec -> {
      assertThat(spec.nameServers()).isEqualTo(servers("2.2.2.2", "3.3.3.3"));
      assertThat(spec.searchDomains()).containsExactly("example.com", "example.org");
      assertThat(spec.searchDomainsOverridden()).isTrue();
    });
    h.destroy(MachineConfig.DEFINITION.pointer(MachineConfig.ID));
    h.awaitNoResource(layered(ConfigLayer.CONFIGURATION));
    assertThat(h.state().find(layered(ConfigLayer.DEFAULT))).isPresent();
  }

  @Test
  void emptySearchDomainsAloneAreAnOverrideToNone() {
    config(documents(new ResolverConfig(List.of(), new SearchDomainsConfig(List.of(), false))));
    await(ConfigLayer.CONFIGURATION, spec -> assertThat(spec).isEqualTo(
        new ResolverSpec(List.of(), List.of(), ConfigLayer.CONFIGURATION, List.of(), true)));
  }

  @Test
  void disableDefaultAloneSetsNoSearchDomains() {
    config(documents(new ResolverConfig(List.of(NameServerConfig.of("9.9.9.9")), new SearchDomainsConfig(null, true))));
    await(ConfigLayer.CONFIGURATION, spec -> assertThat(spec).isEqualTo(
        new ResolverSpec(List.of(), servers("9.9.9.9"), ConfigLayer.CONFIGURATION, List.of(), false)));
  }

  @Test
  void encryptedServersKeepProtocolAndTlsName() {
    config(documents(new ResolverConfig(List.of(new NameServerConfig("9.9.9.9", "DoT", "dns.quad9.net"),
        NameServerConfig.of("8.8.8.8")), null)));
    await(ConfigLayer.CONFIGURATION, spec -> assertThat(spec.nameServers()).containsExactly(
        new NameServerSpec(IpAddr.parse("9.9.9.9"), DnsProtocol.DOT, "dns.quad9.net"),
        NameServerSpec.of(IpAddr.parse("8.8.8.8"))));
  }

  @Test
  void theResolverConfigDocumentTakesPrecedenceOverLegacyFields() {
    var both = new MachineConfig("# both", v1alpha1(network("", List.of("2.2.2.2"), null, false), null)
        .v1alpha1Document(), List.of(new ResolverConfig(List.of(NameServerConfig.of("4.4.4.4")), null)));
    config(both);
    await(ConfigLayer.CONFIGURATION, spec -> assertThat(spec.nameServers()).isEqualTo(servers("4.4.4.4")));
    assertThat(h.state().get(layered(ConfigLayer.CONFIGURATION)).metadata().owner())
        .isEqualTo("network.ResolverConfigController");
  }
}
