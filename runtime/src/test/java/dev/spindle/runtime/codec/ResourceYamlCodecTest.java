package dev.spindle.runtime.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.runtime.resource.Metadata;
import dev.spindle.runtime.resource.Phase;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** talosctl's {@code -o yaml} document: the node line, COSI's metadata block, the spec. */
class ResourceYamlCodecTest {
  record TestSpec(String value, List<String> items, int count, @OmitEmpty String note) {
    TestSpec {
      value = value == null ? "" : value;
      items = items == null ? List.of() : List.copyOf(items);
      note = note == null ? "" : note;
    }
  }

  static final ResourceDefinition<TestSpec> TEST = ResourceDefinition
      .of(TestSpec.class, "TestResources.test.spindle.dev")
      .defaultNamespace("network")
      .build();

  /** Everything optional set, version undefined, tearing down; checked against go-yaml with COSI's node tree. */
  static Resource<TestSpec> rich() {
    var labels = new LinkedHashMap<String, String>();
    labels.put("z", "yes");
    labels.put("talos.dev/owned", "");
    labels.put("1", "true");
    Metadata md = Metadata.of("network", TEST.type(), "123")
        .withPhase(Phase.TEARING_DOWN)
        .withTimes(Instant.parse("2024-01-02T03:04:05.999Z"), Instant.parse("2024-01-02T03:04:06Z"))
        .withLabels(labels)
        .withAnnotations(Map.of("note", "a: b", "multi", "x\ny"))
        .withFinalizers(List.of("b-controller", "a-controller"));
    return new Resource<>(md, new TestSpec("123", List.of("x", "00:11"), 7, ""));
  }

  static final String RICH_YAML = """
      node: 172.20.0.2
      metadata:
          namespace: network
          type: TestResources.test.spindle.dev
          id: 123
          version: undefined
          owner:
          phase: tearingDown
          created: 2024-01-02T03:04:05Z
          updated: 2024-01-02T03:04:06Z
          labels:
              1: true
              talos.dev/owned:
              z: yes
          annotations:
              multi: |-
                  x
                  y
              note: 'a: b'
          finalizers:
              - b-controller
              - a-controller
      spec:
          value: "123"
          items:
              - x
              - '00:11'
          count: 7
      """;

  @Test
  void metadataFollowsCosiOrderAndUntaggedScalars() {
    assertThat(ResourceYaml.encode(rich(), "172.20.0.2")).isEqualTo(RICH_YAML);
  }

  @Test
  void storedResourceWithNothingOptional() {
    Metadata md = Metadata.of("default", TEST.type(), "r1")
        .withVersion(3)
        .withOwner("test.Controller")
        .withTimes(Instant.EPOCH, Instant.parse("2024-01-02T03:04:05Z"));
    var resource = new Resource<>(md, new TestSpec("v", List.of(), 0, null));

    assertThat(ResourceYaml.encode(resource, "10.5.0.2")).isEqualTo("""
        node: 10.5.0.2
        metadata:
            namespace: default
            type: TestResources.test.spindle.dev
            id: r1
            version: 3
            owner: test.Controller
            phase: running
            created: 1970-01-01T00:00:00Z
            updated: 2024-01-02T03:04:05Z
        spec:
            value: v
            items: []
            count: 0
        """);
  }

  @Test
  void noNodeLineWithoutANode() {
    String withoutNode = RICH_YAML.substring(RICH_YAML.indexOf('\n') + 1);

    assertThat(ResourceYaml.encode(rich(), null)).isEqualTo(withoutNode);
    assertThat(ResourceYaml.encode(rich(), "")).isEqualTo(withoutNode);
  }

  @Test
  void nodeNameIsPrintedRawLikeTalosctl() {
    assertThat(ResourceYaml.encode(rich(), "true")).startsWith("node: true\nmetadata:\n");
  }

