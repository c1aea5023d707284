package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.MachineConfigs.cmdline;
import static dev.spindle.controllers.network.MachineConfigs.documents;
import static dev.spindle.controllers.network.MachineConfigs.network;
import static dev.spindle.controllers.network.MachineConfigs.resource;
import static dev.spindle.controllers.network.MachineConfigs.v1alpha1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.config.AutoHostname;
import dev.spindle.resources.config.HostnameConfig;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.network.HostnameSpec;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.runtime.KernelCmdline;
import dev.spindle.runtime.resource.ResourceQuery;
import dev.spindle.runtime.resource.ResourcePointer;
import dev.spindle.runtime.testing.ControllerHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Talos's {@code hostname_config_test.go} cases that need no NodeAddress or node identity. */
class HostnameConfigControllerTest {
  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new HostnameConfigController());

  private static ResourcePointer layered(ConfigLayer layer) {
    return HostnameSpec.DEFINITION.pointer(Namespaces.NETWORK_CONFIG, layer.id(HostnameSpec.ID));
  }

  private void await(ConfigLayer layer, HostnameSpec expected) {
    h.awaitResource(layered(layer), HostnameSpec.DEFINITION, r -> assertThat(r.spec()).isEqualTo(expected));
  }

  private static MachineConfig legacy(String hostname) {
    return v1alpha1(network(hostname, List.of(), null, false), null);
  }

  @Test
  void theCmdlineIpHostnameIsSplitIntoHostAndDomain() {
    h.create(cmdline("ip=172.20.0.2:172.21.0.1:172.20.0.1:255.255.255.0:master1.domain.tld:eth1::10.0.0.1"));
    await(ConfigLayer.CMDLINE, new HostnameSpec("master1", "domain.tld", ConfigLayer.CMDLINE));
  }

  @Test
  void talosHostnameBeatsTheIpField() {
    h.create(cmdline("ip=::::master1:eth1 talos.hostname=master2"));
    await(ConfigLayer.CMDLINE, new HostnameSpec("master2", "", ConfigLayer.CMDLINE));
  }

  @Test
  void theLegacyHostnameIsTheConfigurationLayerAndAnInvalidOneIsDropped() {
    h.create(resource(legacy("foo")));
    await(ConfigLayer.CONFIGURATION, new HostnameSpec("foo", "", ConfigLayer.CONFIGURATION));

    h.updateSpec(MachineConfig.DEFINITION, MachineConfig.ID, legacy("a".repeat(128)));
    h.awaitNoResource(layered(ConfigLayer.CONFIGURATION));
    h.updateSpec(MachineConfig.DEFINITION, MachineConfig.ID, legacy("bar.example.com"));
    await(ConfigLayer.CONFIGURATION, new HostnameSpec("bar", "example.com", ConfigLayer.CONFIGURATION));
  }

  @Test
  void aHostnameConfigDocumentTakesPrecedenceAndAutoOffAddsNoDefault() {
    var both = new MachineConfig("# both", legacy("legacy").v1alpha1Document(),
        List.of(new HostnameConfig("my-hostname", AutoHostname.OFF)));
    h.create(resource(both));
    await(ConfigLayer.CONFIGURATION, new HostnameSpec("my-hostname", "", ConfigLayer.CONFIGURATION));
    assertThat(h.state().list(HostnameSpec.DEFINITION.kind(Namespaces.NETWORK_CONFIG), ResourceQuery.ALL)).hasSize(1);
  }

  @Test
  void anInvalidCmdlineHostnameIsIgnored() {
    h.create(cmdline("talos.hostname=" + "x".repeat(64)));
    h.create(resource(documents(new HostnameConfig("cfg", null))));
    await(ConfigLayer.CONFIGURATION, new HostnameSpec("cfg", "", ConfigLayer.CONFIGURATION));
    assertThat(h.state().find(layered(ConfigLayer.CMDLINE))).isEmpty();
    h.updateSpec(KernelCmdline.DEFINITION, KernelCmdline.ID, new KernelCmdline("talos.hostname=ok"));
    await(ConfigLayer.CMDLINE, new HostnameSpec("ok", "", ConfigLayer.CMDLINE));
  }

  @Test
  void anEmptyConfiguredHostnameAddsNoLayer() {
    h.create(resource(legacy("")));
    h.create(cmdline("talos.hostname=probe")); // its layer shows a reconcile that read the configuration too
    await(ConfigLayer.CMDLINE, new HostnameSpec("probe", "", ConfigLayer.CMDLINE));
    assertThat(h.state().list(HostnameSpec.DEFINITION.kind(Namespaces.NETWORK_CONFIG), ResourceQuery.ALL)).hasSize(1);
  }
}
