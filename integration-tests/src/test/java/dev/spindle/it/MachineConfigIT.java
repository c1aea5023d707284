package dev.spindle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spindled --config, spindlectl get of the merged resolvers/time servers/host name, apply-config, and a restart. */
class MachineConfigIT {
  private static final String MACHINE = """
      version: v1alpha1
      machine:
        type: worker
        network:
          hostname: node-1.lab.example
          nameservers:
            - 10.0.0.53
            - 10.0.1.53
          searchDomains:
            - lab.example
        time:
          servers:
            - ntp1.lab.example
            - ntp2.lab.example
      cluster:
        id: 0123456789abcdef0123456789abcdef0123456789a=
        secret: c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I=
      """;
  private static final String CHANGED = MACHINE.replace("10.0.1.53", "10.0.2.53").replace("ntp2.lab", "ntp3.lab");
  private static final String INVALID = """
      version: v1alpha1
      machine:
        type: worker
        network:
          nameservers:
            - 10.0.0.300
          searchDomainz:
            - lab.example
        time:
          servers: ntp1.lab.example
      """;
  private static final Duration SETTLE = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  @Test
  void theConfigurationLoadsAtStartIsReplacedByApplyConfigAndComesBackAfterARestart() throws Exception {
    Path machine = Files.writeString(dir.resolve("machine.yaml"), MACHINE);
    Path changed = Files.writeString(dir.resolve("changed.yaml"), CHANGED);
    Path invalid = Files.writeString(dir.resolve("invalid.yaml"), INVALID);
    Path stored = dir.resolve("state/config.yaml");

    try (var node = start(List.of("--config", machine.toString()))) {
      assertThat(node.log()).contains("machine configuration loaded from " + machine);
      assertThat(stored).hasContent(MACHINE);

      // the merged values, and the layer each came from
      awaitRow(node, List.of("get", "resolvers"),
          "ResolverStatus", "resolvers", "[\"10.0.0.53\",\"10.0.1.53\"]", "[\"lab.example\"]");
      awaitRow(node, List.of("get", "timeservers"),
          "TimeServerStatus", "timeservers", "[\"ntp1.lab.example\",\"ntp2.lab.example\"]", "false");
      awaitRow(node, List.of("get", "hostname"), "HostnameStatus", "hostname", "node-1", "lab.example");
      var merged = ok(node, "get", "resolverspecs", "-o", "yaml");
      assertThat(merged).contains("    id: resolvers\n", "    owner: network.ResolverMergeController\n",
          "        - 10.0.0.53\n        - 10.0.1.53\n", "    layer: configuration\n",
          "    searchDomains:\n        - lab.example\n");
      assertThat(ok(node, "get", "hostnamespecs", "-o", "yaml"))
          .contains("    hostname: node-1\n    domainname: lab.example\n    layer: configuration\n");
      var layers = rows(ok(node, "get", "resolverspecs", "--namespace", "network-config"));
      assertThat(layers).anySatisfy(row -> assertThat(row).containsSequence("network-config", "ResolverSpec",
          "configuration/resolvers")).anySatisfy(row -> assertThat(row).containsSequence("network-config",
          "ResolverSpec", "default/resolvers"));
      assertThat(layers.stream().filter(row -> row.contains("ResolverSpec")).map(row -> row.get(5)).toList())
          .containsExactly("configuration", "default");
      var layerYaml = ok(node, "get", "resolverspecs", "--namespace", "network-config", "-o", "yaml");
      assertThat(layerYaml).contains("    id: configuration/resolvers\n", "        - addr: 10.0.0.53\n",
          "    id: default/resolvers\n", "        - addr: 1.1.1.1\n", "        - addr: 8.8.8.8\n");
      assertThat(rows(ok(node, "get", "timeserverspecs", "--namespace", "network-config")))
          .anySatisfy(row -> assertThat(row).contains("configuration/timeservers",
              "[\"ntp1.lab.example\",\"ntp2.lab.example\"]"))
          .anySatisfy(row -> assertThat(row).contains("default/timeservers", "[\"time.cloudflare.com\"]"));

      // a dry run names what would change and changes nothing
      String resolversBefore = ok(node, "get", "resolvers");
      String configBefore = ok(node, "get", "machineconfig", "-o", "yaml");
      assertThat(configBefore).contains("    version: 1\n", "          - 10.0.1.53\n");
      var dryRun = node.spindlectl("apply-config", "--dry-run", "-f", changed.toString());
      assertThat(dryRun.exit()).as(dryRun.err()).isZero();
      assertThat(dryRun.out()).isEqualTo("""
          Dry run summary:
          Applied configuration without a reboot (skipped in dry-run).

          Resources that would change:
            ~ MachineConfigs.config.talos.dev(config/v1alpha1)
            ~ ResolverSpecs.net.talos.dev(network/resolvers)
            ~ TimeServerSpecs.net.talos.dev(network/timeservers)
            ~ ResolverSpecs.net.talos.dev(network-config/configuration/resolvers)
            ~ TimeServerSpecs.net.talos.dev(network-config/configuration/timeservers)
          """);
      assertUnchanged(node, stored, resolversBefore, configBefore);

      // an invalid file: every located problem, exit 1, nothing changed
      var refused = node.spindlectl("apply-config", "-f", invalid.toString());
      assertThat(refused.exit()).isEqualTo(1);
      // spindlectl checks the file first and sends nothing invalid
      assertThat(refused.err()).isEqualTo("""
          %1$s:6:9: v1alpha1: machine.network.nameservers[0]: "10.0.0.300": must be an IP address
          %1$s:7:5: v1alpha1: machine.network.searchDomainz: unknown field
          %1$s:10:14: v1alpha1: machine.time.servers: "ntp1.lab.example": expected a list
          error: %1$s is not valid (3 problems); nothing was sent
          """.formatted(invalid));
      assertThat(refused.out()).isEmpty();
      assertUnchanged(node, stored, resolversBefore, configBefore);

      // the real apply reaches the statuses
      var applied = node.spindlectl("apply-config", "-f", changed.toString());
      assertThat(applied.exit()).as(applied.err()).isZero();
      assertThat(applied.out()).isEqualTo("""
          Applied configuration without a reboot

          Resources that are expected to change:
            ~ MachineConfigs.config.talos.dev(config/v1alpha1)
            ~ ResolverSpecs.net.talos.dev(network/resolvers)
            ~ TimeServerSpecs.net.talos.dev(network/timeservers)
            ~ ResolverSpecs.net.talos.dev(network-config/configuration/resolvers)
            ~ TimeServerSpecs.net.talos.dev(network-config/configuration/timeservers)
          """);
      assertThat(stored).hasContent(CHANGED);
      awaitRow(node, List.of("get", "resolvers"),
          "ResolverStatus", "resolvers", "[\"10.0.0.53\",\"10.0.2.53\"]", "[\"lab.example\"]");
      awaitRow(node, List.of("get", "timeservers"),
          "TimeServerStatus", "timeservers", "[\"ntp1.lab.example\",\"ntp3.lab.example\"]", "false");
      var again = node.spindlectl("apply-config", "-f", changed.toString());
      assertThat(again.out())
          .isEqualTo("Applied configuration without a reboot\n\nNo resources are expected to change.\n");

      // the machine configuration: admins only
      assertThat(rows(ok(node, "get", "machineconfig")))
          .anySatisfy(row -> assertThat(row).containsSequence("config", "MachineConfig", "v1alpha1"));
      assertThat(ok(node, "get", "machineconfig", "-o", "yaml")).contains("spec: |\n", "          - 10.0.2.53\n");
      Path reader = dir.resolve("reader.config");
      var generated = node.spindlectl("gen", "client-cert", "--role", "os:reader", "--name", "bob", "--state-dir",
          dir.resolve("state").toString(), "-e", "127.0.0.1:" + node.grpcPort, "-o", reader.toString());
      assertThat(generated.exit()).as(generated.err()).isZero();
      var readerResolvers = node.spindlectlWith(reader, "get", "resolvers");
      assertThat(readerResolvers.exit()).as(readerResolvers.err()).isZero();
      assertThat(readerResolvers.out()).contains("10.0.2.53");
      var denied = node.spindlectlWith(reader, "get", "machineconfig");
      assertThat(denied.exit()).as(denied.out() + denied.err()).isEqualTo(5);
      assertThat(denied.err()).isEqualTo("error: permission denied: reading MachineConfigs.config.talos.dev requires "
          + "the os:admin role: the resource type is sensitive\n");
      assertThat(denied.out()).doesNotContain("10.0.2.53");
      var deniedApply = node.spindlectlWith(reader, "apply-config", "-f", machine.toString());
      assertThat(deniedApply.exit()).isEqualTo(5);
      assertThat(deniedApply.err()).isEqualTo("error: permission denied: apply-config needs role os:admin; client "
          + "'bob' has os:reader\n");
      assertThat(stored).hasContent(CHANGED);

      assertThat(node.stop()).isIn(0, 143);
    }

    // without --config the node starts with what apply-config stored last
    try (var node = start(List.of())) {
      assertThat(node.log()).contains("machine configuration loaded from " + stored);
      awaitRow(node, List.of("get", "resolvers"),
          "ResolverStatus", "resolvers", "[\"10.0.0.53\",\"10.0.2.53\"]", "[\"lab.example\"]");
      awaitRow(node, List.of("get", "timeservers"),
          "TimeServerStatus", "timeservers", "[\"ntp1.lab.example\",\"ntp3.lab.example\"]", "false");
      awaitRow(node, List.of("get", "hostname"), "HostnameStatus", "hostname", "node-1", "lab.example");
      assertThat(node.stop()).isIn(0, 143);
    }
  }

