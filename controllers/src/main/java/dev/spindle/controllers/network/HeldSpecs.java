package dev.spindle.controllers.network;

import dev.spindle.resources.network.Namespaces;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.resource.Phase;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceDefinition;
import dev.spindle.runtime.resource.ResourceQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The finalizer protocol of the spec controllers that apply specs to the kernel: every running spec of the
 * {@code network} namespace carries the controller's finalizer, so a spec being torn down stays until the kernel
 * object it asked for has been dealt with; the finalizer is released only for specs whose steps all succeeded.
 */
final class HeldSpecs {
  /** What a planner wants of one spec: its id, the spec, and whether it is being torn down. */
  interface Desire<S, D> {
    D of(String id, S spec, boolean tearingDown);
  }

  private HeldSpecs() {}

  /** Every spec as the planner's input, holding the running ones with {@code owner}'s finalizer. */
  static <S, D> List<D> hold(ReconcileContext ctx, ResourceDefinition<S> definition, String owner,
      Desire<S, D> desire) {
    var desired = new ArrayList<D>();
    for (Resource<S> spec : ctx.list(definition, Namespaces.NETWORK, ResourceQuery.ALL)) {
      boolean running = spec.metadata().phase() == Phase.RUNNING;
      if (running) {
        ctx.addFinalizers(spec.pointer(), owner);
      }
      desired.add(desire.of(spec.id(), spec.spec(), !running));
    }
    return desired;
  }

  /** Releases the torn-down specs the planner is done with, except those whose steps failed in this pass. */
  static void release(ReconcileContext ctx, ResourceDefinition<?> definition, String owner,
      Collection<String> released, Set<String> failed) {
    for (String id : released) {
      if (!failed.contains(id)) {
        ctx.removeFinalizers(definition.pointer(Namespaces.NETWORK, id), owner);
      }
    }
  }
}
