package dev.spindle.resources.files;

import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.Objects;

/**
 * A file the node wants under {@code /etc}, as Talos's {@code EtcFileSpec}: the id is the path relative to
 * {@code /etc} ({@code resolv.conf}, {@code ssl/certs/ca-certificates.crt}), {@code contents} the whole file and
 * {@code mode} its permission bits. Renderers (resolvers, trusted roots) write these; one spec controller puts them on
 * disk atomically, so no renderer touches the file system.
 */
public record EtcFileSpec(@ProtoField(1) String contents, @ProtoField(2) int mode) implements FilesSpec {
  public static final ResourceDefinition<EtcFileSpec> DEFINITION =
      ResourceDefinition.of(EtcFileSpec.class, "EtcFileSpecs.files.talos.dev")
          .defaultNamespace(FilesNamespaces.FILES)
          .build();

  public EtcFileSpec {
    Objects.requireNonNull(contents, "contents");
  }

  /** Without the contents, for logs. */
  @Override
  public String toString() {
    return "EtcFileSpec[" + contents.length() + " characters, mode=0" + Integer.toOctalString(mode) + "]";
  }
}
