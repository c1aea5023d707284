package dev.spindle.runtime.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spindle.runtime.codec.ResourceYamlCodecTest.TestSpec;
import dev.spindle.runtime.resource.Resource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The overloads a client uses for types it knows only as YAML (the COSI {@code yaml_spec}): printing the spec read
 * back from its YAML must give exactly what printing the record gives, as talosctl's output does not depend on
 * whether it knows the type.
 */
class RawSpecCodecTest {
  private static JsonNode specTree(Object spec) {
    return YamlReader.read(ResourceYaml.encodeSpec(spec));
  }

  @Test
  void yamlFromTheSpecTextEqualsYamlFromTheRecord() {
    Resource<TestSpec> rich = ResourceYamlCodecTest.rich();
    assertThat(ResourceYaml.encode(rich.metadata(), specTree(rich.spec()), "172.20.0.2"))
        .isEqualTo(ResourceYaml.encode(rich, "172.20.0.2"));

    var link = Resource.of(ResourceSpecCodecTest.LINK_STATUS, "eth0", LinkStatusFixture.vectorSpec());
    assertThat(ResourceYaml.encode(link.metadata(), specTree(link.spec()), null))
        .isEqualTo(ResourceYaml.encode(link, null));
  }

  @Test
  void jsonFromTheSpecTextEqualsJsonFromTheRecord() {
    var link = Resource.of(ResourceSpecCodecTest.LINK_STATUS, "eth0", LinkStatusFixture.vectorSpec());
    assertThat(ResourceJson.encode(link.metadata(), specTree(link.spec()), "n1"))
        .isEqualTo(ResourceJson.encode(link, "n1"));

    Resource<TestSpec> rich = ResourceYamlCodecTest.rich().withMetadata(md -> md.withLabels(Map.of("k", "v")));
    assertThat(ResourceJson.encode(rich.metadata(), specTree(rich.spec()), "n1"))
        .isEqualTo(ResourceJson.encode(rich, "n1"));
  }

  @Test
  void treeIsTheTypedDocumentWithTheNode() {
    var resource = Resource.of(ResourceYamlCodecTest.TEST, "r", new TestSpec("123", List.of("a"), 2, ""));
    var tree = ResourceJson.tree(resource.metadata(), specTree(resource.spec()), "n1");

    assertThat(tree.get("node").asText()).isEqualTo("n1");
    assertThat(tree.get("spec").get("value").isTextual()).isTrue(); // "123" was quoted, so it stays a string
    assertThat(tree.get("spec").get("count").isIntegralNumber()).isTrue();
    assertThat(ResourceJson.tree(resource.metadata(), specTree(resource.spec()), "").has("node")).isFalse();
  }

  @Test
  void goJsonCompactAndIndentedForms() {
    JsonNode value = YamlReader.typed(YamlReader.read("{b: [1.1.1.1, 8.8.8.8], a: '<x>', c: {}, d: [], e: 1e6}"));

    assertThat(GoJson.marshal(value))
        .isEqualTo("{\"a\":\"\\u003cx\\u003e\",\"b\":[\"1.1.1.1\",\"8.8.8.8\"],\"c\":{},\"d\":[],\"e\":1000000}");
    assertThat(GoJson.marshalIndent(YamlReader.read("[x]"))).isEqualTo("[\n    \"x\"\n]");
    assertThat(GoJson.write(YamlReader.read("[x]"))).isEqualTo("[\n    \"x\"\n]\n");
  }
}
