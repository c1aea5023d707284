package dev.spindle.runtime.resource;

import java.util.List;
import java.util.Optional;

/**
 * Read access to resources, typed by their definition. A controller reads through its {@code ReconcileContext}
 * (which checks the declared inputs); a dry run reads the same way from a view of a live state, so a pure projection
 * written against this interface runs unchanged in both.
 */
public interface ResourceReader {
  <S> List<Resource<S>> list(ResourceDefinition<S> definition, String namespace, ResourceQuery query);

  default <S> List<Resource<S>> list(ResourceDefinition<S> definition) {
    return list(definition, definition.defaultNamespace(), ResourceQuery.ALL);
  }

  <S> Optional<Resource<S>> find(ResourceDefinition<S> definition, String namespace, String id);

  default <S> Optional<Resource<S>> find(ResourceDefinition<S> definition, String id) {
    return find(definition, definition.defaultNamespace(), id);
  }
}
