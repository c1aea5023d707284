package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.platform.network.FakeRtnetlink;
import dev.spindle.platform.sysfs.FakeSysfs;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.ControllerRuntime;
import dev.spindle.runtime.state.InMemoryState;
import org.junit.jupiter.api.Test;

class NetworkControllersTest {
  @Test
  void theDomainsControllersRegisterTogetherUnderTalosNames() {
    var controllers = NetworkControllers.all(new FakeRtnetlink(), FakeSysfs.simulatedNode());
    assertThat(controllers).extracting(Controller::name).doesNotHaveDuplicates()
        .contains("network.LinkStatusController", "network.AddressStatusController", "network.RouteStatusController",
            "network.DeviceConfigController",
            "network.AddressConfigController", "network.AddressMergeController", "network.AddressSpecController",
            "network.RouteConfigController", "network.RouteMergeController", "network.RouteSpecController",
            "network.ResolverConfigController",
            "network.ResolverMergeController", "network.ResolverSpecController", "network.ResolvConfController",
            "network.TimeServerConfigController", "network.TimeServerMergeController",
            "network.TimeServerSpecController", "network.HostnameConfigController", "network.HostnameMergeController",
            "network.HostnameSpecController", "network.LinkNameStatusController", "network.LinkRenameController",
            "network.LinkConfigController", "network.LinkMergeController", "network.LinkSpecController", "network.OperatorConfigController",
            "network.OperatorMergeController", "network.LinkAliasConfigController",
            "network.LinkAliasSpecController")
        .allMatch(name -> name.startsWith("network."));
    try (var runtime = new ControllerRuntime(new InMemoryState())) {
      controllers.forEach(runtime::register); // refuses conflicting output declarations
      assertThat(runtime.controllers()).hasSameSizeAs(controllers);
    }
  }
}
