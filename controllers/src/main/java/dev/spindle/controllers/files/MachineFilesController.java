package dev.spindle.controllers.files;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;

import dev.spindle.controllers.config.ConfigSources;
import dev.spindle.platform.files.IoErrors;
import dev.spindle.platform.files.NodeFiles;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.config.MachineFile;
import dev.spindle.resources.files.EtcFileSpec;
import dev.spindle.resources.files.FilesNamespaces;
import dev.spindle.resources.files.MachineFileState;
import dev.spindle.resources.files.MachineFileStatus;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.Declaration;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.controller.Output;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.controller.Result;
import dev.spindle.runtime.resource.Resource;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Applies {@code machine.files} below the node's root (Talos's boot task {@code WriteUserFiles}, here run whenever
 * the configuration changes) and reports each path as a {@link MachineFileStatus}.
 *
 * <p>The whole list is planned and checked first ({@link MachineFilesPlan}); if any entry is invalid nothing is
 * written or restored, every entry's status says why ({@code invalid}, or {@code refused} for the good ones held
 * back), and the controller looks again after a while ({@value #RECHECK_SECONDS} s by default), since a missing file may appear. A valid
 * list is written path by path with atomic replaces, each path's original kept first ({@link ManagedFiles}), so appends
 * never pile up across restarts; paths no longer configured get their originals back. Without a machine
 * configuration resource (not loaded yet) the controller changes nothing, so a restart does not flap the files. A write that fails is
 * {@code failed} in its status and fails the reconcile, which the runtime retries.
 */
public final class MachineFilesController implements Controller {
  static final String ORIGINALS = "/var/lib/spindle/files/machine";
  static final long RECHECK_SECONDS = 30;

  private final ManagedFiles managed;
  private final Duration recheck;
  private List<String> lastInvalid = List.of();

  public MachineFilesController(NodeFiles files) {
    this(files, Duration.ofSeconds(RECHECK_SECONDS));
  }

  /** @param recheck how long an invalid list waits before it is checked again without a configuration change */
  public MachineFilesController(NodeFiles files, Duration recheck) {
    this.managed = new ManagedFiles(Objects.requireNonNull(files, "files"), ORIGINALS);
    this.recheck = Objects.requireNonNull(recheck, "recheck");
  }

  @Override
  public Declaration declare() {
    return Declaration.of(inputs(ConfigSources.MACHINE_CONFIG, Input.weak(EtcFileSpec.DEFINITION, FilesNamespaces.FILES)),
        outputs(Output.exclusive(MachineFileStatus.DEFINITION).cleanupUntouched(FilesNamespaces.FILES)));
  }

  @Override
  public Result reconcile(ReconcileContext ctx) throws IOException {
    Optional<MachineConfig> config = ConfigSources.machineConfig(ctx);
    if (config.isEmpty()) {
      // no configuration yet (a restart before it is loaded) is not one without files: leave the disk alone
      return Result.done();
    }
    List<MachineFile> entries = config.get().v1alpha1().map(v1 -> v1.machine().files()).orElse(List.of());
    Set<String> etcFiles = new HashSet<>();
    ctx.list(EtcFileSpec.DEFINITION).forEach(r -> etcFiles.add("/etc/" + r.id()));
    MachineFilesPlan.Plan plan = MachineFilesPlan.plan(entries, etcFiles, managed::originalOrCurrent);

    if (!plan.valid()) {
      refuse(ctx, plan);
      return Result.requeueAfter(recheck);
    }
    lastInvalid = List.of();
    var failures = new ArrayList<String>();
    var wanted = new HashSet<String>();
    for (MachineFilesPlan.PathPlan p : plan.paths()) {
      wanted.add(p.path());
      try {
        managed.write(p.path(), p.contents(), p.mode());
        status(ctx, p, MachineFileState.APPLIED, "");
      } catch (IOException e) {
        failures.add(p.path() + ": " + IoErrors.reason(e));
        status(ctx, p, MachineFileState.FAILED, IoErrors.reason(e));
      }
    }
    for (String path : managed.paths()) {
      if (!wanted.contains(path)) {
        try {
          managed.restore(path);
        } catch (IOException e) {
          failures.add("restoring " + path + ": " + IoErrors.reason(e));
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new IOException("applying machine.files: " + String.join("; ", failures));
    }
    return Result.done();
  }

  private void refuse(ReconcileContext ctx, MachineFilesPlan.Plan plan) {
    List<String> invalid = plan.invalidEntries();
    String heldBack = "not applied: machine.files has invalid entries (" + String.join(", ", invalid) + ")";
    var errors = new ArrayList<String>();
    for (MachineFilesPlan.PathPlan p : plan.paths()) {
      if (p.valid()) {
        status(ctx, p, MachineFileState.REFUSED, heldBack);
      } else {
        status(ctx, p, MachineFileState.INVALID, String.join("; ", p.errors()));
        errors.addAll(p.errors());
      }
    }
    if (!errors.equals(lastInvalid)) {
      ctx.logger().warn("not applying machine.files, nothing changed: {}", String.join("; ", errors));
      lastInvalid = List.copyOf(errors);
    }
  }

  private static void status(ReconcileContext ctx, MachineFilesPlan.PathPlan p, MachineFileState state,
      String error) {
    ctx.put(Resource.of(MachineFileStatus.DEFINITION, FilesNamespaces.FILES, p.path(),
        new MachineFileStatus(p.path(), p.ops(), p.mode(), state, error)));
  }
}
