package dev.spindle.resources.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilesResourcesTest {
  @Test
  void theCatalogListsExactlyThePermittedSpecs() {
    List<Class<?>> catalogued = FilesResources.ALL.stream().<Class<?>>map(ResourceDefinition::specClass).toList();
    assertThat(catalogued).doesNotHaveDuplicates()
        .containsExactlyInAnyOrder(FilesSpec.class.getPermittedSubclasses());
  }

  @Test
  void anEtcFileSpecPrintsNoContents() {
    assertThat(new EtcFileSpec("secret-token-7\n", 0600).toString())
        .isEqualTo("EtcFileSpec[15 characters, mode=0600]");
  }
}
