package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.Devices.interfaces;
import static dev.spindle.controllers.network.MachineConfigs.resource;
import static dev.spindle.controllers.network.MachineConfigs.v1alpha1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.controllers.config.ConfigPreview;
import dev.spindle.runtime.resource.ResourceChange;
import dev.spindle.runtime.resource.ResourceChange.Action;
import dev.spindle.runtime.state.StateReader;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.network.AddressSpec;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.testing.ControllerHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code apply-config --dry-run} shows the addresses a proposed {@code machine.network.interfaces[]} changes. */
class AddressConfigPreviewTest {
  private final List<Controller> controllers = List.of(new DeviceConfigController(), new AddressConfigController(),
      AddressMerge.controller());

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(controllers.toArray(Controller[]::new));

  @Test
  void aChangedInterfaceAddressShowsInTheDryRunAndNothingIsApplied() {
    h.create(resource(v1alpha1(interfaces("""
        {"interface": "eth0", "addresses": ["10.0.0.5/24"]}"""), null)));
    h.awaitResource(AddressSpec.DEFINITION, "eth0/10.0.0.5/24", r -> { });

    var proposed = v1alpha1(interfaces("""
        {"interface": "eth0", "addresses": ["10.0.0.6/24"]}"""), null);
    var changes = new ConfigPreview(controllers).changes(new StateReader(h.state()), proposed);

    assertThat(changes).containsExactlyInAnyOrder(
        new ResourceChange(MachineConfig.DEFINITION.pointer(MachineConfig.ID), Action.UPDATED),
        new ResourceChange(AddressSpec.DEFINITION.pointer("eth0/10.0.0.5/24"), Action.DESTROYED),
        new ResourceChange(AddressSpec.DEFINITION.pointer("eth0/10.0.0.6/24"), Action.CREATED),
        new ResourceChange(AddressSpec.DEFINITION.pointer(Namespaces.NETWORK_CONFIG,
            "configuration/eth0/10.0.0.5/24"), Action.DESTROYED),
        new ResourceChange(AddressSpec.DEFINITION.pointer(Namespaces.NETWORK_CONFIG,
            "configuration/eth0/10.0.0.6/24"), Action.CREATED));
    assertThat(h.state().find(AddressSpec.DEFINITION.pointer("eth0/10.0.0.5/24"))).isPresent();
    assertThat(h.state().find(AddressSpec.DEFINITION.pointer("eth0/10.0.0.6/24"))).isEmpty();
  }
}
