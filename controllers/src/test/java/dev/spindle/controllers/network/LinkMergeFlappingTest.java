package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.network.LinkSpec;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.runtime.resource.Phase;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.testing.ControllerHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Talos's {@code testMergeFlapping} for links: inputs come and go while a consumer holds the merged spec; it never
 * flaps back to life while tearing down, and once every input is there the configuration layer wins.
 */
class LinkMergeFlappingTest {
  private static final String CONSUMER = "foo";

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(LinkMerge.controller());

  private final List<Resource<LinkSpec>> inputs = List.of(
      Resource.of(LinkSpec.DEFINITION, Namespaces.NETWORK_CONFIG, "dhcp/eth0",
          LinkSpec.builder("eth0", ConfigLayer.OPERATOR).mtu(1450).build()),
      Resource.of(LinkSpec.DEFINITION, Namespaces.NETWORK_CONFIG, "configuration/eth0",
          LinkSpec.builder("eth0", ConfigLayer.CONFIGURATION).mtu(1500).build()));

  @Test
  void thirtyRoundsOfComingAndGoingEndWithTheConfigurationLayer() {
    var random = new Random(7);
    var out = LinkSpec.DEFINITION.pointer("eth0");
    for (int round = 0; round < 30; round++) {
      var subset = new ArrayList<Resource<LinkSpec>>();
      while (subset.isEmpty()) {
        inputs.stream().filter(i -> random.nextBoolean()).forEach(subset::add);
      }
      subset.forEach(h::create);
      h.awaitResource(out, LinkSpec.DEFINITION, r -> assertThat(r.metadata().phase()).isEqualTo(Phase.RUNNING));
      h.state().addFinalizers(out, CONSUMER);
      subset.forEach(i -> h.destroy(i.metadata().pointer()));
      h.awaitResource(out, LinkSpec.DEFINITION,
          r -> assertThat(r.metadata().phase()).isEqualTo(Phase.TEARING_DOWN));
      h.state().removeFinalizers(out, CONSUMER);
      h.awaitNoResource(out);
    }
    inputs.forEach(h::create);
    h.awaitResource(out, LinkSpec.DEFINITION, r -> {
      assertThat(r.metadata().phase()).isEqualTo(Phase.RUNNING);
      assertThat(r.spec()).isEqualTo(inputs.get(1).spec());
    });
  }
}
