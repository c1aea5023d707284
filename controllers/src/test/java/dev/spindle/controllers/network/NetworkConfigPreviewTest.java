package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.MachineConfigs.network;
import static dev.spindle.controllers.network.MachineConfigs.time;
import static dev.spindle.controllers.network.MachineConfigs.v1alpha1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.controllers.config.ConfigPreview;
import dev.spindle.platform.network.FakeRtnetlink;
import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.network.HostnameSpec;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.ResolverSpec;
import dev.spindle.resources.network.TimeServerSpec;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.resource.ResourceChange;
import dev.spindle.runtime.resource.ResourceChange.Action;
import dev.spindle.runtime.state.StateReader;
import dev.spindle.runtime.testing.ControllerHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code apply-config --dry-run} over the network domain: the new config stages take part in a preview. */
class NetworkConfigPreviewTest {
  private final List<Controller> controllers = NetworkControllers.all(new FakeRtnetlink()).stream()
      .filter(c -> !(c instanceof LinkStatusController)).toList();

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(controllers.toArray(Controller[]::new));

  @Test
  void aConfigurationWithResolversTimeServersAndHostnameShowsEveryChange() {
    h.awaitSpec(ResolverSpec.DEFINITION, ResolverSpec.ID, s -> assertThat(s.layer()).isEqualTo(ConfigLayer.DEFAULT));
    h.awaitSpec(TimeServerSpec.DEFINITION, TimeServerSpec.ID, s -> assertThat(s.useNTS()).isTrue());

    var proposed = v1alpha1(network("node1", List.of("10.1.1.1"), null, false), time(List.of("ntp.corp.example")));
    var changes = new ConfigPreview(controllers).changes(new StateReader(h.state()), proposed);

    assertThat(changes).containsExactlyInAnyOrder(
        new ResourceChange(MachineConfig.DEFINITION.pointer(MachineConfig.ID), Action.CREATED),
        new ResourceChange(HostnameSpec.DEFINITION.pointer(HostnameSpec.ID), Action.CREATED),
        new ResourceChange(HostnameSpec.DEFINITION.pointer(Namespaces.NETWORK_CONFIG, "configuration/hostname"),
            Action.CREATED),
        new ResourceChange(ResolverSpec.DEFINITION.pointer(ResolverSpec.ID), Action.UPDATED),
        new ResourceChange(ResolverSpec.DEFINITION.pointer(Namespaces.NETWORK_CONFIG, "configuration/resolvers"),
            Action.CREATED),
        new ResourceChange(TimeServerSpec.DEFINITION.pointer(TimeServerSpec.ID), Action.UPDATED),
        new ResourceChange(TimeServerSpec.DEFINITION.pointer(Namespaces.NETWORK_CONFIG, "configuration/timeservers"),
            Action.CREATED));
  }
}