  @Test
  void encodeSpecIsTheSpecDocument() {
    // "n" is a YAML 1.1 boolean, so go-yaml single-quotes it.
    assertThat(ResourceYaml.encodeSpec(new TestSpec("a: b", List.of(), 1, "n"))).isEqualTo("""
        value: 'a: b'
        items: []
        count: 1
        note: 'n'
        """);
  }

  record TimeSpec(Instant at, OffsetDateTime local, List<Instant> list, String text) {}

  @Test
  void pointsInTimePrintLikeGoTimeAndStringsThatLookLikeThemAreQuoted() {
    Instant at = Instant.parse("2024-01-02T03:04:05.1Z");
    var spec = new TimeSpec(at, at.atOffset(ZoneOffset.ofHours(1)), List.of(Instant.parse("2024-01-02T03:04:05Z")),
        "2024-01-02T03:04:05Z");
    // Checked against go-yaml with time.Time fields.
    String yaml = """
        at: 2024-01-02T03:04:05.1Z
        local: 2024-01-02T04:04:05.1+01:00
        list:
            - 2024-01-02T03:04:05Z
        text: "2024-01-02T03:04:05Z"
        """;

    assertThat(ResourceYaml.encodeSpec(spec)).isEqualTo(yaml);
    assertThat(SpecMapper.fromTree(YamlReader.typed(YamlReader.read(yaml)), TimeSpec.class)).isEqualTo(spec);
    assertThat(SpecMapper.mapper().valueToTree(spec).get("at").isTextual()).isTrue();
  }

  @Test
  void decodeRoundTripsEverythingButSubSecondTimes() {
    Resource<TestSpec> decoded = ResourceYaml.decode(RICH_YAML, TEST);

    Resource<TestSpec> expected = rich().withMetadata(md -> md.withTimes(Instant.parse("2024-01-02T03:04:05Z"),
        md.updated()));
    assertThat(decoded).isEqualTo(expected);
    assertThat(decoded.metadata().labels()).containsEntry("1", "true").containsEntry("talos.dev/owned", "");
    assertThat(ResourceYaml.encode(decoded, "172.20.0.2")).isEqualTo(RICH_YAML);
  }

  @Test
  void decodeReadsMetadataKeysInAnyOrderAndIgnoresUnknownOnes() {
    Resource<TestSpec> decoded = ResourceYaml.decode("""
        spec:
            value: v
            count: 2
        metadata:
            future: ignored
            version: 4
            id: r
            type: TestResources.test.spindle.dev
            namespace: ns
            owner: ctl
        """, TEST);

    assertThat(decoded.metadata()).isEqualTo(Metadata.of("ns", TEST.type(), "r").withVersion(4).withOwner("ctl"));
    assertThat(decoded.spec()).isEqualTo(new TestSpec("v", List.of(), 2, ""));
  }

  @Test
  void decodeRejectsBrokenDocuments() {
    assertThatThrownBy(() -> ResourceYaml.decode("spec: {}\n", TEST))
        .hasMessageContaining("metadata is missing");
    assertThatThrownBy(() -> ResourceYaml.decode("metadata:\n    type: TestResources.test.spindle.dev\n", TEST))
        .hasMessageContaining("spec is missing");
    assertThatThrownBy(() -> ResourceYaml.decode("metadata:\n    type: Others.test.spindle.dev\nspec: {}\n", TEST))
        .hasMessageContaining("\"Others.test.spindle.dev\" is not");
    assertThatThrownBy(() -> ResourceYaml.decode(RICH_YAML + "extra: 1\n", TEST))
        .hasMessageContaining("unexpected key \"extra\"");
    assertThatThrownBy(() -> ResourceYaml.decode(RICH_YAML.replace("phase: tearingDown", "phase: gone"), TEST))
        .hasMessageContaining("unknown phase");
    assertThatThrownBy(() -> ResourceYaml.decode("metadata: {}\nmetadata: {}\n", TEST))
        .hasMessageContaining("already defined");
    assertThatThrownBy(() -> ResourceYaml.decode("metadata: [\n", TEST))
        .hasMessageContaining("invalid YAML");
  }
}
