package dev.spindle.controllers.config;

import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceDefinition;
import dev.spindle.runtime.resource.ResourceKind;
import dev.spindle.runtime.resource.ResourceQuery;
import dev.spindle.runtime.resource.ResourceReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The live resources as they would be after a change: the outputs of some writers (a config controller, or the
 * machine configuration itself) are replaced by what those writers would write. Reads only; the live state is not
 * touched.
 */
final class PreviewReader implements ResourceReader {
  private final ResourceReader live;
  /** Per kind, the owners whose live resources are hidden, and the resources that stand in for them. */
  private final Map<ResourceKind, Set<String>> replacedOwners = new HashMap<>();
  private final Map<ResourceKind, Map<String, Resource<?>>> replacements = new HashMap<>();

  PreviewReader(ResourceReader live) {
    this.live = live;
  }

  /** From now on, what {@code owner} has in {@code kind} reads as exactly {@code resources}. */
  void replace(ResourceKind kind, String owner, List<? extends Resource<?>> resources) {
    replacedOwners.computeIfAbsent(kind, k -> new HashSet<>()).add(owner);
    var byId = replacements.computeIfAbsent(kind, k -> new HashMap<>());
    byId.values().removeIf(r -> r.metadata().owner().equals(owner));
    resources.forEach(r -> byId.put(r.metadata().id(), r));
  }

  @Override
  public <S> List<Resource<S>> list(ResourceDefinition<S> definition, String namespace, ResourceQuery query) {
    ResourceKind kind = definition.kind(namespace);
    Set<String> hidden = replacedOwners.getOrDefault(kind, Set.of());
    var result = new ArrayList<Resource<S>>();
    for (Resource<S> r : live.list(definition, namespace, query)) {
      if (!hidden.contains(r.metadata().owner()) && !replacements.getOrDefault(kind, Map.of()).containsKey(r.id())) {
        result.add(r);
      }
    }
    for (Resource<?> r : replacements.getOrDefault(kind, Map.of()).values()) {
      if (query.matches(r.metadata())) {
        result.add(definition.cast(r));
      }
    }
    result.sort(Comparator.comparing(Resource::id));
    return result;
  }

  @Override
  public <S> Optional<Resource<S>> find(ResourceDefinition<S> definition, String namespace, String id) {
    ResourceKind kind = definition.kind(namespace);
    Resource<?> replacement = replacements.getOrDefault(kind, Map.of()).get(id);
    if (replacement != null) {
      return Optional.of(definition.cast(replacement));
    }
    Set<String> hidden = replacedOwners.getOrDefault(kind, Set.of());
    return live.find(definition, namespace, id).filter(r -> !hidden.contains(r.metadata().owner()));
  }
}
