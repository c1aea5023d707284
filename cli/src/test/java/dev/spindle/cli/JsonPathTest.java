package dev.spindle.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spindle.runtime.codec.YamlReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Kubernetes JSONPath subset, printed as talosctl's table cells print it. */
class JsonPathTest {
  private static final JsonNode DOC = YamlReader.typed(YamlReader.read("""
      id: eth0
      mtu: 1500
      up: true
      ratio: 1.5
      big: 1e6
      gone: null
      dnsServers:
          - 1.1.1.1
          - 8.8.8.8
      empty: []
      peers:
          - name: a
            port: 1
          - name: b
            port: 2
          - name: c
      nested:
          inner:
              value: deep
      map:
          z: 1
          a: "<x>"
      a.b: dotted
      """));

  private static String run(String template) {
    return JsonPath.parse(template).execute(DOC);
  }

  @Test
  void fieldsAndNestedFields() {
    assertThat(run("{.id}")).isEqualTo("eth0");
    assertThat(run("{.nested.inner.value}")).isEqualTo("deep");
    assertThat(run("{.mtu}")).isEqualTo("1500");
    assertThat(run("{.up}")).isEqualTo("true");
  }

  @Test
  void floatsPrintAsGoPrintsFloat64() {
    assertThat(run("{.ratio}")).isEqualTo("1.5");
    assertThat(run("{.big}")).isEqualTo("1e+06");
  }

  @Test
  void listsAndMapsPrintAsCompactJson() {
    assertThat(run("{.dnsServers}")).isEqualTo("[\"1.1.1.1\",\"8.8.8.8\"]");
    assertThat(run("{.empty}")).isEqualTo("[]");
    assertThat(run("{.map}")).isEqualTo("{\"a\":\"\\u003cx\\u003e\",\"z\":1}");
  }

  @Test
  void indexesSlicesAndWildcards() {
    assertThat(run("{.dnsServers[0]}")).isEqualTo("1.1.1.1");
    assertThat(run("{.dnsServers[-1]}")).isEqualTo("8.8.8.8");
    assertThat(run("{.dnsServers[*]}")).isEqualTo("1.1.1.1 8.8.8.8");
    assertThat(run("{.dnsServers[:]}")).isEqualTo("1.1.1.1 8.8.8.8");
    assertThat(run("{.peers[0:2].name}")).isEqualTo("a b");
    assertThat(run("{.peers[::2].name}")).isEqualTo("a c");
    assertThat(run("{.peers[*].name}")).isEqualTo("a b c");
    assertThat(run("{.peers[*].port}")).isEqualTo("1 2"); // c has no port: skipped
    assertThat(run("{.peers[0,2].name}")).isEqualTo("a c");
    assertThat(run("{.map.*}")).isEqualTo("1 <x>");
    assertThat(run("{.empty[*]}")).isEmpty();
  }

  @Test
  void literalTextAndSeveralExpressions() {
    assertThat(run("id={.id} mtu={.mtu}")).isEqualTo("id=eth0 mtu=1500");
    assertThat(run("{.id}{\"\\t\"}{.dnsServers[1]}")).isEqualTo("eth0\t8.8.8.8");
    assertThat(run("plain")).isEqualTo("plain");
    assertThat(run("{$.id}")).isEqualTo("eth0");
  }

  @Test
  void quotedKeysAndEscapedDots() {
    assertThat(run("{['id']}")).isEqualTo("eth0");
    assertThat(run("{.a\\.b}")).isEqualTo("dotted");
    // As in Kubernetes, a quoted key is re-read as a path, so only a backslash protects a dot.
    assertThat(run("{['a.b']}")).isEmpty();
  }

  @Test
  void missingKeysPrintNothingAndNullPrintsNil() {
    assertThat(run("{.nope}")).isEmpty();
    assertThat(run("{.nested.nope.deeper}")).isEmpty();
    assertThat(run("[{.nope}]")).isEqualTo("[]");
    assertThat(run("{.gone}")).isEqualTo("<nil>");
    assertThat(run("{.gone.x}")).isEmpty();
  }

  @Test
  void missingKeysAreErrorsWhenNotAllowed() {
    var path = JsonPath.parse("{.id}:{.nope}");
    assertThatThrownBy(() -> path.findResults(DOC, false)).hasMessage("nope is not found");
    assertThat(JsonPath.parse("{.id}:{.mtu}").findResults(DOC, false)).extracting(List::size)
        .containsExactly(1, 1, 1);
  }

  @Test
  void evaluationErrorsAreWordedAsKubernetesWordsThem() {
    assertThatThrownBy(() -> run("{.map[0]}")).hasMessage("map[string]interface {} is not array or slice");
    assertThatThrownBy(() -> run("{.dnsServers[5]}")).hasMessage("array index out of bounds: index 5, length 2");
    assertThatThrownBy(() -> run("{.empty[0]}")).hasMessage("array index out of bounds: index 0, length 0");
  }

  @Test
  void invalidTemplatesAreRejectedWhenParsed() {
    assertThatThrownBy(() -> JsonPath.parse("{.id")).hasMessage("unclosed action");
    assertThatThrownBy(() -> JsonPath.parse("{.list[x]}")).hasMessage("invalid array index x");
    assertThatThrownBy(() -> JsonPath.parse("{.list[0}")).hasMessage("unterminated array");
    assertThatThrownBy(() -> JsonPath.parse("{.a[?(@.x)]}")).hasMessageContaining("not supported");
    assertThatThrownBy(() -> JsonPath.parse("{..a}")).hasMessageContaining("not supported");
    assertThatThrownBy(() -> JsonPath.parse("{range .a}{end}")).hasMessageContaining("not supported");
    assertThatThrownBy(() -> JsonPath.parse("{#}")).hasMessage("unrecognized character in action: U+0023 '#'");
  }
}
