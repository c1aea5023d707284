package dev.spindle.controllers.network;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;

import dev.spindle.resources.network.Namespaces;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.Declaration;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.controller.Output;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.controller.Result;
import dev.spindle.runtime.resource.Phase;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.Objects;

/**
 * The spec stage of an object whose "apply" is publishing a status (Talos's resolver, time server and host name spec
 * controllers): each running final spec in {@code network} gets a status of the same id, and the spec is held with
 * this controller's finalizer while that status exists. When the spec tears down (the merge no longer produces it),
 * the status is destroyed first and the finalizer released after, so a reader never sees a status whose spec is
 * already gone, and the merge controller re-creates a spec wanted again only once the old one is released.
 *
 * @param <S> the spec record
 * @param <T> the status record
 */
abstract class SpecStatusController<S, T> implements Controller {
  private final ResourceDefinition<S> specs;
  private final ResourceDefinition<T> statuses;

  SpecStatusController(ResourceDefinition<S> specs, ResourceDefinition<T> statuses) {
    this.specs = Objects.requireNonNull(specs, "specs");
    this.statuses = Objects.requireNonNull(statuses, "statuses");
  }

  /** The status for a spec; a pure copy, in Talos's controllers. */
  protected abstract T status(S spec);

  /** Called after a status was created or changed, on the controller's thread (e.g. to log it). */
  protected void changed(ReconcileContext ctx, T status) {}

  @Override
  public final Declaration declare() {
    // destroy-ready: a status a consumer still holds wakes this controller when it is released
    return Declaration.of(
        inputs(Input.strong(specs, Namespaces.NETWORK), Input.destroyReady(statuses, Namespaces.NETWORK)),
        outputs(Output.exclusive(statuses)));
  }

  @Override
  public final Result reconcile(ReconcileContext ctx) {
    for (Resource<S> spec : ctx.list(specs)) {
      var status = statuses.pointer(Namespaces.NETWORK, spec.id());
      if (spec.metadata().phase() == Phase.RUNNING) {
        ctx.addFinalizers(spec.pointer(), name());
        T desired = status(spec.spec());
        boolean same = ctx.find(statuses, Namespaces.NETWORK, spec.id())
            .filter(r -> r.metadata().phase() == Phase.RUNNING && r.spec().equals(desired)).isPresent();
        ctx.put(Resource.of(statuses, Namespaces.NETWORK, spec.id(), desired));
        if (!same) {
          changed(ctx, desired);
        }
      } else if (ctx.teardownAndDestroy(status)) {
        ctx.removeFinalizers(spec.pointer(), name());
      }
    }
    return Result.done();
  }
}
