package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.MachineConfigs.cmdline;
import static dev.spindle.controllers.network.MachineConfigs.documents;
import static dev.spindle.controllers.network.MachineConfigs.resource;
import static dev.spindle.controllers.network.MachineConfigs.time;
import static dev.spindle.controllers.network.MachineConfigs.v1alpha1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.config.NetworkSection;
import dev.spindle.resources.config.TimeSyncConfig;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.TimeServerSpec;
import dev.spindle.runtime.resource.ResourceQuery;
import dev.spindle.runtime.resource.ResourcePointer;
import dev.spindle.runtime.testing.ControllerHarness;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Talos's {@code timeserver_config_test.go} cases. */
class TimeServerConfigControllerTest {
  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new TimeServerConfigController());

  private static ResourcePointer layered(ConfigLayer layer) {
    return TimeServerSpec.DEFINITION.pointer(Namespaces.NETWORK_CONFIG, layer.id(TimeServerSpec.ID));
  }

  private void await(ConfigLayer layer, TimeServerSpec expected) {
    h.awaitResource(layered(layer), TimeServerSpec.DEFINITION, r -> assertThat(r.spec()).isEqualTo(expected));
  }

  @Test
  void withoutConfigurationTheDefaultIsCloudflareWithNts() {
    await(ConfigLayer.DEFAULT, new TimeServerSpec(List.of("time.cloudflare.com"), true, ConfigLayer.DEFAULT));
    assertThat(h.state().list(TimeServerSpec.DEFINITION.kind(Namespaces.NETWORK_CONFIG), ResourceQuery.ALL)).hasSize(1);
  }

  @Test
  void theCmdlineNtpFieldIsTheCmdlineLayer() {
    h.create(cmdline(MachineConfigs.TALOS_IP));
    await(ConfigLayer.CMDLINE, new TimeServerSpec(List.of("10.0.0.1"), false, ConfigLayer.CMDLINE));
  }

  @Test
  void legacyTimeServersAreTheConfigurationLayerWithoutNts() {
    h.create(resource(v1alpha1(NetworkSection.EMPTY, time(List.of("za.pool.ntp.org", "pool.ntp.org")))));
    await(ConfigLayer.CONFIGURATION,
        new TimeServerSpec(List.of("za.pool.ntp.org", "pool.ntp.org"), false, ConfigLayer.CONFIGURATION));

    h.updateSpec(MachineConfig.DEFINITION, MachineConfig.ID, v1alpha1(NetworkSection.EMPTY, null));
    h.awaitNoResource(layered(ConfigLayer.CONFIGURATION));
  }

  @Test
  void aTimeSyncConfigDocumentCarriesNts() {
    h.create(resource(documents(new TimeSyncConfig(true, Duration.ZERO, List.of("za.pool.ntp.org", "pool.ntp.org"),
        true, null))));
    await(ConfigLayer.CONFIGURATION,
        new TimeServerSpec(List.of("za.pool.ntp.org", "pool.ntp.org"), true, ConfigLayer.CONFIGURATION));
  }

  @Test
  void aTimeSectionWithoutServersAddsNoLayerButAnEmptyListDoes() {
    h.create(resource(v1alpha1(NetworkSection.EMPTY, time(null))));
    h.create(cmdline(MachineConfigs.TALOS_IP)); // its layer shows a reconcile that read the configuration too
    await(ConfigLayer.CMDLINE, new TimeServerSpec(List.of("10.0.0.1"), false, ConfigLayer.CMDLINE));
    assertThat(h.state().find(layered(ConfigLayer.CONFIGURATION))).isEmpty();

    h.updateSpec(MachineConfig.DEFINITION, MachineConfig.ID, v1alpha1(NetworkSection.EMPTY, time(List.of())));
    await(ConfigLayer.CONFIGURATION, new TimeServerSpec(List.of(), false, ConfigLayer.CONFIGURATION));
  }

  @Test
  void ptpDevicesStandInForServers() {
    h.create(resource(documents(new TimeSyncConfig(true, Duration.ZERO, null, false, List.of("/dev/ptp0")))));
    await(ConfigLayer.CONFIGURATION, new TimeServerSpec(List.of("/dev/ptp0"), false, ConfigLayer.CONFIGURATION));
  }
}
