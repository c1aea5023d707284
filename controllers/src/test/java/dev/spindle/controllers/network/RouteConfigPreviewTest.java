package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.Devices.interfaces;
import static dev.spindle.controllers.network.MachineConfigs.resource;
import static dev.spindle.controllers.network.MachineConfigs.v1alpha1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.controllers.config.ConfigPreview;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.RouteSpec;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.resource.ResourceChange;
import dev.spindle.runtime.resource.ResourceChange.Action;
import dev.spindle.runtime.state.StateReader;
import dev.spindle.runtime.testing.ControllerHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code apply-config --dry-run} shows the routes a proposed {@code machine.network.interfaces[]} changes. */
class RouteConfigPreviewTest {
  private final List<Controller> controllers = List.of(new DeviceConfigController(), new RouteConfigController(),
      RouteMerge.controller());

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(controllers.toArray(Controller[]::new));

  @Test
  void aChangedRouteShowsInTheDryRunAndNothingIsApplied() {
    h.create(resource(v1alpha1(interfaces("""
        {"interface": "eth0", "routes": [{"network": "10.7.0.0/16", "gateway": "10.0.0.1"}]}"""), null)));
    h.awaitResource(RouteSpec.DEFINITION, "inet4/10.0.0.1/10.7.0.0/16/1024", r -> { });

    var proposed = v1alpha1(interfaces("""
        {"interface": "eth0", "routes": [{"network": "10.7.0.0/16", "gateway": "10.0.0.2"}]}"""), null);
    var changes = new ConfigPreview(controllers).changes(new StateReader(h.state()), proposed);

    assertThat(changes).containsExactlyInAnyOrder(
        new ResourceChange(MachineConfig.DEFINITION.pointer(MachineConfig.ID), Action.UPDATED),
        new ResourceChange(RouteSpec.DEFINITION.pointer("inet4/10.0.0.1/10.7.0.0/16/1024"), Action.DESTROYED),
        new ResourceChange(RouteSpec.DEFINITION.pointer("inet4/10.0.0.2/10.7.0.0/16/1024"), Action.CREATED),
        new ResourceChange(RouteSpec.DEFINITION.pointer(Namespaces.NETWORK_CONFIG,
            "configuration/inet4/10.0.0.1/10.7.0.0/16/1024"), Action.DESTROYED),
        new ResourceChange(RouteSpec.DEFINITION.pointer(Namespaces.NETWORK_CONFIG,
            "configuration/inet4/10.0.0.2/10.7.0.0/16/1024"), Action.CREATED));
    assertThat(h.state().find(RouteSpec.DEFINITION.pointer("inet4/10.0.0.1/10.7.0.0/16/1024"))).isPresent();
    assertThat(h.state().find(RouteSpec.DEFINITION.pointer("inet4/10.0.0.2/10.7.0.0/16/1024"))).isEmpty();
  }
}
