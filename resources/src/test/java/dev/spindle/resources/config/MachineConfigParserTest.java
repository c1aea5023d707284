package dev.spindle.resources.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MachineConfigParserTest {
  private static final String CA = Fixtures.text("corp-ca.pem");

  @Test
  void readsTheCorporateProxyConfiguration() throws Exception {
    String text = Fixtures.text("corporate-proxy.yaml");
    MachineConfig config = MachineConfigParser.parse(text, "corporate-proxy.yaml");

    assertThat(config.text()).isEqualTo(text);
    MachineSection machine = config.v1alpha1().orElseThrow().machine();
    assertThat(machine.type()).isEqualTo("controlplane");
    assertThat(machine.env()).containsExactly(
        Map.entry("http_proxy", "http://proxy.corp.example:3128"),
        Map.entry("https_proxy", "http://proxy.corp.example:3128"),
        Map.entry("no_proxy", "localhost,127.0.0.1,10.0.0.0/8,.corp.example"));
    assertThat(machine.files()).containsExactly(
        new MachineFile(CA, 0644, "/etc/ssl/certs/ca-certificates", "append"));
    assertThat(machine.time()).isEqualTo(
        new TimeSection(false, List.of("ntp1.corp.example", "10.0.0.123"), Duration.ofMinutes(2)));
    assertThat(machine.stableHostname()).isTrue();

    NetworkSection network = machine.network();
    assertThat(network.hostname()).isEqualTo("node-1.corp.example");
    assertThat(network.nameservers()).containsExactly("10.0.0.53", "fd00::53");
    assertThat(network.searchDomains()).containsExactly("corp.example");
    assertThat(network.disableSearchDomain()).isFalse();
    assertThat(network.interfaces()).hasSize(2);
    assertThat(network.interfaces().get(0).get("interface").asText()).isEqualTo("eth0");
    assertThat(network.interfaces().get(0).get("mtu").asInt()).isEqualTo(1500);
    assertThat(network.interfaces().get(0).get("dhcp").isBoolean()).isTrue();
    assertThat(network.interfaces().get(1).at("/vlans/0/vlanId").asInt()).isEqualTo(100);

    ClusterSection cluster = config.v1alpha1().orElseThrow().cluster();
    assertThat(cluster.id()).isEqualTo("3dsQx_CkdHyHDd_wHjsAK2GqAFQ4=");
    assertThat(cluster.secret()).isEqualTo("Xq0Mfh+GpdmsIFIm8c2iaGmrQ5xSzeOEMdGiYLEAO4c=");
    assertThat(cluster.toString()).doesNotContain(cluster.secret());
    assertThat(cluster.discovery()).isEqualTo(
        new DiscoverySection(true, true, false, "https://discovery.corp.example/"));

    assertThat(config.documents(EnvironmentConfig.class)).containsExactly(
        new EnvironmentConfig(Map.of("GRPC_GO_LOG_SEVERITY_LEVEL", "error")));
    assertThat(config.documents(TrustedRootsConfig.class)).containsExactly(new TrustedRootsConfig("corp-ca", CA));
  }

  @Test
  void warnsAboutMachineFilesAsTalosDoes() {
    var result = MachineConfigParser.check(Fixtures.text("corporate-proxy.yaml"), "cfg.yaml",
        ValidationMode.METAL);

    assertThat(result.valid()).isTrue();
    assertThat(result.warnings()).extracting(ConfigProblem::message).containsExactly(
        "cfg.yaml:49:5: v1alpha1: .machine.files is deprecated; use dedicated configuration documents instead");
  }

  @Test
  void readsEveryMultiDocumentKind() throws Exception {
    MachineConfig config = MachineConfigParser.parse(Fixtures.text("multi-document.yaml"), "multi.yaml");

    assertThat(config.v1alpha1()).isEmpty();
    assertThat(config.documents()).extracting(ConfigDocument::kind).containsExactly("EnvironmentConfig",
        "TrustedRootsConfig", "TrustedRootsConfig", "ResolverConfig", "TimeSyncConfig", "HostnameConfig");
    assertThat(config.documents(EnvironmentConfig.class).getFirst().variables()).containsExactly(
        Map.entry("HTTPS_PROXY", "http://proxy.corp.example:3128"), Map.entry("NO_PROXY", ".corp.example"));
    assertThat(config.documents(TrustedRootsConfig.class)).extracting(TrustedRootsConfig::name)
        .containsExactly("corp-ca", "lab-ca");
    ResolverConfig resolver = config.documents(ResolverConfig.class).getFirst();
    assertThat(resolver.nameservers()).containsExactly(new NameServerConfig("9.9.9.9", "DoT", "dns.quad9.net"),
        NameServerConfig.of("10.0.0.53"));
    assertThat(resolver.searchDomains()).isEqualTo(new SearchDomainsConfig(List.of(), false));
    TimeSyncConfig time = config.documents(TimeSyncConfig.class).getFirst();
    assertThat(time).isEqualTo(new TimeSyncConfig(true, Duration.ofSeconds(30), List.of("time.corp.example"), true,
        null));
    assertThat(time.servers()).containsExactly("time.corp.example");
    assertThat(config.documents(HostnameConfig.class)).containsExactly(new HostnameConfig(null, AutoHostname.STABLE));
  }

  @Test
  void absentSectionsStayAbsent() throws Exception {
    MachineConfig config = MachineConfigParser.parse("""
        version: v1alpha1
        machine:
          network: {}
        """, "min.yaml");

    MachineSection machine = config.v1alpha1().orElseThrow().machine();
    assertThat(machine.time()).isNull();
    assertThat(machine.network().searchDomains()).isNull();
    assertThat(machine.env()).isEmpty();
    assertThat(config.v1alpha1().orElseThrow().cluster()).isEqualTo(ClusterSection.EMPTY);
    assertThat(config.documents()).isEmpty();
  }

  @Test
  void explicitEmptyListsAreKeptAsOverrides() throws Exception {
    MachineConfig config = MachineConfigParser.parse("""
        machine:
          network:
            searchDomains: []
          time:
            servers: []
        ---
        apiVersion: v1alpha1
        kind: TimeSyncConfig
        enabled: false
        """, "cfg.yaml");

    MachineSection machine = config.v1alpha1().orElseThrow().machine();
    assertThat(machine.network().searchDomains()).isEmpty();
    assertThat(machine.time().servers()).isEmpty();
    TimeSyncConfig time = config.documents(TimeSyncConfig.class).getFirst();
    assertThat(time.enabled()).isFalse();
    assertThat(time.servers()).isNull();
  }

  @Test
  void goYamlScalarsAreTypedAsTalosReadsThem() throws Exception {
    MachineConfig config = MachineConfigParser.parse("""
        machine:
          files:
            - {path: /var/a, op: create, content: x, permissions: 0o600}
            - {path: /var/b, op: create, content: x, permissions: 0755}
          time:
            bootTimeout: 1500000000
          env:
            ANSWER: 42
        """, "cfg.yaml");

    MachineSection machine = config.v1alpha1().orElseThrow().machine();
    assertThat(machine.files()).extracting(MachineFile::permissions).containsExactly(0600, 0755);
    assertThat(machine.time().bootTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(machine.env()).containsEntry("ANSWER", "42");
  }

  @Test
  void aRejectedConfigurationCarriesEveryProblem() {
    assertThatThrownBy(() -> MachineConfigParser.parse("""
        machine:
          network:
            nameservers: [1.1.1]
          time:
            servers: [""]
        """, "bad.yaml"))
        .isInstanceOfSatisfying(ConfigValidationException.class, e -> {
          assertThat(e.problems()).hasSize(2);
          assertThat(e.getMessage()).isEqualTo("""
              bad.yaml:3:19: v1alpha1: machine.network.nameservers[0]: "1.1.1": must be an IP address
              bad.yaml:5:15: v1alpha1: machine.time.servers[0]: "": must not be empty""");
        });
  }

  @Test
  void everyV1Alpha1FieldOfTalosIsAccepted() throws Exception {
    // one field from deep inside several of Talos's structs, including free-form maps and unstructured values
    MachineConfigParser.parse("""
        machine:
          kubelet:
            extraConfig: {anything: {goes: here}}
            nodeIP: {validSubnets: [10.0.0.0/8]}
          registries:
            mirrors:
              docker.io: {endpoints: [https://mirror.corp.example]}
            config:
              mirror.corp.example: {auth: {username: u, password: p}}
          systemDiskEncryption:
            state:
              provider: luks2
              keys: [{slot: 0, nodeID: {}}]
          logging:
            destinations: [{endpoint: "udp://127.0.0.1:5044", format: json_lines}]
          pods: [{apiVersion: v1, kind: Pod}]
        cluster:
          apiServer:
            extraArgs: {feature-gates: X=true}
            admissionControl: [{name: PodSecurity, configuration: {defaults: {}}}]
          proxy: {disabled: true}
          inlineManifests: [{name: ns, contents: "kind: Namespace"}]
        """, "cfg.yaml");
  }
}
