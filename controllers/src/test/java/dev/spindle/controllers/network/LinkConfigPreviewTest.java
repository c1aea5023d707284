package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.Devices.interfaces;
import static dev.spindle.controllers.network.MachineConfigs.v1alpha1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.controllers.config.ConfigPreview;
import dev.spindle.platform.network.FakeRtnetlink;
import dev.spindle.resources.network.LinkSpec;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.OperatorSpec;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.resource.ResourceChange;
import dev.spindle.runtime.resource.ResourceChange.Action;
import dev.spindle.runtime.state.StateReader;
import dev.spindle.runtime.testing.ControllerHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code apply-config --dry-run} shows the link and operator specs a configuration would change. */
class LinkConfigPreviewTest {
  private final FakeRtnetlink rtnl = FakeRtnetlink.simulatedNode();
  private final List<Controller> controllers = NetworkControllers.all(rtnl);

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(controllers.toArray(Controller[]::new));

  @Test
  void aVlanAndAnMtuOnEth0ShowAsLinkSpecChanges() {
    h.awaitSpec(LinkSpec.DEFINITION, "eth0", s -> assertThat(s.up()).isTrue());
    h.awaitSpec(LinkSpec.DEFINITION, "lo", s -> assertThat(s.up()).isTrue());

    var proposed = v1alpha1(interfaces("{\"interface\": \"eth0\", \"mtu\": 9000, \"dhcp\": true,"
        + " \"vlans\": [{\"vlanId\": 24}]}"), null);
    var changes = new ConfigPreview(controllers).changes(new StateReader(h.state()), proposed);

    assertThat(changes).contains(
        new ResourceChange(LinkSpec.DEFINITION.pointer(Namespaces.NETWORK_CONFIG, "configuration/eth0"),
            Action.CREATED),
        new ResourceChange(LinkSpec.DEFINITION.pointer(Namespaces.NETWORK_CONFIG, "configuration/eth0.24"),
            Action.CREATED),
        new ResourceChange(LinkSpec.DEFINITION.pointer(Namespaces.NETWORK_CONFIG, "default/eth0"),
            Action.DESTROYED),
        new ResourceChange(LinkSpec.DEFINITION.pointer("eth0"), Action.UPDATED),
        new ResourceChange(LinkSpec.DEFINITION.pointer("eth0.24"), Action.CREATED),
        new ResourceChange(OperatorSpec.DEFINITION.pointer(Namespaces.NETWORK_CONFIG, "configuration/dhcp4/eth0"),
            Action.CREATED));
    assertThat(changes).doesNotContain(new ResourceChange(LinkSpec.DEFINITION.pointer("lo"), Action.UPDATED));
  }
}
