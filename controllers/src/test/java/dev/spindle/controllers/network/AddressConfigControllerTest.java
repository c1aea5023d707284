package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.Devices.device;
import static dev.spindle.controllers.network.MachineConfigs.cmdline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.network.AddressFlag;
import dev.spindle.resources.network.AddressSpec;
import dev.spindle.resources.network.DeviceConfigSpec;
import dev.spindle.resources.network.Family;
import dev.spindle.resources.network.IpPrefix;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.Scope;
import dev.spindle.runtime.resource.ResourceQuery;
import java.time.Duration;
import dev.spindle.runtime.testing.ControllerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AddressConfigControllerTest {
  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new AddressConfigController());

  private void awaitIds(String... ids) {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(h.state()
        .list(AddressSpec.DEFINITION.kind(Namespaces.NETWORK_CONFIG), ResourceQuery.ALL).stream()
        .map(r -> r.metadata().id())).containsExactlyInAnyOrder(ids));
  }

  private AddressSpec config(String id) {
    return AddressSpec.DEFINITION.cast(h.state().get(AddressSpec.DEFINITION.pointer(Namespaces.NETWORK_CONFIG, id)))
        .spec();
  }

  @Test
  void theDefaultLayerHasTheLoopbackAddress() {
    awaitIds("default/lo/127.0.0.1/8");
    assertThat(config("default/lo/127.0.0.1/8")).isEqualTo(new AddressSpec(IpPrefix.parse("127.0.0.1/8"), "lo",
        Family.INET4, Scope.HOST, dev.spindle.resources.network.AddressFlags.of(AddressFlag.PERMANENT), false,
        ConfigLayer.DEFAULT, 0));
  }

  @Test
  void theConfigurationLayerTakesCidrAddressesAndVlansOfEveryBoundEntry() {
    h.create(DeviceConfigSpec.DEFINITION, "eth0/000", new DeviceConfigSpec(device("""
        {"interface": "eth0", "cidr": "192.168.2.10/24", "addresses": ["10.0.0.5/24", "fd00::5", "2001:db8::1/64"],
         "vlans": [{"vlanId": 24, "addresses": ["10.24.0.1/16"]}]}""")));
    h.create(DeviceConfigSpec.DEFINITION, "eth1/001", new DeviceConfigSpec(device("""
        {"interface": "eth1", "ignore": true, "addresses": ["10.1.0.5/24"]}""")));
    h.create(DeviceConfigSpec.DEFINITION, "eth2/002", new DeviceConfigSpec(device("""
        {"interface": "eth2", "addresses": ["not-an-address", "10.2.0.5"]}""")));
    awaitIds("default/lo/127.0.0.1/8", "configuration/eth0/192.168.2.10/24", "configuration/eth0/10.0.0.5/24",
        "configuration/eth0/fd00::5/128", "configuration/eth0/2001:db8::1/64", "configuration/eth0.24/10.24.0.1/16",
        "configuration/eth2/10.2.0.5/32");
    AddressSpec v6 = config("configuration/eth0/2001:db8::1/64");
    assertThat(v6.family()).isEqualTo(Family.INET6);
    assertThat(v6.scope()).isEqualTo(Scope.GLOBAL);
    assertThat(v6.flags().contains(AddressFlag.PERMANENT)).isTrue();
    assertThat(v6.layer()).isEqualTo(ConfigLayer.CONFIGURATION);

    h.destroy(DeviceConfigSpec.DEFINITION.pointer("eth0/000"));
    awaitIds("default/lo/127.0.0.1/8", "configuration/eth2/10.2.0.5/32");
  }

  @Test
  void theCmdlineLayerTakesTheAddressOfIp() {
    h.create(cmdline("ip=172.20.0.2::172.20.0.1:255.255.255.0::eth0:off"));
    awaitIds("default/lo/127.0.0.1/8", "cmdline/eth0/172.20.0.2/24");
    assertThat(config("cmdline/eth0/172.20.0.2/24").scope()).isEqualTo(Scope.GLOBAL);
  }

  @Test
  void anUnparsableCmdlineLeavesTheOtherLayers() {
    h.create(cmdline("ip=999.1.1.1:::::eth0"));
    awaitIds("default/lo/127.0.0.1/8");
  }
}
