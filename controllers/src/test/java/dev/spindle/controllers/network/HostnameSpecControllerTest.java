package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.MachineConfigs.cmdline;
import static dev.spindle.controllers.network.MachineConfigs.network;
import static dev.spindle.controllers.network.MachineConfigs.resource;
import static dev.spindle.controllers.network.MachineConfigs.v1alpha1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.network.HostnameSpec;
import dev.spindle.resources.network.HostnameStatus;
import dev.spindle.resources.network.ResolverSpec;
import dev.spindle.resources.runtime.KernelCmdline;
import dev.spindle.runtime.testing.ControllerHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The host name pipeline end to end, and its feedback into the resolvers: the node's domain becomes the default
 * search domain.
 */
class HostnameSpecControllerTest {
  private static final String FINALIZER = "network.HostnameSpecController";

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new HostnameConfigController(), HostnameMerge.controller(),
      new HostnameSpecController(), new ResolverConfigController(), ResolverMerge.controller());

  private void awaitMerged(HostnameSpec expected) {
    h.awaitResource(HostnameSpec.DEFINITION, HostnameSpec.ID, r -> {
      assertThat(r.spec()).isEqualTo(expected);
      assertThat(r.metadata().finalizers()).containsExactly(FINALIZER);
    });
    h.awaitSpec(HostnameStatus.DEFINITION, HostnameStatus.ID, status -> assertThat(status)
        .isEqualTo(new HostnameStatus(expected.hostname(), expected.domainname())));
  }

  @Test
  void configurationBeatsCmdlineAndRemovingEverythingRemovesTheStatus() {
    h.create(cmdline("talos.hostname=from-cmdline.lab"));
    awaitMerged(new HostnameSpec("from-cmdline", "lab", ConfigLayer.CMDLINE));

    h.create(resource(v1alpha1(network("node1.corp.example", List.of(), null, false), null)));
    awaitMerged(new HostnameSpec("node1", "corp.example", ConfigLayer.CONFIGURATION));
    // the domain feeds the default search domain once a configuration exists
    h.awaitSpec(ResolverSpec.DEFINITION, ResolverSpec.ID,
        spec -> assertThat(spec.searchDomains()).containsExactly("corp.example"));

    h.destroy(MachineConfig.DEFINITION.pointer(MachineConfig.ID));
    awaitMerged(new HostnameSpec("from-cmdline", "lab", ConfigLayer.CMDLINE));
    h.awaitSpec(ResolverSpec.DEFINITION, ResolverSpec.ID, spec -> assertThat(spec.searchDomains()).isEmpty());

    h.updateSpec(KernelCmdline.DEFINITION, KernelCmdline.ID, new KernelCmdline(""));
    h.awaitNoResource(HostnameSpec.DEFINITION.pointer(HostnameSpec.ID));
    h.awaitNoResource(HostnameStatus.DEFINITION.pointer(HostnameStatus.ID));
  }
}
