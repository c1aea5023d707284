package dev.spindle.resources.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkResourcesTest {
  @Test
  void theCatalogListsExactlyThePermittedSpecs() {
    List<Class<?>> catalogued = NetworkResources.ALL.stream().<Class<?>>map(ResourceDefinition::specClass).toList();
    assertThat(catalogued).doesNotHaveDuplicates()
        .containsExactlyInAnyOrder(NetworkSpec.class.getPermittedSubclasses());
  }

  @Test
  void everyTypeIsATalosOrSpindleNetworkTypeInTheNetworkNamespace() {
    assertThat(NetworkResources.ALL).allSatisfy(d -> {
      // Spindle's own additions (selector and naming status) carry its group so they never pose as Talos types
      assertThat(d.type()).matches(".*\\.net\\.(talos|spindle)\\.dev");
      assertThat(d.defaultNamespace()).isEqualTo(Namespaces.NETWORK);
    });
  }

  @Test
  void deviceConfigSpecsAreSensitiveAsTheyMayHoldWireguardKeys() {
    assertThat(DeviceConfigSpec.DEFINITION.sensitive()).isTrue();
    assertThat(DeviceSelectorStatus.DEFINITION.sensitive()).isFalse();
    assertThat(DeviceConfigSpec.DEFINITION.type()).isEqualTo("DeviceConfigSpecs.net.talos.dev");
  }

  @Test
  void everySpecIsARecordSoTheCodecsCanReadIt() {
    assertThat(Arrays.stream(NetworkSpec.class.getPermittedSubclasses())).allMatch(Class::isRecord);
  }
}
