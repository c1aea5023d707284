package dev.spindle.runtime.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.runtime.codec.LinkStatusFixture.LinkStatusSpec;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceDefinition;
import org.junit.jupiter.api.Test;

/** The spec half of the codecs against the go-yaml vector of talos-network.md §1.5. */
class ResourceSpecCodecTest {
  static final ResourceDefinition<LinkStatusSpec> LINK_STATUS = ResourceDefinition
      .of(LinkStatusSpec.class, "LinkStatuses.net.talos.dev")
      .defaultNamespace("network")
      .alias("link", "links")
      .column("Alias", "alias")
      .column("Type", "type")
      .build();

  @Test
  void linkStatusSpecMatchesTheGoYamlVectorByteForByte() {
    assertThat(ResourceYaml.encodeSpec(LinkStatusFixture.vectorSpec())).isEqualTo(LinkStatusFixture.VECTOR_YAML);
  }

  @Test
  void theVectorDecodesBackIntoAnEqualSpec() {
    var resource = Resource.of(LINK_STATUS, "eth0", LinkStatusFixture.vectorSpec());
    String yaml = ResourceYaml.encode(resource, "172.20.0.2");

    Resource<LinkStatusSpec> decoded = ResourceYaml.decode(yaml, LINK_STATUS);

    assertThat(decoded).isEqualTo(resource);
    assertThat(ResourceYaml.encode(decoded, "172.20.0.2")).isEqualTo(yaml);
  }

  @Test
  void specUnderTheResourceIsTheVectorIndentedByFour() {
    var resource = Resource.of(LINK_STATUS, "eth0", LinkStatusFixture.vectorSpec());
    String yaml = ResourceYaml.encode(resource, null);

    String spec = yaml.substring(yaml.indexOf("spec:\n") + "spec:\n".length());
    String expected = LinkStatusFixture.VECTOR_YAML.lines().map(l -> "    " + l + "\n")
        .reduce("", String::concat);
    assertThat(spec).isEqualTo(expected);
  }

  @Test
  void unknownSpecFieldsAreRejected() {
    var resource = Resource.of(LINK_STATUS, "eth0", LinkStatusFixture.vectorSpec());
    String yaml = ResourceYaml.encode(resource, null).replace("    mtu: 1500\n", "    mtu: 1500\n    mtuu: 1\n");

    assertThatThrownBy(() -> ResourceYaml.decode(yaml, LINK_STATUS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mtuu");
  }
}
