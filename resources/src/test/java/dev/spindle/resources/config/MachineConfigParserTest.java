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

  @Test
  void warningsDoNotRejectTheConfiguration() {
    var result = MachineConfigParser.check("""
        machine:
          type: join
          network:
            interfaces:
              - interface: eth0
                cidr: 10.0.0.2/24
        ---
        apiVersion: v1alpha1
        kind: ResolverConfig
        nameservers:
          - {address: 9.9.9.9, protocol: DoT, tlsServerName: dns.quad9.net}
        """, "w.yaml", ValidationMode.CONTAINER);

    assertThat(result.valid()).isTrue();
    assertThat(result.config().v1alpha1().orElseThrow().machine().type()).isEqualTo("worker");
    assertThat(result.warnings()).extracting(ConfigProblem::message).containsExactly(
        "w.yaml:2:9: v1alpha1: machine.type: use \"worker\" instead of \"join\" for machine type",
        "w.yaml:6:9: v1alpha1: machine.network.interfaces[0].cidr: deprecated, use addresses (eth0)",
        "w.yaml:10:1: document 2 (ResolverConfig): nameservers: all configured nameservers use encrypted DNS (DoT or "
            + "DoH): validating certificates requires a correct system clock, so boot may stall when NTP servers are "
            + "configured by hostname; consider keeping at least one plain-DNS fallback or configuring NTP servers "
            + "by IP address");
  }

  @Test
  void aFailedCheckHasNoConfiguration() {
    var result = MachineConfigParser.check("machine: {typo: 1}", "x.yaml", ValidationMode.CLOUD);

    assertThat(result.valid()).isFalse();
    assertThat(result.config()).isNull();
    assertThatThrownBy(result::orThrow).isInstanceOf(ConfigValidationException.class)
        .hasMessage("x.yaml:1:11: v1alpha1: machine.typo: unknown field");
  }

  @Test
  void installNeedsADiskOnlyInMetalMode() throws Exception {
    String text = "machine:\n  install:\n    wipe: true\n";

    MachineConfigParser.parse(text, "i.yaml"); // container mode by default
    assertThat(MachineConfigParser.check(text, "i.yaml", ValidationMode.CLOUD).valid()).isTrue();
    assertThat(MachineConfigParser.check(text, "i.yaml", ValidationMode.METAL).errors())
        .extracting(ConfigProblem::message).containsExactly(
            "i.yaml:3:5: v1alpha1: machine.install: either install disk or diskSelector should be defined (metal mode)");
  }

  @Test
  void secretsNeverAppearInProblems() {
    var result = MachineConfigParser.check("""
        machine:
          token: {not: valid}
          network:
            interfaces:
              - interface: wg0
                wireguard:
                  privateKey: c2VjcmV0LWJ1dC1zaG9ydA==
        cluster:
          secret: S3CR3T-value
          discovery:
            enabled: true
            registries:
              service:
                endpoint: not-a-url
        """, "s.yaml", ValidationMode.CONTAINER);

    assertThat(result.errors()).extracting(ConfigProblem::message).containsExactly(
        "s.yaml:2:10: v1alpha1: machine.token: expected a string, got a mapping",
        "s.yaml:7:23: v1alpha1: machine.network.interfaces[0].wireguard.privateKey: (redacted): private key is "
            + "invalid: wrong key length: 16",
        "s.yaml:11:5: v1alpha1: cluster.discovery: cluster discovery service requires .cluster.id",
        "s.yaml:14:19: v1alpha1: cluster.discovery.registries.service.endpoint: \"not-a-url\": must be an http or "
            + "https URL with a host");
    assertThat(result.errors().toString()).doesNotContain("S3CR3T").doesNotContain("c2VjcmV0");
  }

  @Test
  void aValidConfigurationKeepsItsExactText() throws Exception {
    String text = "# comment kept\nmachine:\n  kubelet: {image: x}   # and this\n";

    assertThat(MachineConfigParser.parse(text, "t.yaml").text()).isEqualTo(text);
  }

  /** Talos's enumer parsers also try the lower-cased text, so these spellings are valid there and here. */
  @Test
  void enumValuesAreReadInAnyLetterCase() throws Exception {
    MachineConfig config = MachineConfigParser.parse("""
        apiVersion: v1alpha1
        kind: ResolverConfig
        nameservers:
          - {address: 192.0.2.53, protocol: dot, tlsServerName: dns.example}
          - {address: 192.0.2.54, protocol: DOH, tlsServerName: dns.example}
          - {address: 192.0.2.55, protocol: do53}
        ---
        apiVersion: v1alpha1
        kind: HostnameConfig
        auto: Stable
        """, "cfg.yaml");
    assertThat(config.documents(ResolverConfig.class).getFirst().nameservers()).containsExactly(
        new NameServerConfig("192.0.2.53", "DoT", "dns.example"),
        new NameServerConfig("192.0.2.54", "DoH", "dns.example"),
        new NameServerConfig("192.0.2.55", "Do53", ""));
    assertThat(config.documents(HostnameConfig.class).getFirst().auto()).isEqualTo(AutoHostname.STABLE);
    assertThat(MachineConfigParser.parse("apiVersion: v1alpha1\nkind: HostnameConfig\nauto: OFF\nhostname: n1\n",
        "cfg.yaml").documents(HostnameConfig.class)).containsExactly(new HostnameConfig("n1", AutoHostname.OFF));
  }

  /** Talos's checkVlans does not check the id: a missing, 0 or too large one is valid, with a warning here. */
  @Test
  void vlanIdsTalosAcceptsAreWarningsNotErrors() {
    var result = MachineConfigParser.check("""
        machine:
          network:
            interfaces:
              - interface: eth0
                vlans:
                  - vlanId: 4095
                  - addresses: [10.1.0.2/24]
                  - vlanId: 0
                  - vlanId: 4094
        """, "cfg.yaml");
    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).extracting(ConfigProblem::message).containsExactly(
        "cfg.yaml:6:21: v1alpha1: machine.network.interfaces[0].vlans[0].vlanId: 4095 is outside 1 to 4094: the VLAN "
            + "cannot be created",
        "cfg.yaml:7:13: v1alpha1: machine.network.interfaces[0].vlans[1].vlanId: not set: VLAN 0 cannot be created",
        "cfg.yaml:8:21: v1alpha1: machine.network.interfaces[0].vlans[2].vlanId: 0 is outside 1 to 4094: the VLAN "
            + "cannot be created");
  }
}
