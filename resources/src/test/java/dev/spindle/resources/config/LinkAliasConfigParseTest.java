package dev.spindle.resources.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code LinkAliasConfig} document: what parses, and each of Talos's validation errors, located. */
class LinkAliasConfigParseTest {
  private static List<String> errors(String yaml) {
    return MachineConfigParser.check(yaml, "cfg.yaml").errors().stream().map(ConfigProblem::message).toList();
  }

  private static String doc(String name, String match) {
    return "apiVersion: v1alpha1\nkind: LinkAliasConfig\nname: " + name + "\nselector:\n  match: " + match + "\n";
  }

  @Test
  void readsNameAndCompiledSelector() throws Exception {
    var config = MachineConfigParser.parse(doc("int0", "glob(\"00:1a:2b:*\", mac(link.permanent_addr))")
        + "---\n" + doc("net%d", "link.driver == \"e1000\""), "cfg.yaml");
    var aliases = config.documents(LinkAliasConfig.class);
    assertThat(aliases).extracting(LinkAliasConfig::name).containsExactly("int0", "net%d");
    assertThat(aliases.getFirst().match().text()).isEqualTo("glob(\"00:1a:2b:*\", mac(link.permanent_addr))");
    assertThat(aliases.getFirst().pattern()).isFalse();
    assertThat(aliases.get(1).pattern()).isTrue();
    assertThat(aliases.get(1).alias(2)).isEqualTo("net2");
    assertThat(aliases.getFirst().alias(2)).isEqualTo("int0");
  }

  @Test
  void aMultiLineExpressionIsOneExpression() throws Exception {
    var config = MachineConfigParser.parse("""
        apiVersion: v1alpha1
        kind: LinkAliasConfig
        name: uplink
        selector:
          match: |
            link.driver == "ixgbe" &&
              glob("0000:3b:*", link.bus_path)
        """, "cfg.yaml");
    assertThat(config.documents(LinkAliasConfig.class).getFirst().match().text())
        .isEqualTo("link.driver == \"ixgbe\" &&\n  glob(\"0000:3b:*\", link.bus_path)\n");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      net%            | cfg.yaml:3:7: document 1 (LinkAliasConfig): name: "net%": name contains an invalid format verb, use %d suffix
      '"%d"'          | cfg.yaml:3:7: document 1 (LinkAliasConfig): name: "%d": name contains an invalid format verb, use %d suffix
      net%dx          | cfg.yaml:3:7: document 1 (LinkAliasConfig): name: "net%dx": name contains an invalid format verb, use %d suffix
      net%s           | cfg.yaml:3:7: document 1 (LinkAliasConfig): name: "net%s": name contains an invalid format verb, use %d suffix
      '""'            | cfg.yaml:3:7: document 1 (LinkAliasConfig): name: name must be specified
      """)
  void refusesABadName(String name, String expected) {
    assertThat(errors(doc(name, "link.type == 1"))).containsExactly(expected);
  }

  @Test
  void aCompileErrorIsLocatedAtTheExpression() {
    assertThat(errors(doc("net0", "link.nope == \"x\""))).containsExactly(
        "cfg.yaml:5:10: document 1 (LinkAliasConfig): selector.match: \"link.nope == \\\"x\\\"\": link selector is "
            + "invalid: 1:5: undefined field 'nope'");
    assertThat(errors(doc("net0", "link.driver"))).containsExactly(
        "cfg.yaml:5:10: document 1 (LinkAliasConfig): selector.match: \"link.driver\": link selector is invalid: "
            + "expression output type is string, expected bool");
  }

  @Test
  void theSelectorIsRequired() {
    assertThat(errors("apiVersion: v1alpha1\nkind: LinkAliasConfig\nname: net0\n")).containsExactly(
        "cfg.yaml:2:1: document 1 (LinkAliasConfig): selector.match: link selector is required");
    assertThat(errors("apiVersion: v1alpha1\nkind: LinkAliasConfig\nname: net0\nselector: {}\n")).containsExactly(
        "cfg.yaml:4:11: document 1 (LinkAliasConfig): selector.match: link selector is required");
  }

  @Test
  void unknownFieldsAreRefusedByTheSchema() {
    assertThat(errors(doc("net0", "link.type == 1") + "  driver: e1000\n"))
        .singleElement().asString().contains("selector.driver").contains("unknown field");
  }

  @Test
  void twoDocumentsWithOneNameAreADuplicate() {
    assertThat(errors(doc("net0", "link.type == 1") + "---\n" + doc("net0", "link.type == 2"))).containsExactly(
        "cfg.yaml:8:7: document 2 (LinkAliasConfig): duplicate document LinkAliasConfig/net0 (the first is at line 2)");
  }

  @Test
  void everyProblemOfADocumentIsReported() {
    assertThat(errors(doc("net%x", "link.mtu == 1500"))).hasSize(2);
  }
}
