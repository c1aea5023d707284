package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.Devices.device;
import static dev.spindle.controllers.network.Devices.devices;
import static dev.spindle.controllers.network.Links.ether;
import static dev.spindle.controllers.network.Links.link;
import static dev.spindle.controllers.network.Links.withPermanentAddr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.config.DeviceSelector;
import dev.spindle.resources.network.DeviceConfigSpec;
import dev.spindle.resources.network.DeviceSelectorStatus;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.LinkType;
import dev.spindle.runtime.resource.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Talos's C/device_config_test.go vectors (§2.6), then Spindle's selector status. */
class DeviceConfigsTest {
  private static final List<Resource<LinkStatus>> SELECTOR_LINKS = List.of(
      link("eth0", ether().driver("thedriver").busPath("0000:01:00.0")),
      link("eth1", LinkStatus.builder().type(LinkType.NETROM).busPath("0000:01:01.0")));

  private static DeviceConfigSpec spec(String json) {
    return new DeviceConfigSpec(device(json));
  }

  @Test
  void testDeviceConfigsPassesEntriesWithoutSelectorsThrough() {
    var entries = devices(
        """
        {"interface": "eth0", "addresses": ["192.168.2.0/24"], "mtu": 1500}""",
        """
        {"interface": "bond0", "bond": {"interfaces": ["eth1", "eth2"], "mode": "balance-rr"}}""",
        """
        {"interface": "eth0", "addresses": ["192.168.3.0/24"]}""");
    var plan = DeviceConfigs.plan(entries, List.of());
    assertThat(plan.specs().keySet()).containsExactly("eth0/000", "bond0/001", "eth0/002");
    assertThat(plan.specs().get("bond0/001").device()).isEqualTo(entries.get(1));
    assertThat(plan.specs().get("eth0/002").device()).isEqualTo(entries.get(2));
    assertThat(plan.statuses()).isEmpty();
    assertThat(plan.warnings()).isEmpty();
  }

  @Test
  void testSelectors() {
    var plan = DeviceConfigs.plan(devices(
        """
        {"deviceSelector": {"driver": "thedriver"}, "addresses": ["192.168.2.0/24"], "mtu": 1500}""",
        """
        {"interface": "eth0", "addresses": ["192.168.3.0/24"]}""",
        """
        {"deviceSelector": {"driver": "no-match"}, "addresses": ["192.168.4.0/24"]}""",
        """
        {"deviceSelector": {"busPath": "0000:01*"}, "addresses": ["192.168.5.0/24"]}""",
        """
        {"deviceSelector": {"physical": true}, "addresses": ["192.168.6.0/24"]}"""), SELECTOR_LINKS);

    assertThat(plan.specs().keySet()).containsExactly("eth0/000", "eth0/001", "eth0/003/000", "eth1/003/001",
        "eth0/004");
    assertThat(plan.specs().get("eth0/000")).isEqualTo(spec("""
        {"interface": "eth0", "addresses": ["192.168.2.0/24"], "mtu": 1500}"""));
    assertThat(plan.specs().get("eth1/003/001")).isEqualTo(spec("""
        {"interface": "eth1", "addresses": ["192.168.5.0/24"]}"""));
    assertThat(plan.specs().get("eth0/004")).isEqualTo(spec("""
        {"interface": "eth0", "addresses": ["192.168.6.0/24"]}"""));
    assertThat(plan.warnings()).containsOnlyKeys("002")
        .containsEntry("002", "no matching network device for defined selector: {driver: no-match}");
    assertThat(plan.statuses().get("002")).isEqualTo(new DeviceSelectorStatus(
        "machine.network.interfaces[2].deviceSelector", List.of(DeviceSelector.ofDriver("no-match")), List.of(),
        false));
    assertThat(plan.statuses().get("003").links()).containsExactly("eth0", "eth1");
    assertThat(plan.statuses().keySet()).containsExactly("000", "002", "003", "004");
  }

  private static final String BOND = """
      {"interface": "bond0", "mtu": 1500, "addresses": ["192.168.2.0/24"],
       "bond": {"mode": "balance-rr", "deviceSelectors": [{"permanentAddr": "00:*"}, {"permanentAddr": "01:*"}]}}""";

  @Test
  void testBondSelectorsWithoutMatchesGiveNoBond() {
    var plan = DeviceConfigs.plan(devices(BOND),
        List.of(withPermanentAddr("eth0", ""), withPermanentAddr("eth1", "")));
    assertThat(plan.specs()).isEmpty();
    assertThat(plan.warnings()).containsEntry("000",
        "no matching network device for defined bond selectors: [{permanentAddr: 00:*}, {permanentAddr: 01:*}]");
    assertThat(plan.statuses().get("000").matched()).isFalse();
    assertThat(plan.statuses().get("000").config()).isEqualTo("machine.network.interfaces[0].bond.deviceSelectors");
  }

  @Test
  void testBondSelectorsCollectMembersButNotTheBondItself() {
    var plan = DeviceConfigs.plan(devices(BOND), List.of(
        withPermanentAddr("eth0", ""), withPermanentAddr("eth1", ""),
        withPermanentAddr("bond0", "00:11:22:33:44:55"), withPermanentAddr("eth3", "00:11:22:33:44:55"),
        withPermanentAddr("eth4", "01:11:22:33:44:55"), withPermanentAddr("eth5", "01:11:22:33:44:ef"),
        withPermanentAddr("eth6", "02:11:22:33:44:55")));
    assertThat(plan.specs().keySet()).containsExactly("bond0/000");
    assertThat(plan.specs().get("bond0/000")).isEqualTo(spec("""
        {"interface": "bond0", "addresses": ["192.168.2.0/24"],
         "bond": {"interfaces": ["eth3", "eth4", "eth5"], "mode": "balance-rr"}, "mtu": 1500}"""));
    assertThat(plan.warnings()).isEmpty();
    assertThat(plan.statuses().get("000").links()).containsExactly("eth3", "eth4", "eth5");
  }

  @Test
  void aLinkMatchedByTwoBondSelectorsIsListedTwiceAsInTalos() {
    var plan = DeviceConfigs.plan(devices("""
        {"interface": "bond1", "bond": {"deviceSelectors": [{"driver": "ixgbe"}, {"busPath": "0000:06*"}]}}"""),
        List.of(link("eth6", ether().driver("ixgbe").busPath("0000:06:00.0")),
            link("eth7", ether().driver("ixgbe").busPath("0000:07:00.0"))));
    assertThat(plan.specs().get("bond1/000").device().bondInterfaces()).containsExactly("eth6", "eth7", "eth6");
  }
}
