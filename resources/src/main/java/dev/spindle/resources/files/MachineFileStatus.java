package dev.spindle.resources.files;

import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.List;
import java.util.Objects;

/**
 * What became of the {@code machine.files} entries for one path ({@code MachineFileStatuses.files.talos.dev}, id the
 * path). Spindle's own type: Talos applies these entries in a boot task whose errors only reach the console, while
 * Spindle applies them whenever the configuration changes and shows the outcome with {@code spindlectl get}.
 *
 * <p>{@code ops} lists the entries' operations in configuration order (several entries for one path apply in turn);
 * {@code mode} is the mode written; {@code error} says why the state is not {@code applied}.
 */
public record MachineFileStatus(
    @ProtoField(1) String path,
    @ProtoField(2) List<String> ops,
    @ProtoField(3) int mode,
    @ProtoField(4) MachineFileState state,
    @ProtoField(5) @OmitEmpty String error) implements FilesSpec {
  public static final ResourceDefinition<MachineFileStatus> DEFINITION =
      ResourceDefinition.of(MachineFileStatus.class, "MachineFileStatuses.files.talos.dev")
          .defaultNamespace(FilesNamespaces.FILES)
          .alias("machinefile", "machinefiles")
          .column("Ops", "ops")
          .column("State", "state")
          .column("Error", "error")
          .build();

  public MachineFileStatus {
    Objects.requireNonNull(path, "path");
    ops = List.copyOf(ops);
    Objects.requireNonNull(state, "state");
    error = error == null ? "" : error;
  }
}
