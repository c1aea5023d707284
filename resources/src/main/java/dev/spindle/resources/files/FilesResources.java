package dev.spindle.resources.files;

import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.List;

/** Every resource definition of the files domain. */
public final class FilesResources {
  public static final List<ResourceDefinition<? extends FilesSpec>> ALL =
      List.of(EtcFileSpec.DEFINITION, EtcFileStatus.DEFINITION, MachineFileStatus.DEFINITION);

  private FilesResources() {}
}
