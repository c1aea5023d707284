package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.MachineConfigs.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.platform.network.FakeRtnetlink;
import dev.spindle.resources.config.MachineConfigParser;
import dev.spindle.resources.network.LinkAliasConfigStatus;
import dev.spindle.resources.network.LinkAliasSpec;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.runtime.testing.ControllerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The simulated node end to end: LinkAliasConfig YAML → parsed and compiled → kernel links → aliases → names. */
class SimulatedNodeLinkAliasTest {
  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new LinkStatusController(FakeRtnetlink.simulatedNode()),
      new LinkAliasConfigController());

  @Test
  void aMacPatternAliasesBothQemuNicsAndTheResolverKnowsThem() throws Exception {
    var config = MachineConfigParser.parse("""
        apiVersion: v1alpha1
        kind: LinkAliasConfig
        name: lan%d
        selector:
          match: glob("52:54:00:*", mac(link.permanent_addr)) && link.type == 1
        ---
        apiVersion: v1alpha1
        kind: LinkAliasConfig
        name: uplink
        selector:
          match: link.driver == "ixgbe"
        """, "aliases.yaml");
    h.create(resource(config));

    h.awaitSpec(LinkAliasSpec.DEFINITION, "eth0", s -> assertThat(s.alias()).isEqualTo("lan0"));
    h.awaitSpec(LinkAliasSpec.DEFINITION, "eth1", s -> assertThat(s.alias()).isEqualTo("lan1"));
    h.awaitSpec(LinkAliasConfigStatus.DEFINITION, "uplink", s -> assertThat(s.warning())
        .isEqualTo("link selector matched no link"));
    assertThat(h.state().find(LinkAliasSpec.DEFINITION.pointer("lo"))).isEmpty();

    var resolver = LinkResolver.of(h.state().list(LinkStatus.DEFINITION), h.state().list(LinkAliasSpec.DEFINITION));
    assertThat(resolver.resolve("lan1")).isEqualTo("eth1");
    assertThat(resolver.resolve("uplink")).isEqualTo("uplink");
  }
}
