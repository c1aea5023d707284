package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.MachineConfigs.cmdline;
import static dev.spindle.controllers.network.MachineConfigs.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.config.ConfigValidationException;
import dev.spindle.resources.config.MachineConfigParser;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.TimeServerSpec;
import dev.spindle.runtime.testing.ControllerHarness;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A parsed {@code TimeSyncConfig} through the config and merge stages: an {@code ntp} (or {@code ptp}) section
 * without its list sets no servers, so it adds no configuration layer and the default servers stay, as in Talos
 * (its {@code Servers()} is the nil list then). Regression: such a section used to give an empty list, which won the
 * merge and left the node with no time servers.
 */
class TimeSyncConfigPipelineTest {
  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new TimeServerConfigController(), TimeServerMerge.controller());

  @ParameterizedTest
  @ValueSource(strings = {"ntp: {useNTS: true}", "ntp: {}", "ptp: {}", "enabled: true\nntp:\n  useNTS: false"})
  void aSectionWithoutItsListKeepsTheDefaultServers(String body) throws ConfigValidationException {
    var config = MachineConfigParser.parse("apiVersion: v1alpha1\nkind: TimeSyncConfig\n" + body + "\n", "cfg.yaml");
    h.create(resource(config));
    h.create(cmdline(MachineConfigs.TALOS_IP)); // its layer shows a reconcile that read the configuration too
    h.awaitResource(TimeServerSpec.DEFINITION.pointer(Namespaces.NETWORK_CONFIG,
        ConfigLayer.CMDLINE.id(TimeServerSpec.ID)), TimeServerSpec.DEFINITION, r -> { });
    assertThat(h.state().find(TimeServerSpec.DEFINITION.pointer(Namespaces.NETWORK_CONFIG,
        ConfigLayer.CONFIGURATION.id(TimeServerSpec.ID)))).isEmpty();
    h.awaitResource(TimeServerSpec.DEFINITION.pointer(Namespaces.NETWORK, TimeServerSpec.ID),
        TimeServerSpec.DEFINITION, r -> assertThat(r.spec().timeServers()).containsExactly("10.0.0.1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ntp: {useNTS: true}", "ntp: {}"})
  void withoutTheCmdlineTheFinalServersAreTheDefault(String body) throws ConfigValidationException {
    h.create(resource(MachineConfigParser.parse("apiVersion: v1alpha1\nkind: TimeSyncConfig\n" + body + "\n",
        "cfg.yaml")));
    h.awaitResource(TimeServerSpec.DEFINITION.pointer(Namespaces.NETWORK, TimeServerSpec.ID),
        TimeServerSpec.DEFINITION, r -> assertThat(r.spec()).isEqualTo(
            new TimeServerSpec(List.of(TimeServerConfigController.DEFAULT_SERVER), true, ConfigLayer.DEFAULT)));
    assertThat(h.state().find(TimeServerSpec.DEFINITION.pointer(Namespaces.NETWORK_CONFIG,
        ConfigLayer.CONFIGURATION.id(TimeServerSpec.ID)))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ntp: {servers: []}", "ptp: {devices: []}"})
  void anExplicitEmptyListStillMeansNoServers(String body) throws ConfigValidationException {
    h.create(resource(MachineConfigParser.parse("apiVersion: v1alpha1\nkind: TimeSyncConfig\n" + body + "\n",
        "cfg.yaml")));
    h.awaitResource(TimeServerSpec.DEFINITION.pointer(Namespaces.NETWORK, TimeServerSpec.ID),
        TimeServerSpec.DEFINITION, r -> assertThat(r.spec()).isEqualTo(
            new TimeServerSpec(List.of(), false, ConfigLayer.CONFIGURATION)));
  }
}
