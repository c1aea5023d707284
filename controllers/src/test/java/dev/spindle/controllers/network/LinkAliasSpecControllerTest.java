package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spindle.platform.network.FakeRtnetlink;
import dev.spindle.platform.network.LinkChange;
import dev.spindle.resources.network.LinkAliasSpec;
import dev.spindle.runtime.testing.ControllerHarness;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** LinkAliasSpec → the kernel's IFLA_IFALIAS on the fake kernel: set, restored, cleared only when still ours. */
class LinkAliasSpecControllerTest {
  private final FakeRtnetlink kernel = FakeRtnetlink.simulatedNode();

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new LinkAliasSpecController(kernel));

  private void awaitAlias(String link, String alias) {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(kernel.link(link).alias())
        .isEqualTo(alias));
  }

  @Test
  void anAliasSpecBecomesTheLinksAliasAndComesBackAfterAChangeBehindIt() throws Exception {
    h.create(LinkAliasSpec.DEFINITION, "eth0", new LinkAliasSpec("net0"));
    awaitAlias("eth0", "net0");
    kernel.setLink(kernel.link("eth0").index(), LinkChange.NONE.withAlias("someone-else"));
    awaitAlias("eth0", "net0");
    h.updateSpec(LinkAliasSpec.DEFINITION, "eth0", new LinkAliasSpec("uplink"));
    awaitAlias("eth0", "uplink");
    assertThat(kernel.link("eth1").alias()).isEmpty();
  }

  @Test
  void aRemovedSpecClearsTheAliasItWroteButNotOneSomeoneElseSetSince() throws Exception {
    h.create(LinkAliasSpec.DEFINITION, "eth0", new LinkAliasSpec("net0"));
    h.create(LinkAliasSpec.DEFINITION, "eth1", new LinkAliasSpec("net1"));
    awaitAlias("eth0", "net0");
    awaitAlias("eth1", "net1");
    h.destroy(LinkAliasSpec.DEFINITION.pointer("eth0"));
    awaitAlias("eth0", "");

    // an alias an operator set is theirs once the spec is gone: the controller must not clear it
    h.destroy(LinkAliasSpec.DEFINITION.pointer("eth1"));
    awaitAlias("eth1", "");
    kernel.setLink(kernel.link("eth1").index(), LinkChange.NONE.withAlias("by-hand"));
    h.create(LinkAliasSpec.DEFINITION, "lo", new LinkAliasSpec("loop")); // a later pass runs
    awaitAlias("lo", "loop");
    assertThat(kernel.link("eth1").alias()).isEqualTo("by-hand");
  }

  @Test
  void aSpecForALinkThatDoesNotExistYetWaitsForIt() throws Exception {
    h.create(LinkAliasSpec.DEFINITION, "br9", new LinkAliasSpec("bridge"));
    kernel.createLink(dev.spindle.platform.network.LinkRequest.of("br9",
        new dev.spindle.platform.network.BridgeInfo(0, false)));
    awaitAlias("br9", "bridge");
  }
}
