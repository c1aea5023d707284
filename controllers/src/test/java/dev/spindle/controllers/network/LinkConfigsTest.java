package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.Devices.device;
import static dev.spindle.controllers.network.Links.ether;
import static dev.spindle.controllers.network.Links.link;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.network.BondSlave;
import dev.spindle.resources.network.BridgeSlave;
import dev.spindle.resources.network.DeviceConfigSpec;
import dev.spindle.resources.network.LinkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The pure link planner with plain values: the rules that the controller tests do not reach. */
class LinkConfigsTest {
  private final List<String> warnings = new ArrayList<>();

  private Map<String, LinkSpec> plan(List<LinkSpec> cmdline, List<String> ignored, String... entries) {
    var devices = new TreeMap<String, DeviceConfigSpec>();
    for (int i = 0; i < entries.length; i++) {
      devices.put("dev/" + String.format("%03d", i), new DeviceConfigSpec(device(entries[i])));
    }
    var links = List.of(link("eth0", ether()), link("eth1", ether()));
    return LinkConfigs.plan(Optional.empty(), devices, links, LinkResolver.of(links), cmdline, ignored,
        (topic, message) -> warnings.add(message));
  }

  @Test
  void anIgnoredEntryDropsTheCmdlineLinkOfTheSameName() {
    var cmdline = List.of(LinkSpec.builder("eth0", ConfigLayer.CMDLINE).up(true).build());
    assertThat(plan(cmdline, List.of(), "{\"interface\": \"eth0\", \"ignore\": true}").keySet())
        .containsExactly("default/lo", "default/eth1");
  }

  @Test
  void theCmdlineIgnoreListAndCmdlineLinksEndTheDefaultUp() {
    var cmdline = List.of(LinkSpec.builder("eth1", ConfigLayer.CMDLINE).up(true).build());
    assertThat(plan(cmdline, List.of("eth0")).keySet()).containsExactly("default/lo", "cmdline/eth1");
  }

  @Test
  void aLinkInTwoBondsOrABondAndABridgeIsWarnedAboutAndTheLastWins() {
    var specs = plan(List.of(), List.of(),
        "{\"interface\": \"bond0\", \"bond\": {\"interfaces\": [\"eth0\"]}}",
        "{\"interface\": \"bond1\", \"bond\": {\"interfaces\": [\"eth0\"]}}",
        "{\"interface\": \"br0\", \"bridge\": {\"interfaces\": [\"eth0\"]}}");
    assertThat(warnings).containsExactly("link \"eth0\" is included in both bonds \"bond0\" and \"bond1\"",
        "link \"eth0\" is included in both bond \"bond1\" and bridge \"br0\"");
    assertThat(specs.get("configuration/eth0").bondSlave()).isEqualTo(new BondSlave("bond1", 0));
    assertThat(specs.get("configuration/eth0").bridgeSlave()).isEqualTo(new BridgeSlave("br0"));
  }

  @Test
  void aBondAfterABridgeNamesTheBondAsTheBondAndTheBridgeAsTheBridge() {
    plan(List.of(), List.of(),
        "{\"interface\": \"br0\", \"bridge\": {\"interfaces\": [\"eth0\"]}}",
        "{\"interface\": \"bond0\", \"bond\": {\"interfaces\": [\"eth0\"]}}");
    assertThat(warnings).containsExactly("link \"eth0\" is included in both bond \"bond0\" and bridge \"br0\"");
  }

  @Test
  void aBridgePortEntryNamesItsBridge() {
    var specs = plan(List.of(), List.of(), "{\"interface\": \"eth1\", \"bridgePort\": {\"master\": \"br9\"}}");
    assertThat(specs.get("configuration/eth1").bridgeSlave()).isEqualTo(new BridgeSlave("br9"));
  }

  @Test
  void aBondWithAnUnknownModeIsStillALogicalBondAndIsWarnedAbout() {
    var specs = plan(List.of(), List.of(), "{\"interface\": \"bond0\", \"bond\": {\"mode\": \"fastest\"}}");
    LinkSpec bond = specs.get("configuration/bond0");
    assertThat(bond.kind()).isEqualTo("bond");
    assertThat(bond.logical()).isTrue();
    assertThat(bond.bondMaster()).isNull();
    assertThat(warnings).singleElement().asString().startsWith("error parsing bond config of \"bond0\": bond mode");
  }
}
