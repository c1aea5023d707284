package dev.spindle.runtime.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Layout: indentation, sequences, empty collections, block scalars, complex keys, numbers. */
class YamlEmitterTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Test
  void sequenceUnderAKeyIsIndentedByFourAndItsMappingsByTwoMore() {
    ObjectNode peer = F.objectNode().put("publicKey", "peer=");
    peer.putArray("allowedIPs").add("192.83.93.94/31").add("10.0.0.0/8");
    ObjectNode doc = F.objectNode();
    doc.putObject("wireguard").putArray("peers").add(peer).add(F.objectNode().put("publicKey", "other="));

    assertThat(YamlEmitter.emit(doc)).isEqualTo("""
        wireguard:
            peers:
                - publicKey: peer=
                  allowedIPs:
                    - 192.83.93.94/31
                    - 10.0.0.0/8
                - publicKey: other=
        """);
  }

  @Test
  void sequencesInSequencesShareTheLineOfTheirDash() {
    ArrayNode matrix = F.arrayNode();
    matrix.addArray().add(1).add(2);
    matrix.addArray().addArray().add(3);
    matrix.addArray();
    ObjectNode doc = F.objectNode().set("matrix", matrix);

    assertThat(YamlEmitter.emit(doc)).isEqualTo("""
        matrix:
            - - 1
              - 2
            - - - 3
            - []
        """);
  }

  @Test
  void emptyCollectionsAreFlow() {
    ObjectNode doc = F.objectNode();
    doc.putObject("map");
    doc.putArray("list");
    doc.putArray("items").addObject();

    assertThat(YamlEmitter.emit(doc)).isEqualTo("""
        map: {}
        list: []
        items:
            - {}
        """);
    assertThat(YamlEmitter.emit(F.objectNode())).isEqualTo("{}\n");
    assertThat(YamlEmitter.emit(F.arrayNode())).isEqualTo("[]\n");
  }

  @Test
  void keyOrderIsTheTreeOrder() {
    ObjectNode doc = F.objectNode().put("z", 1).put("a", 2).put("m", 3);

    assertThat(YamlEmitter.emit(doc)).isEqualTo("z: 1\na: 2\nm: 3\n");
  }

  @Test
  void multiLineStringsAreLiteralBlocksWithGoYamlChomping() {
    ObjectNode doc = F.objectNode()
        .put("clip", "first\nsecond\n")
        .put("strip", "no newline\nat end")
        .put("keep", "kept\n\n")
        .put("lead", "  leading\nspaces\n");
    doc.putArray("items").add("a\nb\n").addObject().put("c", "d\ne");

    assertThat(YamlEmitter.emit(doc)).isEqualTo("""
        clip: |
            first
            second
        strip: |-
            no newline
            at end
        keep: |+
            kept

        lead: |4
              leading
            spaces
        items:
            - |
              a
              b
            - c: |-
                d
                e
        """);
  }

  @Test
  void keysThatAreLongOrMultiLineUseTheComplexKeyForm() {
    String edge = "k".repeat(128);
    String tooLong = "k".repeat(129);
    ObjectNode doc = F.objectNode().put(edge, "edge").put(tooLong, "long").put("a\nb", "multi");

    assertThat(YamlEmitter.emit(doc)).isEqualTo(edge + ": edge\n? " + tooLong + "\n: long\n? |-\n    a\n    b\n: multi\n");
  }

  @Test
  void numbersBooleansAndNullArePlainInGoForms() {
    ObjectNode doc = F.objectNode()
        .put("int", 1500)
        .put("long", Long.MIN_VALUE)
        .put("big", new BigInteger("18446744073709551615"))
        .put("one", 1.0)
        .put("half", 1.5)
        .put("million", 1e6)
        .put("small", 0.00001)
        .put("float", 0.1f)
        .put("inf", Double.POSITIVE_INFINITY)
        .put("nan", Double.NaN)
        .put("bool", true)
        .putNull("nothing");

    assertThat(YamlEmitter.emit(doc)).isEqualTo("""
        int: 1500
        long: -9223372036854775808
        big: 18446744073709551615
        one: 1
        half: 1.5
        million: 1e+06
        small: 1e-05
        float: 0.1
        inf: .inf
        nan: .nan
        bool: true
        nothing: null
        """);
  }

  @Test
  void untaggedMappingKeysArePlain() {
    UntaggedMapping labels = new UntaggedMapping();
    labels.set("1", new UntaggedScalar("true"));
    labels.set("", new UntaggedScalar(""));

    assertThat(YamlEmitter.emit(labels)).isEqualTo("1: true\n'':\n");
  }

  @Test
  void otherIndentWidthsFollowTheSameRules() {
    ObjectNode doc = F.objectNode();
    doc.putObject("a").putArray("b").addObject().put("c", 1).putArray("d").add("e");

    assertThat(YamlEmitter.emit(doc, 2)).isEqualTo("""
        a:
          b:
            - c: 1
              d:
                - e
        """);
    assertThatThrownBy(() -> YamlEmitter.emit(doc, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * A document go-yaml v4 printed for a Go struct mixing every layout rule; read back and emitted again it must be
   * byte-identical.
   */
  @Test
  void goYamlDocumentRoundTripsByteForByte() {
    JsonNode tree = YamlReader.typed(YamlReader.read(GO_YAML_DOCUMENT));

    assertThat(YamlEmitter.emit(tree)).isEqualTo(GO_YAML_DOCUMENT);
  }

  private static final String GO_YAML_DOCUMENT = """
      top: value
      list:
          - name: a
            items:
              - 1.0.0
              - b c
            nested:
              - - x
                - 'y'
              - []
              - - z
            empty: []
            emptyMap: {}
            text: |
              multi
              line
            "null": x
            sub:
              k:
                  - deep:
                      - q
                  - r
          - name: ""
            items: []
            nested: []
            empty: []
            emptyMap: {}
            text: single
            "null": null
            sub: {}
      matrix:
          - - 1
            - 2
          - - 3
          - []
      deep:
          a:
              b:
                  c:
                      - - 1
                        - - 2
                          - 3
                      - d: |-
                          e
                          f
      literal: |
          first
          second

          fourth
      keep: |+
          kept

      strip: |-
          no newline
          at end
      lead: |4
            leading
          spaces
      maps:
          - a: 1
            b: []
          - {}
          - c:
              d: []
      emptyList: []
      keys:
          "": empty
          "123": num
          ? |-
              a
              b
          : multi
          'a: b': colon
          kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: edge
          ? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk
          : long
      lists:
          - |
            a
            b
          - - |-
              c
              d
            - e: |
                  f
                  g
          - h:
              - |-
                i
                j
      floats:
          - 1
          - 1.5
          - 1e+06
          - 1e-05
      bools:
          - true
          - false
      nums:
          max: 9223372036854775807
          min: -9223372036854775808
      """;
}
