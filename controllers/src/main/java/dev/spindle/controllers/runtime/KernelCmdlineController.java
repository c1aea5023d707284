package dev.spindle.controllers.runtime;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;

import dev.spindle.platform.runtime.CmdlineSource;
import dev.spindle.resources.runtime.KernelCmdline;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.Declaration;
import dev.spindle.runtime.controller.Output;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.controller.Result;
import dev.spindle.runtime.resource.Resource;
import java.io.IOException;
import java.util.Objects;

/**
 * Publishes the kernel command line as {@link KernelCmdline} ({@code runtime}, id {@code cmdline}), as Talos's
 * {@code runtime.KernelCmdlineController}: read once at start, since it cannot change while the node runs. It has no
 * inputs, so the runtime reconciles it once, and again only while a read keeps failing (with backoff).
 */
public final class KernelCmdlineController implements Controller {
  private final CmdlineSource source;

  public KernelCmdlineController(CmdlineSource source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  @Override
  public Declaration declare() {
    return Declaration.of(inputs(), outputs(Output.exclusive(KernelCmdline.DEFINITION)));
  }

  @Override
  public Result reconcile(ReconcileContext ctx) throws IOException {
    ctx.put(Resource.of(KernelCmdline.DEFINITION, KernelCmdline.ID, new KernelCmdline(source.read())));
    return Result.done();
  }
}
