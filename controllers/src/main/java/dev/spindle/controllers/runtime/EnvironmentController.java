package dev.spindle.controllers.runtime;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;

import dev.spindle.resources.runtime.Environment;
import dev.spindle.resources.runtime.EnvironmentSpec;
import dev.spindle.resources.runtime.RuntimeNamespaces;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.Declaration;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.controller.Output;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.controller.Result;
import dev.spindle.runtime.resource.Resource;
import java.util.List;

/**
 * Publishes the merged environment as {@link Environment} {@code machined}, the resource Talos's
 * {@code runtime.EnvironmentController} writes and the node's outbound HTTP client reads its proxies from. It always
 * exists, empty when nothing sets a variable.
 *
 * <p>Talos fills it from its own process environment (sorted), so it also lists {@code PATH} and the like. Spindle
 * lists only the configured variables: the daemon's own environment is the host's or the JVM's business, may hold
 * secrets the configuration never mentioned, and does not change when the configuration does. Spindle applies a
 * change at once (Talos's services see it after a reboot); the {@link EnvironmentSpec} says which layer each value
 * came from.
 */
public final class EnvironmentController implements Controller {
  @Override
  public Declaration declare() {
    return Declaration.of(
        inputs(Input.weak(EnvironmentSpec.DEFINITION, RuntimeNamespaces.RUNTIME).withId(EnvironmentSpec.ID)),
        outputs(Output.exclusive(Environment.DEFINITION)));
  }

  @Override
  public Result reconcile(ReconcileContext ctx) {
    List<String> variables = ctx.find(EnvironmentSpec.DEFINITION, EnvironmentSpec.ID)
        .map(r -> r.spec().variables())
        .orElse(List.of());
    ctx.put(Resource.of(Environment.DEFINITION, Environment.ID, new Environment(variables)));
    return Result.done();
  }
}
