package dev.spindle.resources.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * No record of a parsed configuration prints a secret in {@code toString()} (which ends up in logs and exception
 * messages): proxy credentials in the environment, file contents, WireGuard keys, the cluster secret.
 */
class ConfigRecordsToStringTest {
  private static final String PROXY_PASSWORD = "hunter2-proxy";
  private static final String DOC_PASSWORD = "doc-pa55word";
  private static final String PRIVATE_KEY = "sBDgDJ+bTX1KTXNKOMnNQ3xgQ+dLgNvPWnmDlnIQS3M=";
  private static final String PUBLIC_KEY = "735jkJdcVDninU5PzLJ/S+bfN6Q3QOk6svWrVLMJQAk=";
  private static final String PRESHARED_KEY = "6j4UMxwszrHVZZUjY8/SFsZMjgaHkxV7yp9Tz05btho=";
  private static final String CLUSTER_SECRET = "Xq0Mfh+GpdmsIFIm8c2iaGmrQ5xSzeOEMdGiYLEAO4c=";
  private static final String FILE_SECRET = "file-content-token-42";
  private static final String ENDPOINT_PASSWORD = "disc0very-pass";

  private static String config() {
    String text = Fixtures.text("corporate-proxy.yaml")
        .replace("https_proxy: http://proxy.corp.example:3128",
            "https_proxy: http://svc:" + PROXY_PASSWORD + "@proxy.corp.example:3128")
        .replace("      - interface: eth0\n", "      - interface: wg0\n"
            + "        wireguard:\n"
            + "          privateKey: " + PRIVATE_KEY + "\n"
            + "          peers:\n"
            + "            - publicKey: " + PRIVATE_KEY + "\n"
            + "              endpoint: 192.0.2.1:51820\n"
            + "              allowedIPs: [10.9.0.0/24]\n"
            + "      - interface: eth0\n")
        .replace("  files:\n", "  files:\n"
            + "    - content: " + FILE_SECRET + "\n"
            + "      permissions: 0600\n"
            + "      path: /var/lib/token\n"
            + "      op: create\n");
    return text.replace("  GRPC_GO_LOG_SEVERITY_LEVEL: error\n",
        "  GRPC_GO_LOG_SEVERITY_LEVEL: error\n  HTTPS_PROXY: http://u:" + DOC_PASSWORD + "@proxy:3128\n")
        + "---\napiVersion: v1alpha1\nkind: WireguardConfig\nname: wg1\nprivateKey: " + PRIVATE_KEY + "\n"
        + "peers:\n  - publicKey: " + PUBLIC_KEY + "\n    presharedKey: " + PRESHARED_KEY + "\n";
  }

  @Test
  void theFixtureCarriesTheSecrets() throws Exception {
    MachineConfig config = MachineConfigParser.parse(config(), "cfg.yaml");
    var v1 = config.v1alpha1().orElseThrow();
    assertThat(v1.machine().env().get("https_proxy")).contains(PROXY_PASSWORD);
    assertThat(v1.machine().files()).anySatisfy(f -> assertThat(f.content()).contains(FILE_SECRET));
    assertThat(v1.machine().network().interfaces().get(0).at("/wireguard/privateKey").asText()).isEqualTo(PRIVATE_KEY);
    assertThat(v1.cluster().secret()).isEqualTo(CLUSTER_SECRET);
    assertThat(config.documents(EnvironmentConfig.class).getFirst().variables().get("HTTPS_PROXY"))
        .contains(DOC_PASSWORD);
  }

  @Test
  void noRecordPrintsASecret() throws Exception {
    MachineConfig config = MachineConfigParser.parse(config(), "cfg.yaml");
    var discovery = new DiscoverySection(true, true, false,
        "https://user:" + ENDPOINT_PASSWORD + "@discovery.corp.example/");
    List<Record> records = new ArrayList<>();
    collect(config, records);
    collect(discovery, records);
    assertThat(records).extracting(r -> r.getClass().getSimpleName()).contains("MachineConfig", "V1Alpha1Config",
        "MachineSection", "NetworkSection", "MachineFile", "TimeSection", "ClusterSection", "DiscoverySection",
        "EnvironmentConfig", "TrustedRootsConfig", "WireguardConfig", "WireguardPeerConfig");
    for (Record r : records) {
      assertThat(r.toString()).as(r.getClass().getSimpleName()).doesNotContain(PROXY_PASSWORD, DOC_PASSWORD,
          PRIVATE_KEY, PRESHARED_KEY, CLUSTER_SECRET, FILE_SECRET, ENDPOINT_PASSWORD, "BEGIN CERTIFICATE");
    }
    MachineSection machine = config.v1alpha1().orElseThrow().machine();
    assertThat(machine.toString()).contains("env=[http_proxy, https_proxy, no_proxy]")
        .contains("/etc/ssl/certs/ca-certificates (append)").contains("/var/lib/token (create)");
    assertThat(machine.network().toString()).contains("interfaces=3");
  }

  /** Every record reachable from {@code value} through record components, collections, maps and optionals. */
  private static void collect(Object value, List<Record> out) throws ReflectiveOperationException {
    switch (value) {
      case null -> { }
      case Record r -> {
        out.add(r);
        for (RecordComponent c : r.getClass().getRecordComponents()) {
          collect(c.getAccessor().invoke(r), out);
        }
      }
      case Collection<?> c -> {
        for (Object o : c) {
          collect(o, out);
        }
      }
      case Map<?, ?> m -> {
        for (Object o : m.values()) {
          collect(o, out);
        }
      }
      case Optional<?> o -> collect(o.orElse(null), out);
      default -> { }
    }
  }
}
