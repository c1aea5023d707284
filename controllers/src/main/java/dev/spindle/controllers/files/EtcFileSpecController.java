package dev.spindle.controllers.files;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;

import dev.spindle.platform.files.IoErrors;
import dev.spindle.platform.files.NodeFiles;
import dev.spindle.platform.files.NodePaths;
import dev.spindle.resources.files.EtcFileSpec;
import dev.spindle.resources.files.EtcFileStatus;
import dev.spindle.resources.files.FilesNamespaces;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.Declaration;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.controller.Output;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.controller.Result;
import dev.spindle.runtime.resource.Phase;
import dev.spindle.runtime.resource.Resource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Puts every {@link EtcFileSpec} on disk at {@code /etc/<id>} below the node's root, atomically and with its mode, and
 * reports it with an {@link EtcFileStatus} whose {@code specVersion} is the version of the spec written, as Talos's
 * {@code files.EtcFileController}. The spec is a strong input: the controller holds it with its finalizer, and when
 * the spec is torn down it undoes the file before letting go.
 *
 * <p>Talos writes a shadow copy and bind-mounts it over its read-only {@code /etc}, so undoing is an unmount that
 * reveals the original. Spindle writes in place (on Linux the host's {@code /etc} is writable and not Spindle's), so
 * it keeps the original under {@code /var/lib/spindle/files/etc} ({@link ManagedFiles}) and puts it back, or removes
 * the file if there was none. A file that fails does not hold up the others; the reconcile then fails with every
 * error and is retried.
 */
public final class EtcFileSpecController implements Controller {
  static final String ORIGINALS = "/var/lib/spindle/files/etc";

  private final ManagedFiles managed;

  public EtcFileSpecController(NodeFiles files) {
    this.managed = new ManagedFiles(Objects.requireNonNull(files, "files"), ORIGINALS);
  }

  @Override
  public Declaration declare() {
    return Declaration.of(inputs(Input.strong(EtcFileSpec.DEFINITION, FilesNamespaces.FILES)),
        outputs(Output.exclusive(EtcFileStatus.DEFINITION).cleanupUntouched(FilesNamespaces.FILES)));
  }

  @Override
  public Result reconcile(ReconcileContext ctx) throws IOException {
    var errors = new ArrayList<String>();
    for (Resource<EtcFileSpec> spec : ctx.list(EtcFileSpec.DEFINITION)) {
      try {
        if (spec.metadata().phase() == Phase.TEARING_DOWN) {
          managed.restore(path(spec.id()));
          ctx.removeFinalizers(spec.pointer(), name());
        } else {
          write(ctx, spec);
        }
      } catch (IOException e) {
        errors.add("/etc/" + spec.id() + ": " + IoErrors.reason(e));
      }
    }
    if (!errors.isEmpty()) {
      throw new IOException("writing /etc files: " + String.join("; ", errors));
    }
    return Result.done();
  }

  private void write(ReconcileContext ctx, Resource<EtcFileSpec> spec) throws IOException {
    String path = path(spec.id());
    Resource<EtcFileSpec> held = spec;
    if (!spec.metadata().finalizers().contains(name())) {
      ctx.addFinalizers(spec.pointer(), name());
      // adding the finalizer is an update: the status names the version that holds it, the one written now
      held = ctx.find(EtcFileSpec.DEFINITION, spec.id()).orElse(null);
      if (held == null || held.metadata().phase() != Phase.RUNNING) {
        return;
      }
    }
    managed.write(path, held.spec().contents().getBytes(StandardCharsets.UTF_8), held.spec().mode());
    ctx.put(Resource.of(EtcFileStatus.DEFINITION, FilesNamespaces.FILES, held.id(),
        new EtcFileStatus(String.valueOf(held.version()))));
  }

  /** {@code /etc/<id>}; an id that would leave {@code /etc} is refused before anything is written. */
  static String path(String id) throws IOException {
    String path = NodePaths.normalize("/etc/" + id);
    if (!NodePaths.isUnder(path, "/etc") || path.equals("/etc")) {
      throw new IOException("EtcFileSpec id \"" + id + "\" is not a file below /etc");
    }
    return path;
  }
}
