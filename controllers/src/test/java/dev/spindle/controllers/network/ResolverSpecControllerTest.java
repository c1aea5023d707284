package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.MachineConfigs.cmdline;
import static dev.spindle.controllers.network.MachineConfigs.network;
import static dev.spindle.controllers.network.MachineConfigs.resource;
import static dev.spindle.controllers.network.MachineConfigs.v1alpha1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.ResolverSpec;
import dev.spindle.resources.network.ResolverStatus;
import dev.spindle.runtime.resource.Phase;
import dev.spindle.runtime.testing.ControllerHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The resolver pipeline end to end: configuration and cmdline → layered specs → merged spec → status. */
class ResolverSpecControllerTest {
  private static final String FINALIZER = "network.ResolverSpecController";

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new ResolverConfigController(), ResolverMerge.controller(),
      new ResolverSpecController());

  private static List<String> text(List<IpAddr> addrs) {
    return addrs.stream().map(IpAddr::toString).toList();
  }

  private void awaitMerged(ConfigLayer layer, String... servers) {
    h.awaitResource(ResolverSpec.DEFINITION, ResolverSpec.ID, r -> {
      assertThat(r.spec().layer()).isEqualTo(layer);
      assertThat(text(r.spec().dnsServers())).containsExactly(servers);
      assertThat(r.metadata().finalizers()).containsExactly(FINALIZER);
    });
    h.awaitSpec(ResolverStatus.DEFINITION, ResolverStatus.ID,
        status -> assertThat(text(status.dnsServers())).containsExactly(servers));
  }

  @Test
  void theDefaultsReachTheStatusHeldByTheSpecControllersFinalizer() {
    awaitMerged(ConfigLayer.DEFAULT, "1.1.1.1", "8.8.8.8");
    assertThat(h.state().get(ResolverStatus.DEFINITION, ResolverStatus.ID).metadata().owner()).isEqualTo(FINALIZER);
  }

  @Test
  void configurationBeatsCmdlineBeatsDefaultAndRemovingTheConfigFallsBack() {
    h.create(cmdline(MachineConfigs.TALOS_IP));
    awaitMerged(ConfigLayer.CMDLINE, "10.0.0.1", "10.0.0.2");

    h.create(resource(v1alpha1(network("", List.of("2.2.2.2"), List.of("corp.example"), false), null)));
    awaitMerged(ConfigLayer.CONFIGURATION, "2.2.2.2");
    h.awaitSpec(ResolverStatus.DEFINITION, ResolverStatus.ID,
        status -> assertThat(status.searchDomains()).containsExactly("corp.example"));

    h.destroy(MachineConfig.DEFINITION.pointer(MachineConfig.ID));
    awaitMerged(ConfigLayer.CMDLINE, "10.0.0.1", "10.0.0.2");
    h.awaitSpec(ResolverStatus.DEFINITION, ResolverStatus.ID, status -> assertThat(status.searchDomains()).isEmpty());
  }

  @Test
  void aTornDownSpecLosesItsStatusAndThenItsFinalizer() {
    var spec = ResolverSpec.DEFINITION.pointer("other");
    h.create(ResolverSpec.DEFINITION, "other",
        ResolverSpec.of(ConfigLayer.PLATFORM, ResolverMergeTest.servers("9.9.9.9"), List.of()).converted());
    h.awaitSpec(ResolverStatus.DEFINITION, "other",
        status -> assertThat(text(status.dnsServers())).containsExactly("9.9.9.9"));
    h.awaitResource(spec, ResolverSpec.DEFINITION, r -> assertThat(r.metadata().finalizers()).contains(FINALIZER));

    h.state().teardown(spec);
    h.awaitNoResource(ResolverStatus.DEFINITION.pointer("other"));
    h.awaitResource(spec, ResolverSpec.DEFINITION, r -> {
      assertThat(r.metadata().phase()).isEqualTo(Phase.TEARING_DOWN);
      assertThat(r.metadata().finalizers()).isEmpty();
    });
    h.destroy(spec);
  }

  @Test
  void aConfigurationThatComesAndGoesQuicklyEndsInTheRightStatus() {
    var config = resource(v1alpha1(network("", List.of("2.2.2.2"), null, false), null));
    awaitMerged(ConfigLayer.DEFAULT, "1.1.1.1", "8.8.8.8");
    for (int round = 0; round < 20; round++) {
      h.create(config);
      h.destroy(MachineConfig.DEFINITION.pointer(MachineConfig.ID));
    }
    h.create(config);
    awaitMerged(ConfigLayer.CONFIGURATION, "2.2.2.2");
    assertThat(h.state().list(ResolverStatus.DEFINITION)).hasSize(1);
  }
}
