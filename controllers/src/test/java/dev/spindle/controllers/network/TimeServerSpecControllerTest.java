package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.MachineConfigs.cmdline;
import static dev.spindle.controllers.network.MachineConfigs.resource;
import static dev.spindle.controllers.network.MachineConfigs.time;
import static dev.spindle.controllers.network.MachineConfigs.v1alpha1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.config.NetworkSection;
import dev.spindle.resources.network.TimeServerSpec;
import dev.spindle.resources.network.TimeServerStatus;
import dev.spindle.runtime.resource.Phase;
import dev.spindle.runtime.testing.ControllerHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The time server pipeline end to end: configuration and cmdline → layered specs → merged spec → status. */
class TimeServerSpecControllerTest {
  private static final String FINALIZER = "network.TimeServerSpecController";

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new TimeServerConfigController(), TimeServerMerge.controller(),
      new TimeServerSpecController());

  private void awaitMerged(ConfigLayer layer, boolean nts, String... servers) {
    h.awaitResource(TimeServerSpec.DEFINITION, TimeServerSpec.ID, r -> {
      assertThat(r.spec()).isEqualTo(new TimeServerSpec(List.of(servers), nts, layer));
      assertThat(r.metadata().finalizers()).containsExactly(FINALIZER);
    });
    h.awaitSpec(TimeServerStatus.DEFINITION, TimeServerStatus.ID,
        status -> assertThat(status).isEqualTo(new TimeServerStatus(List.of(servers), nts)));
  }

  @Test
  void configurationBeatsCmdlineBeatsDefaultAndRemovingTheConfigFallsBack() {
    awaitMerged(ConfigLayer.DEFAULT, true, "time.cloudflare.com");
    h.create(cmdline(MachineConfigs.TALOS_IP));
    awaitMerged(ConfigLayer.CMDLINE, false, "10.0.0.1");
    h.create(resource(v1alpha1(NetworkSection.EMPTY, time(List.of("za.pool.ntp.org", "pool.ntp.org")))));
    awaitMerged(ConfigLayer.CONFIGURATION, false, "za.pool.ntp.org", "pool.ntp.org");

    h.destroy(MachineConfig.DEFINITION.pointer(MachineConfig.ID));
    awaitMerged(ConfigLayer.CMDLINE, false, "10.0.0.1");
  }

  @Test
  void aTornDownSpecLosesItsStatusAndThenItsFinalizer() {
    var spec = TimeServerSpec.DEFINITION.pointer("other");
    h.create(TimeServerSpec.DEFINITION, "other", new TimeServerSpec(List.of("ntp.example"), false,
        ConfigLayer.PLATFORM));
    h.awaitSpec(TimeServerStatus.DEFINITION, "other",
        status -> assertThat(status.timeServers()).containsExactly("ntp.example"));
    h.state().teardown(spec);
    h.awaitNoResource(TimeServerStatus.DEFINITION.pointer("other"));
    h.awaitResource(spec, TimeServerSpec.DEFINITION, r -> {
      assertThat(r.metadata().phase()).isEqualTo(Phase.TEARING_DOWN);
      assertThat(r.metadata().finalizers()).isEmpty();
    });
  }
}
