package dev.spindle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.cli.Cli.Result;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code get -o table|yaml|json} byte for byte. The expected texts were written by hand from talosctl's output code
 * (table.go: header, then NODE/NAMESPACE/TYPE/ID/VERSION and the upper-cased print columns through a tabwriter with
 * padding 3; yaml.go: {@code node:} line, go-yaml document, {@code ---} between documents; json.go: the YAML
 * document decoded into a Go map and encoded with a 4-space indent) and go-yaml's quoting rules.
 */
class GetGoldenTest {
  @TempDir
  Path dir;

  private TestNode node;
  private String config;

  @BeforeEach
  void start() throws IOException {
    node = TestNode.start(dir.resolve("state"));
    Fixtures.populate(node.state);
    config = node.writeAdminConfig(dir.resolve("config")).toString();
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private Result get(String... args) {
    var all = new java.util.ArrayList<String>(java.util.List.of("get", "--spindleconfig", config));
    all.addAll(java.util.List.of(args));
    return Cli.run(all.toArray(String[]::new));
  }

  @Test
  void linkStatusTable() {
    Result result = get("links");

    assertThat(result.err()).isEmpty();
    assertThat(result.status()).isZero();
    assertThat(result.out()).isEqualTo("""
        NODE        NAMESPACE   TYPE         ID     VERSION   ALIAS   TYPE       KIND   HW ADDR             OPER STATE   LINK STATE
        127.0.0.1   network     LinkStatus   eth0   2                 ether             52:54:00:12:34:56   up           true
        127.0.0.1   network     LinkStatus   eth1   1         wan     ether             52:54:00:12:34:57   down         false
        127.0.0.1   network     LinkStatus   lo     1                 loopback          00:00:00:00:00:00   unknown      true
        """);
  }

  @Test
  void listColumnsPrintAsJsonAndSeveralNodesShareOneTable() {
    Result result = get("resolvers", "-n", "127.0.0.1,localhost");

    assertThat(result.err()).isEmpty();
    assertThat(result.out()).isEqualTo("""
        NODE        NAMESPACE   TYPE             ID          VERSION   RESOLVERS               SEARCH DOMAINS
        127.0.0.1   network     ResolverStatus   resolvers   1         ["1.1.1.1","8.8.8.8"]   []
        localhost   network     ResolverStatus   resolvers   1         ["1.1.1.1","8.8.8.8"]   []
        """);
  }

  @Test
  void yamlDocumentsAreSeparatedByDashes() {
    Result result = get("ls", "-l", "role", "-o", "yaml");

    assertThat(result.err()).isEmpty();
    assertThat(result.out()).isEqualTo("""
        node: 127.0.0.1
        metadata:
            namespace: network
            type: LinkStatuses.net.talos.dev
            id: eth0
            version: 2
            owner: network.LinkStatusController
            phase: running
            created: 2024-05-06T07:08:09Z
            updated: 2024-05-06T07:08:09Z
            labels:
                role: uplink
        spec:
            type: ether
            kind: ""
            hardwareAddr: '52:54:00:12:34:56'
            operationalState: up
            linkState: true
        ---
        node: 127.0.0.1
        metadata:
            namespace: network
            type: LinkStatuses.net.talos.dev
            id: lo
            version: 1
            owner: network.LinkStatusController
            phase: running
            created: 2024-05-06T07:08:09Z
            updated: 2024-05-06T07:08:09Z
            labels:
                role: loopback
        spec:
            type: loopback
            kind: ""
            hardwareAddr: '00:00:00:00:00:00'
            operationalState: unknown
            linkState: true
        """);
  }

  @Test
  void yamlOfAListSpecAndAnOmittedField() {
    assertThat(get("resolvers", "resolvers", "-o", "yaml").out()).isEqualTo("""
        node: 127.0.0.1
        metadata:
            namespace: network
            type: ResolverStatuses.net.talos.dev
            id: resolvers
            version: 1
            owner: network.ResolverMergeController
            phase: running
            created: 2024-05-06T07:08:09Z
            updated: 2024-05-06T07:08:09Z
        spec:
            dnsServers:
                - 1.1.1.1
                - 8.8.8.8
            searchDomains: []
        """);
    assertThat(get("link", "eth1", "-o", "yaml").out()).contains("""
        spec:
            alias: wan
            type: ether
        """);
  }

  @Test
  void jsonIsOneIndentedObjectPerResource() {
    Result result = get("LinkStatuses.net.talos.dev", "eth0", "-o", "json");

    assertThat(result.err()).isEmpty();
    assertThat(result.out()).isEqualTo("""
        {
            "metadata": {
                "created": "2024-05-06T07:08:09Z",
                "id": "eth0",
                "labels": {
                    "role": "uplink"
                },
                "namespace": "network",
                "owner": "network.LinkStatusController",
                "phase": "running",
                "type": "LinkStatuses.net.talos.dev",
                "updated": "2024-05-06T07:08:09Z",
                "version": 2
            },
            "node": "127.0.0.1",
            "spec": {
                "hardwareAddr": "52:54:00:12:34:56",
                "kind": "",
                "linkState": true,
                "operationalState": "up",
                "type": "ether"
            }
        }
        """);
  }

  @Test
  void jsonConcatenatesObjects() {
    String out = get("resolvers", "-n", "127.0.0.1,localhost", "-o", "json").out();

    assertThat(out).startsWith("{\n    \"metadata\": {\n").contains("\n}\n{\n").endsWith("\n}\n");
    assertThat(out).contains("    \"node\": \"localhost\",\n    \"spec\": {\n        \"dnsServers\": [\n"
        + "            \"1.1.1.1\",\n            \"8.8.8.8\"\n        ],\n        \"searchDomains\": []\n    }\n}\n");
  }

  @Test
  void jsonpathPrintsEachResultOnItsOwnLine() {
    assertThat(get("ls", "-o", "jsonpath={.metadata.id}").out()).isEqualTo("eth0\neth1\nlo\n");
    assertThat(get("resolvers", "-o", "jsonpath={.spec.dnsServers}").out())
        .isEqualTo("[\n    \"1.1.1.1\",\n    \"8.8.8.8\"\n]\n");
    // As in talosctl, text between expressions is a result of its own.
    assertThat(get("ls", "eth0", "-o", "jsonpath={.node}={.metadata.version}").out()).isEqualTo("127.0.0.1\n=\n2\n");
    assertThat(get("ls", "eth0", "-o", "jsonpath={.spec.dnsServers[*]}").status()).isEqualTo(1);
  }
}
