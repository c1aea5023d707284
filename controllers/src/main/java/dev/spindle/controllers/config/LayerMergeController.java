package dev.spindle.controllers.config;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;

import dev.spindle.resources.Layered;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.Declaration;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.controller.Output;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.controller.Result;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceDefinition;
import dev.spindle.runtime.resource.ResourceQuery;
import dev.spindle.runtime.resource.ResourceReader;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one merge stage of every layered object (Talos's generic merge controller): reads all layered copies in the
 * config namespace, folds them with a {@link LayerMerge}, and writes the final specs into the final namespace.
 *
 * <p>A final spec no longer produced is torn down and destroyed by the runtime's cleanup once its consumers (the spec
 * controller's finalizer) let go; one wanted again while still tearing down is re-created only after it is gone, so a
 * consumer never sees a dying resource flap back to life. Both come from {@link Output#cleanupUntouched(String)} and
 * {@link ReconcileContext#put}; this class only states the fold.
 */
public final class LayerMergeController<S extends Layered> implements Controller {
  private final String name;
  private final ResourceDefinition<S> definition;
  private final String configNamespace;
  private final String finalNamespace;
  private final LayerMerge<S> merge;

  /**
   * @param name the controller name, Talos's style ({@code network.ResolverMergeController})
   */
  public LayerMergeController(String name, ResourceDefinition<S> definition, String configNamespace,
      String finalNamespace, LayerMerge<S> merge) {
    this.name = Objects.requireNonNull(name, "name");
    this.definition = Objects.requireNonNull(definition, "definition");
    this.configNamespace = Objects.requireNonNull(configNamespace, "configNamespace");
    this.finalNamespace = Objects.requireNonNull(finalNamespace, "finalNamespace");
    this.merge = Objects.requireNonNull(merge, "merge");
    if (configNamespace.equals(finalNamespace)) {
      throw new IllegalArgumentException(name + ": the config and final namespaces must differ, both are "
          + configNamespace);
    }
  }

  @Override
  public String name() {
    return name;
  }

  public ResourceDefinition<S> definition() {
    return definition;
  }

  public String finalNamespace() {
    return finalNamespace;
  }

  @Override
  public Declaration declare() {
    return Declaration.of(inputs(Input.weak(definition, configNamespace)),
        outputs(Output.shared(definition).cleanupUntouched(finalNamespace)));
  }

  /** The final specs the layered copies visible through {@code sources} merge into; writes nothing. */
  public Map<String, S> merged(ResourceReader sources) {
    List<Resource<S>> inputs = sources.list(definition, configNamespace, ResourceQuery.ALL).stream()
        .sorted(Comparator.comparing(r -> r.metadata().id()))
        .toList();
    return merge.merge(inputs);
  }

  @Override
  public Result reconcile(ReconcileContext ctx) {
    merged(ctx).forEach((id, spec) -> ctx.put(Resource.of(definition, finalNamespace, id, spec)));
    return Result.done();
  }
}
