package dev.spindle.resources.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeResourcesTest {
  @Test
  void theCatalogListsExactlyThePermittedSpecs() {
    List<Class<?>> catalogued = RuntimeResources.ALL.stream().<Class<?>>map(ResourceDefinition::specClass).toList();
    assertThat(catalogued).doesNotHaveDuplicates()
        .containsExactlyInAnyOrder(RuntimeSpec.class.getPermittedSubclasses());
  }

  @Test
  void theEnvironmentIsForAdminsOnlyAsProxyUrlsMayHoldPasswords() {
    assertThat(Environment.DEFINITION.sensitive()).isTrue();
    assertThat(EnvironmentSpec.DEFINITION.sensitive()).isTrue();
    assertThat(OutboundHttpStatus.DEFINITION.sensitive()).isFalse();
  }

  @Test
  void kernelCmdlineIsTrimmed() {
    assertThat(new KernelCmdline("  talos.hostname=a  \n").cmdline()).isEqualTo("talos.hostname=a");
  }
}
