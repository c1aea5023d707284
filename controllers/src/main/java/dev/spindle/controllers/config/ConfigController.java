package dev.spindle.controllers.config;

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
import dev.spindle.runtime.resource.ResourceReader;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The config stage of a layered object (Talos's {@code *ConfigController}): reads its sources (machine configuration,
 * kernel command line, other facts) and writes one spec per layer into the config namespace, each under its layered
 * id ({@code configuration/resolvers}). Several controllers write the same type there, so the output is shared and
 * each one cleans up only what it wrote before and no longer projects.
 *
 * <p>The projection is a pure function of what it reads, so {@code apply-config --dry-run} evaluates it against a
 * proposed configuration without running the controller.
 */
public abstract class ConfigController<S extends Layered> implements Controller {
  private final ResourceDefinition<S> definition;
  private final String namespace;

  protected ConfigController(ResourceDefinition<S> definition, String configNamespace) {
    this.definition = Objects.requireNonNull(definition, "definition");
    this.namespace = Objects.requireNonNull(configNamespace, "configNamespace");
  }

  /** The weak inputs {@link #project} reads, e.g. {@link ConfigSources#MACHINE_CONFIG}. */
  protected abstract List<Input> inputs();

  /**
   * The specs this controller's sources ask for, by layered id. Writes nothing; warnings go through a sink that is
   * quiet during a preview ({@link ConfigPreview#previewing()}).
   */
  public abstract Map<String, S> project(ResourceReader sources);

  public final ResourceDefinition<S> definition() {
    return definition;
  }

  public final String namespace() {
    return namespace;
  }

  @Override
  public final Declaration declare() {
    return Declaration.of(inputs(), outputs(Output.shared(definition).cleanupUntouched(namespace)));
  }

  @Override
  public final Result reconcile(ReconcileContext ctx) {
    project(ctx).forEach((id, spec) -> ctx.put(Resource.of(definition, namespace, id, spec)));
    return Result.done();
  }
}
