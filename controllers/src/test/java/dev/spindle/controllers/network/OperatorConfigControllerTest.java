package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.Devices.interfaces;
import static dev.spindle.controllers.network.Links.ether;
import static dev.spindle.controllers.network.Links.link;
import static dev.spindle.controllers.network.MachineConfigs.cmdline;
import static dev.spindle.controllers.network.MachineConfigs.documents;
import static dev.spindle.controllers.network.MachineConfigs.resource;
import static dev.spindle.controllers.network.MachineConfigs.v1alpha1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.config.CommonLinkConfig;
import dev.spindle.resources.config.LinkConfig;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.OperatorSpec;
import dev.spindle.runtime.resource.ResourceQuery;
import dev.spindle.runtime.testing.ControllerHarness;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code dhcp: true} and the default DHCP mode recorded as operator specs (no DHCP client runs). */
class OperatorConfigControllerTest {
  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new DeviceConfigController(), new LinkConfigController(),
      new OperatorConfigController(), OperatorMerge.controller());

  private void awaitIds(String... ids) {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(h.state()
        .list(OperatorSpec.DEFINITION.kind(Namespaces.NETWORK_CONFIG), ResourceQuery.ALL).stream()
        .map(r -> r.metadata().id())).containsExactlyInAnyOrder(ids));
  }

  @Test
  void dhcpEntriesVlansAndTheCmdlineGetDhcpOperators() {
    h.create(link("eth0", ether()));
    h.create(link("eth1", ether()));
    h.create(link("eth2", ether()));
    h.create(cmdline("ip=eth2:dhcp"));
    h.create(resource(v1alpha1(interfaces(
        "{\"interface\": \"eth0\", \"dhcp\": true, \"dhcpOptions\": {\"routeMetric\": 100, \"ipv6\": true},"
            + " \"vlans\": [{\"vlanId\": 5, \"dhcp\": true}]}",
        "{\"interface\": \"eth1\", \"dhcp\": true, \"dhcpOptions\": {\"ipv4\": false}}"), null)));
    awaitIds("configuration/dhcp4/eth0", "configuration/dhcp6/eth0", "configuration/dhcp4/eth0.5",
        "cmdline/dhcp4/eth2");
    h.awaitSpec(OperatorSpec.DEFINITION, "dhcp4/eth0",
        s -> assertThat(s).isEqualTo(OperatorSpec.dhcp4("eth0", 100, ConfigLayer.CONFIGURATION)));
    h.awaitSpec(OperatorSpec.DEFINITION, "dhcp6/eth0", s -> assertThat(s.dhcp6().routeMetric()).isEqualTo(100));
    h.awaitSpec(OperatorSpec.DEFINITION, "dhcp4/eth0.5",
        s -> assertThat(s.dhcp4().routeMetric()).isEqualTo(OperatorSpec.DEFAULT_ROUTE_METRIC));
  }

  @Test
  void unconfiguredPhysicalLinksGetADefaultDhcp4UntilALinkDocumentArrives() {
    h.create(link("eth0", ether()));
    h.create(link("eth1", ether()));
    h.create(link("br0", ether().kind("bridge")));
    h.create(cmdline("talos.network.interface.ignore=eth1"));
    awaitIds("default/dhcp4/eth0");
    h.awaitSpec(OperatorSpec.DEFINITION, "dhcp4/eth0", s -> {
      assertThat(s.layer()).isEqualTo(ConfigLayer.DEFAULT);
      assertThat(s.requireUp()).isTrue();
    });

    h.create(resource(documents(new LinkConfig("eth0", CommonLinkConfig.EMPTY))));
    awaitIds();
    h.awaitNoResource(OperatorSpec.DEFINITION.pointer("dhcp4/eth0"));
  }
}
