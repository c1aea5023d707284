package dev.spindle.runtime.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.runtime.codec.ResourceYamlCodecTest.TestSpec;
import dev.spindle.runtime.resource.Metadata;
import dev.spindle.runtime.resource.Resource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * talosctl's {@code -o json}. The golden string is what talosctl's pipeline (go-yaml marshal, unmarshal into a Go
 * map, {@code json.Encoder} with 4-space indent) printed for the same resource.
 */
class ResourceJsonCodecTest {
  @Test
  void matchesTalosctlJson() {
    Resource<TestSpec> rich = ResourceYamlCodecTest.rich();
    // A label key that reads as a number makes go-yaml build a map Go's JSON encoder rejects; use a text key.
    Resource<TestSpec> resource = rich.withMetadata(md -> md.withLabels(Map.of("k1", "true",
        "talos.dev/owned", "", "z", "yes")));

    assertThat(ResourceJson.encode(resource, "<n&1>")).isEqualTo("""
        {
            "metadata": {
                "annotations": {
                    "multi": "x\\ny",
                    "note": "a: b"
                },
                "created": "2024-01-02T03:04:05Z",
                "finalizers": [
                    "b-controller",
                    "a-controller"
                ],
                "id": 123,
                "labels": {
                    "k1": true,
                    "talos.dev/owned": null,
                    "z": "yes"
                },
                "namespace": "network",
                "owner": null,
                "phase": "tearingDown",
                "type": "TestResources.test.spindle.dev",
                "updated": "2024-01-02T03:04:06Z",
                "version": "undefined"
            },
            "node": "\\u003cn\\u00261\\u003e",
            "spec": {
                "count": 7,
                "items": [
                    "x",
                    "00:11"
                ],
                "value": "123"
            }
        }
        """);
  }

  @Test
  void storedVersionIsANumberAndNodeIsOptional() {
    Metadata md = Metadata.of("default", ResourceYamlCodecTest.TEST.type(), "r1").withVersion(3).withOwner("c")
        .withTimes(Instant.EPOCH, Instant.EPOCH);
    var resource = new Resource<>(md, new TestSpec("tab\there\u2028", List.of(), 0, ""));

    assertThat(ResourceJson.encode(resource, null)).isEqualTo("""
        {
            "metadata": {
                "created": "1970-01-01T00:00:00Z",
                "id": "r1",
                "namespace": "default",
                "owner": "c",
                "phase": "running",
                "type": "TestResources.test.spindle.dev",
                "updated": "1970-01-01T00:00:00Z",
                "version": 3
            },
            "spec": {
                "count": 0,
                "items": [],
                "value": "tab\\there\\u2028"
            }
        }
        """);
  }

  @Test
  void floatsUseGoJsonForms() {
    assertThat(GoJson.write(SpecMapper.toTree(Map.of("a", 1e6)))).isEqualTo("{\n    \"a\": 1000000\n}\n");
    assertThat(GoJson.write(SpecMapper.toTree(Map.of("a", 1e21)))).isEqualTo("{\n    \"a\": 1e+21\n}\n");
    assertThat(GoJson.write(SpecMapper.toTree(Map.of("a", -2.5e-7)))).isEqualTo("{\n    \"a\": -2.5e-7\n}\n");
    assertThatThrownBy(() -> GoJson.write(SpecMapper.toTree(Map.of("a", Double.NaN))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
