package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.Links.ether;
import static dev.spindle.controllers.network.Links.link;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.cel.LinkLocator;
import dev.spindle.resources.config.LinkAliasConfig;
import dev.spindle.resources.network.HardwareAddr;
import dev.spindle.resources.network.LinkAliasConfigStatus;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.runtime.resource.Resource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The alias planner: Talos's vectors (C/link_alias_config_test.go) and Spindle's additions. */
class LinkAliasesTest {
  private final LinkSelectors selectors = new LinkSelectors();

  static LinkAliasConfig config(String name, String match) {
    try {
      return new LinkAliasConfig(name, LinkLocator.compile(match));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A physical link as Talos's test creates one: type ether, permanent and current address the same. */
  static Resource<LinkStatus> nic(String name, String mac) {
    var addr = HardwareAddr.parse(mac);
    return link(name, ether().permanentAddr(addr).hardwareAddr(addr));
  }

  static final List<Resource<LinkStatus>> THREE = List.of(nic("enp0s2", "00:1a:2b:33:44:55"),
      nic("enp1s3", "33:44:55:66:77:88"), nic("enp1s4", "33:44:55:66:77:89"));

  private LinkAliases plan(List<Resource<LinkStatus>> links, LinkAliasConfig... configs) {
    return LinkAliases.plan(List.of(configs), links, selectors);
  }

  @Test
  void aFixedNameThatSelectsTwoLinksIsSkipped() {
    var plan = plan(THREE, config("net0", "glob(\"00:1a:2b:*\", mac(link.permanent_addr))"),
        config("net1", "glob(\"33:44:55:*\", mac(link.permanent_addr))"));
    assertThat(plan.aliases()).containsExactly(Map.entry("enp0s2", "net0"));
    assertThat(plan.statuses().get("net1")).isEqualTo(new LinkAliasConfigStatus(
        "glob(\"33:44:55:*\", mac(link.permanent_addr))", List.of("enp1s3", "enp1s4"), List.of(), true,
        "link selector matched multiple links, skipping: enp1s3, enp1s4"));
    assertThat(plan.warnings()).containsOnlyKeys("net1");
    assertThat(plan.statuses().get("net0").aliased()).containsExactly("enp0s2");
  }

  @Test
  void configsAreTakenInNameOrderAndTheFirstAliasWins() {
    var plan = plan(List.of(nic("enp0s2", "00:1a:2b:33:44:55")),
        config("net1", "glob(\"00:1a:2b:*\", mac(link.permanent_addr))"),
        config("net0", "glob(\"00:1a:2b:33:*\", mac(link.permanent_addr))"));
    assertThat(plan.aliases()).containsExactly(Map.entry("enp0s2", "net0"));
    assertThat(plan.statuses().get("net1").warning())
        .isEqualTo("link already has an alias, skipping: enp0s2 (net0)");
  }

  @Test
  void aPatternNumbersLinksInHardwareAddressOrder() {
    var plan = plan(List.of(nic("enp1s4", "33:44:55:66:77:88"), nic("enp0s2", "00:1a:2b:33:44:55"),
        nic("enp1s3", "33:44:55:66:77:89")), config("net%d", "link.type == 1"));
    assertThat(plan.aliases()).containsExactlyInAnyOrderEntriesOf(
        Map.of("enp0s2", "net0", "enp1s4", "net1", "enp1s3", "net2"));
    assertThat(plan.statuses().get("net%d").links()).containsExactly("enp0s2", "enp1s4", "enp1s3");
    assertThat(plan.warnings()).isEmpty();
  }

  @Test
  void aPatternSkipsLinksAnEarlierConfigAliased() {
    var plan = plan(THREE, config("mgmt0", "mac(link.permanent_addr) == \"00:1a:2b:33:44:55\""),
        config("net%d", "link.type == 1"));
    assertThat(plan.aliases()).containsExactlyInAnyOrderEntriesOf(
        Map.of("enp0s2", "mgmt0", "enp1s3", "net0", "enp1s4", "net1"));
    assertThat(plan.statuses().get("net%d").aliased()).containsExactly("enp1s3", "enp1s4");
  }

  @Test
  void aLinkThatGoesAwayRenumbersThePattern() {
    var plan = plan(List.of(THREE.get(0), THREE.get(2)), config("net%d", "link.type == 1"));
    assertThat(plan.aliases()).containsExactlyInAnyOrderEntriesOf(Map.of("enp0s2", "net0", "enp1s4", "net1"));
  }

  @Test
  void onlyPhysicalLinksCount() {
    var bond = link("bond0", ether().kind("bond").permanentAddr(HardwareAddr.parse("00:00:00:00:00:01")));
    var lo = link("lo", LinkStatus.builder());
    var plan = plan(List.of(bond, lo, nic("eth0", "00:1a:2b:33:44:55")), config("any%d", "true"));
    assertThat(plan.aliases()).containsExactly(Map.entry("eth0", "any0"));
  }

  @Test
  void aLinkWithoutPermanentAddressSortsByItsCurrentOne() {
    var noPermanent = link("eth1", ether().hardwareAddr(HardwareAddr.parse("00:00:00:00:00:02")));
    var plan = plan(List.of(nic("eth0", "00:1a:2b:33:44:55"), noPermanent), config("net%d", "true"));
    assertThat(plan.aliases()).containsExactlyInAnyOrderEntriesOf(Map.of("eth1", "net0", "eth0", "net1"));
  }

  @Test
  void aSelectorThatSelectsNothingIsAWarningAndAVisibleStatus() {
    var plan = plan(THREE, config("wan", "link.driver == \"ixgbe\""));
    assertThat(plan.aliases()).isEmpty();
    assertThat(plan.statuses().get("wan")).isEqualTo(new LinkAliasConfigStatus("link.driver == \"ixgbe\"",
        List.of(), List.of(), false, "link selector matched no link"));
    assertThat(plan.warnings()).containsEntry("wan", "LinkAliasConfig wan: link selector matched no link");
  }

  @Test
  void aSelectorThatFailsOnALinkSelectsNothingAndTheOthersStillApply() {
    var plan = plan(THREE, config("bad", "link.alt_names[0] == \"x\""), config("net%d", "link.type == 1"));
    assertThat(plan.statuses().get("bad").matched()).isFalse();
    assertThat(plan.statuses().get("bad").warning())
        .startsWith("error evaluating link selector link.alt_names[0] == \"x\" on link enp0s2: ")
        .contains("Index out of bounds");
    assertThat(plan.aliases()).hasSize(3);
  }

  @Test
  void noConfigsNoAliases() {
    var plan = plan(THREE);
    assertThat(plan.aliases()).isEmpty();
    assertThat(plan.statuses()).isEmpty();
  }
}
