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
  void everyTypeIsATalosNetworkTypeInTheNetworkNamespace() {
    assertThat(NetworkResources.ALL).allSatisfy(d -> {
      assertThat(d.type()).endsWith(".net.talos.dev");
      assertThat(d.defaultNamespace()).isEqualTo(Namespaces.NETWORK);
    });
  }

  @Test
  void everySpecIsARecordSoTheCodecsCanReadIt() {
    assertThat(Arrays.stream(NetworkSpec.class.getPermittedSubclasses())).allMatch(Class::isRecord);
  }
}
