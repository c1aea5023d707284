package dev.spindle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.cli.Cli.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Type names resolve against the node's published definitions; selectors and namespaces narrow the listing. */
class GetResolutionTest {
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
    var all = new ArrayList<>(List.of("get", "--spindleconfig", config));
    all.addAll(List.of(args));
    return Cli.run(all.toArray(String[]::new));
  }

  @Test
  void everyAliasDisplayTypeAndTypeStringNameTheSameType() {
    String expected = get("links").out();
    assertThat(expected).contains("LinkStatus   eth0");
    for (String name : List.of("ls", "link", "LinkStatus", "linkstatus", "LinkStatuses.net.talos.dev",
        "linkstatuses.net.talos", "LINKSTATUSES")) {
      assertThat(get(name).out()).as(name).isEqualTo(expected);
    }
  }

  @Test
  void connectionFlagsGoBeforeOrAfterTheCommand() {
    String expected = get("resolvers").out();
    assertThat(Cli.run("--spindleconfig", config, "-n", "127.0.0.1", "get", "resolvers").out()).isEqualTo(expected);
    assertThat(Cli.run("get", "resolvers", "--nodes=127.0.0.1", "--spindleconfig=" + config).out())
        .isEqualTo(expected);
  }

  @Test
  void anUnknownTypeIsNotFoundWithASuggestion() {
    Result result = get("linkz");

    assertThat(result.status()).isEqualTo(3);
    assertThat(result.out()).isEmpty();
    // "link" and "links" are both one edit away; the registry's rule takes the first alias at that distance.
    assertThat(result.err()).isEqualTo("error: resource type \"linkz\" is not registered; did you mean \"link\"?\n");
    assertThat(get("resolverz").err())
        .isEqualTo("error: resource type \"resolverz\" is not registered; did you mean \"resolvers\"?\n");
    assertThat(get("zzzzzzzzzz").err()).isEqualTo("error: resource type \"zzzzzzzzzz\" is not registered\n");
  }

  @Test
  void aMissingIdIsNotFound() {
    Result result = get("ls", "eth9");

    assertThat(result.status()).isEqualTo(3);
    assertThat(result.err()).isEqualTo("error: resource LinkStatuses.net.talos.dev(network/eth9) doesn't exist\n");
  }

  @Test
  void resourceDefinitionsListEveryTypeWithItsAliases() {
    Result result = get("rd");

    assertThat(result.status()).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines.getFirst()).isEqualTo(
        "NODE        NAMESPACE   TYPE                 ID                                  VERSION   ALIASES");
    assertThat(lines.subList(1, lines.size())).extracting(l -> l.split(" +")[3]).containsExactly(
        "linkstatuses.net.talos.dev", "namespaces.meta.cosi.dev", "resolverstatuses.net.talos.dev",
        "resourcedefinitions.meta.cosi.dev", "secrets.test.spindle.dev");
    assertThat(lines.get(1)).isEqualTo("127.0.0.1   meta        ResourceDefinition   linkstatuses.net.talos.dev"
        + "          1         link links linkstatus ls"); // {.aliases[:]}: space-separated, as COSI publishes it
    assertThat(get("api-resources").out()).isEqualTo(result.out());
    assertThat(get("ns").out()).contains("Namespace   meta ");
  }

  @Test
  void selectorsFilterOnTheServer() {
    assertThat(ids("-l", "role=uplink")).isEqualTo("eth0\n");
    assertThat(ids("-l", "role==loopback")).isEqualTo("lo\n");
    assertThat(ids("-l", "role!=uplink")).isEqualTo("eth1\nlo\n");
    assertThat(ids("-l", "role")).isEqualTo("eth0\nlo\n");
    assertThat(ids("-l", "!role")).isEqualTo("eth1\n");
    assertThat(ids("-l", "role=uplink,role=loopback")).isEmpty();
    assertThat(get("ls", "-l", "role=uplink").out().lines()).hasSize(2);
  }

  @Test
  void badSelectorsAreUsageErrors() {
    Result result = get("ls", "-l", "a=1,");
    assertThat(result.status()).isEqualTo(2);
    assertThat(result.err()).startsWith("error: invalid selector \"a=1,\": empty term\n");
    assertThat(get("ls", "eth0", "-l", "role").status()).isEqualTo(2);
  }

  @Test
  void namespaceDefaultsToTheTypesAndCanBeGiven() {
    assertThat(get("ls", "--namespace", "elsewhere").out())
        .isEqualTo("NODE   NAMESPACE   TYPE   ID   VERSION   ALIAS   TYPE   KIND   HW ADDR   OPER STATE   LINK STATE\n");
    assertThat(get("ls", "--namespace", "network").out()).isEqualTo(get("ls").out());
  }

  private String ids(String... selector) {
    var args = new ArrayList<>(List.of("ls", "-o", "jsonpath={.metadata.id}"));
    args.addAll(List.of(selector));
    Result result = get(args.toArray(String[]::new));
    assertThat(result.err()).isEmpty();
    return result.out();
  }
}
