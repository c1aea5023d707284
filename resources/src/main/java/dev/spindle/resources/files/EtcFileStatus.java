package dev.spindle.resources.files;

import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;

/**
 * That an {@link EtcFileSpec} is on disk, as Talos's {@code EtcFileStatus}: {@code specVersion} is the version of the
 * spec whose contents the file now holds, so a consumer can wait for a particular write.
 */
public record EtcFileStatus(@ProtoField(1) String specVersion) implements FilesSpec {
  public static final ResourceDefinition<EtcFileStatus> DEFINITION =
      ResourceDefinition.of(EtcFileStatus.class, "EtcFileStatuses.files.talos.dev")
          .defaultNamespace(FilesNamespaces.FILES)
          .build();
}