  @Test
  void theCorporateProxyExampleLoadsAtStart() throws Exception {
    Path example = SpindledProcess.ROOT.resolve("examples/corporate-proxy.yaml");
    try (var node = start(List.of("--config", example.toString()))) {
      assertThat(node.log()).contains("machine configuration loaded from " + example);
      awaitRow(node, List.of("get", "resolvers"),
          "ResolverStatus", "resolvers", "[\"10.0.0.53\",\"10.0.1.53\"]", "[\"corp.example\"]");
      awaitRow(node, List.of("get", "timeservers"),
          "TimeServerStatus", "timeservers", "[\"ntp1.corp.example\",\"ntp2.corp.example\"]", "false");
      awaitRow(node, List.of("get", "hostname"), "HostnameStatus", "hostname", "worker-1", "corp.example");
      assertThat(ok(node, "get", "resolverspecs", "-o", "yaml")).contains("    layer: configuration\n");
      // the environment with the layer of each variable, and the client built from it
      await().atMost(SETTLE).untilAsserted(() -> assertThat(ok(node, "get", "envspec", "environment", "-o", "yaml"))
          .contains("        - https_proxy=http://proxy.corp.example:3128\n", "        https_proxy: configuration\n",
              "    layer: configuration\n"));
      await().atMost(SETTLE).untilAsserted(() -> assertThat(ok(node, "get", "outbound", "-o", "yaml"))
          .contains("httpsProxy: http://proxy.corp.example:3128\n"));
      // the corporate root appended to the bundle, on disk under the node's files root
      await().atMost(SETTLE).untilAsserted(() -> assertThat(dir.resolve("state/root/etc/ssl/certs/ca-certificates.crt"))
          .content().contains("\ncorp-proxy-ca:\n==============\n-----BEGIN CERTIFICATE-----\n"));
      assertThat(ok(node, "get", "etcfilestatuses")).contains("ssl/certs/ca-certificates.crt", "resolv.conf");
      assertThat(dir.resolve("state/root/etc/resolv.conf"))
          .hasContent("nameserver 10.0.0.53\nnameserver 10.0.1.53\n\nsearch corp.example");
      awaitRow(node, List.of("get", "timestatus"), "TimeStatus", "node", "false");
      assertThat(node.stop()).isIn(0, 143);
    }
  }

