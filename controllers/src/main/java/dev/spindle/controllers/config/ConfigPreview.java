package dev.spindle.controllers.config;

import dev.spindle.resources.Layered;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.resource.Phase;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceChange;
import dev.spindle.runtime.resource.ResourceChange.Action;
import dev.spindle.runtime.resource.ResourceDefinition;
import dev.spindle.runtime.resource.ResourceQuery;
import dev.spindle.runtime.resource.ResourceReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a proposed machine configuration would change, without applying it: every config controller projects the
 * layered specs from the proposed configuration, every merge controller folds them, and both results are compared
 * with what those controllers wrote in the live state.
 *
 * <p>It evaluates one pass of the pipeline: a change that reaches the specs only through a status (for example a new
 * domain name that a hostname status would feed back into the default search domains) shows up only once applied.
 */
public final class ConfigPreview {
  /** Bound while a preview projects: warnings about a configuration that was never applied are not logged. */
  private static final ScopedValue<Boolean> PREVIEWING = ScopedValue.newInstance();

  private final List<ConfigController<?>> configs = new ArrayList<>();
  private final List<LayerMergeController<?>> merges = new ArrayList<>();

  /** Picks the config and merge controllers out of a node's controllers; the others play no part in a preview. */
  public ConfigPreview(List<? extends Controller> controllers) {
    for (Controller c : controllers) {
      if (c instanceof ConfigController<?> config) {
        configs.add(config);
      } else if (c instanceof LayerMergeController<?> merge) {
        merges.add(merge);
      }
    }
  }

  /**
   * Whether the current thread is inside {@link #changes}: projections that warn (a command line that does not parse,
   * an invalid host name) stay quiet then, so a dry run neither logs about a configuration nobody applied nor resets
   * what the running controllers have already warned about.
   */
  public static boolean previewing() {
    return PREVIEWING.orElse(false);
  }

  /** The resources the proposed configuration creates, updates or destroys, sorted; the machine config included. */
  public List<ResourceChange> changes(ResourceReader live, MachineConfig proposed) {
    return ScopedValue.where(PREVIEWING, true).call(() -> preview(live, proposed));
  }

  private List<ResourceChange> preview(ResourceReader live, MachineConfig proposed) {
    var out = new ArrayList<ResourceChange>();
    var view = new PreviewReader(live);
    var proposedResource = Resource.of(MachineConfig.DEFINITION, MachineConfig.ID, proposed);
    diff(MachineConfig.DEFINITION, MachineConfig.NAMESPACE, Map.of(MachineConfig.ID, proposed),
        live.find(MachineConfig.DEFINITION, MachineConfig.ID).stream().toList(), out);
    view.replace(MachineConfig.DEFINITION.kind(), proposedResource.metadata().owner(), List.of(proposedResource));

    var projected = new HashMap<ConfigController<?>, List<Resource<?>>>();
    for (ConfigController<?> config : configs) {
      projected.put(config, project(config, view, live, out));
    }
    projected.forEach((config, resources) ->
        view.replace(config.definition().kind(config.namespace()), config.name(), resources));
    for (LayerMergeController<?> merge : merges) {
      merge(merge, view, live, out);
    }
    out.sort(null);
    return List.copyOf(out);
  }

  private static <S extends Layered> List<Resource<?>> project(ConfigController<S> config, ResourceReader view,
      ResourceReader live, List<ResourceChange> out) {
    Map<String, S> desired = config.project(view);
    diff(config.definition(), config.namespace(), desired, owned(live, config.definition(), config.namespace(),
        config.name()), out);
    var resources = new ArrayList<Resource<?>>();
    desired.forEach((id, spec) -> {
      var r = Resource.of(config.definition(), config.namespace(), id, spec);
      resources.add(new Resource<>(r.metadata().withOwner(config.name()), spec));
    });
    return resources;
  }

  private static <S extends Layered> void merge(LayerMergeController<S> merge, ResourceReader view,
      ResourceReader live, List<ResourceChange> out) {
    diff(merge.definition(), merge.finalNamespace(), merge.merged(view),
        owned(live, merge.definition(), merge.finalNamespace(), merge.name()), out);
  }

  private static <S> List<Resource<S>> owned(ResourceReader live, ResourceDefinition<S> definition, String namespace,
      String owner) {
    return live.list(definition, namespace, ResourceQuery.ALL).stream()
        .filter(r -> r.metadata().owner().equals(owner))
        .toList();
  }

  private static <S> void diff(ResourceDefinition<S> definition, String namespace, Map<String, S> desired,
      List<Resource<S>> current, List<ResourceChange> out) {
    var running = new HashMap<String, S>();
    for (Resource<S> r : current) {
      if (r.metadata().phase() == Phase.RUNNING) {
        running.put(r.id(), r.spec());
      }
    }
    desired.forEach((id, spec) -> {
      S now = running.get(id);
      if (now == null) {
        out.add(new ResourceChange(definition.pointer(namespace, id), Action.CREATED));
      } else if (!now.equals(spec)) {
        out.add(new ResourceChange(definition.pointer(namespace, id), Action.UPDATED));
      }
    });
    running.keySet().stream().filter(id -> !desired.containsKey(id))
        .forEach(id -> out.add(new ResourceChange(definition.pointer(namespace, id), Action.DESTROYED)));
  }
}
