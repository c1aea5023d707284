package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.LinkAliasesTest.THREE;
import static dev.spindle.controllers.network.LinkAliasesTest.config;
import static dev.spindle.controllers.network.MachineConfigs.documents;
import static dev.spindle.controllers.network.MachineConfigs.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.network.LinkAliasConfigStatus;
import dev.spindle.resources.network.LinkAliasSpec;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.runtime.testing.ControllerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LinkAliasConfigControllerTest {
  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new LinkAliasConfigController());

  private void createLinks() {
    THREE.forEach(link -> h.create(LinkStatus.DEFINITION, link.id(), link.spec()));
  }

  @Test
  void aliasesFollowTheConfigAndGoWithIt() {
    h.create(resource(documents(config("net0", "glob(\"00:1a:2b:*\", mac(link.permanent_addr))"),
        config("net1", "glob(\"33:44:55:*\", mac(link.permanent_addr))"))));
    createLinks();
    h.awaitSpec(LinkAliasSpec.DEFINITION, "enp0s2", s -> assertThat(s.alias()).isEqualTo("net0"));
    h.awaitSpec(LinkAliasConfigStatus.DEFINITION, "net1", s -> assertThat(s.links()).containsExactly("enp1s3", "enp1s4"));
    assertThat(h.state().find(LinkAliasSpec.DEFINITION.pointer("enp1s3"))).isEmpty();
    assertThat(h.state().find(LinkAliasSpec.DEFINITION.pointer("enp1s4"))).isEmpty();

    h.destroy(MachineConfig.DEFINITION.pointer(MachineConfig.ID));
    h.awaitNoResource(LinkAliasSpec.DEFINITION.pointer("enp0s2"));
    h.awaitNoResource(LinkAliasConfigStatus.DEFINITION.pointer("net1"));
  }

  @Test
  void aPatternRenumbersWhenALinkGoesAway() {
    h.create(resource(documents(config("net%d", "link.type == 1"))));
    createLinks();
    h.awaitSpec(LinkAliasSpec.DEFINITION, "enp1s4", s -> assertThat(s.alias()).isEqualTo("net2"));
    h.destroy(LinkStatus.DEFINITION.pointer("enp1s3"));
    h.awaitNoResource(LinkAliasSpec.DEFINITION.pointer("enp1s3"));
    h.awaitSpec(LinkAliasSpec.DEFINITION, "enp1s4", s -> assertThat(s.alias()).isEqualTo("net1"));
    h.awaitSpec(LinkAliasSpec.DEFINITION, "enp0s2", s -> assertThat(s.alias()).isEqualTo("net0"));
  }

  @Test
  void aSelectorThatMatchesNothingStaysVisibleUntilALinkAppears() {
    h.create(resource(documents(config("uplink", "link.driver == \"ixgbe\""))));
    h.awaitSpec(LinkAliasConfigStatus.DEFINITION, "uplink", s -> {
      assertThat(s.matched()).isFalse();
      assertThat(s.warning()).isEqualTo("link selector matched no link");
    });
    h.create(LinkStatus.DEFINITION, "enp3s0", Links.ether().driver("ixgbe").build());
    h.awaitSpec(LinkAliasSpec.DEFINITION, "enp3s0", s -> assertThat(s.alias()).isEqualTo("uplink"));
    h.awaitSpec(LinkAliasConfigStatus.DEFINITION, "uplink", s -> {
      assertThat(s.aliased()).containsExactly("enp3s0");
      assertThat(s.warning()).isEmpty();
    });
  }
}