  @Test
  void anInvalidConfigurationFileStopsTheStartWithEveryProblem() throws Exception {
    Path invalid = Files.writeString(dir.resolve("invalid.yaml"), INVALID);
    try (var node = new SpindledProcess(dir, List.of(), List.of("--config", invalid.toString()))) {
      assertThat(node.awaitExit()).isEqualTo(1);
      assertThat(node.log()).contains("spindled failed to start: the machine configuration is invalid:\n",
          invalid + ":6:9: v1alpha1: machine.network.nameservers[0]: \"10.0.0.300\": must be an IP address\n",
          invalid + ":7:5: v1alpha1: machine.network.searchDomainz: unknown field\n",
          invalid + ":10:14: v1alpha1: machine.time.servers: \"ntp1.lab.example\": expected a list");
      assertThat(dir.resolve("state/config.yaml")).doesNotExist();
    }
  }

  private SpindledProcess start(List<String> flags) {
    try {
      // no background AOT recording: it would outlive the test's processes
      var node = new SpindledProcess(dir, List.of(), flags).cliEnvironment("SPINDLECTL_AOT", "off");
      node.awaitReady();
      return node;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Before and after a dry run or a refused file: the first configuration, everywhere. */
  private static void assertUnchanged(SpindledProcess node, Path stored, String resolvers, String config)
      throws Exception {
    assertThat(stored).hasContent(MACHINE);
    assertThat(ok(node, "get", "resolvers")).isEqualTo(resolvers);
    assertThat(ok(node, "get", "machineconfig", "-o", "yaml")).isEqualTo(config);
  }

  /** Runs spindlectl until a row of its table holds all of {@code cells}, in order (controllers run after a write). */
  private static void awaitRow(SpindledProcess node, List<String> args, String... cells) {
    await().atMost(SETTLE).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
        assertThat(rows(ok(node, args.toArray(String[]::new))))
            .anySatisfy(row -> assertThat(row).containsSubsequence(cells)));
  }

  private static String ok(SpindledProcess node, String... args) throws Exception {
    var result = node.spindlectl(args);
    assertThat(result.exit()).as("spindlectl %s: %s", String.join(" ", args), result.err()).isZero();
    return result.out();
  }

  /** A table's rows, cells split where talosctl's layout puts two or more spaces. */
  private static List<List<String>> rows(String table) {
    return table.lines().map(l -> List.of(l.split("\\s{2,}"))).toList();
  }
}
