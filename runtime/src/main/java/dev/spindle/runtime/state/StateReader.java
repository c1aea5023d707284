package dev.spindle.runtime.state;

import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceDefinition;
import dev.spindle.runtime.resource.ResourceQuery;
import dev.spindle.runtime.resource.ResourceReader;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A {@link ResourceReader} straight over a {@link State}, without a controller's access checks (used by dry runs). */
public record StateReader(State state) implements ResourceReader {
  public StateReader {
    Objects.requireNonNull(state, "state");
  }

  @Override
  public <S> List<Resource<S>> list(ResourceDefinition<S> definition, String namespace, ResourceQuery query) {
    return state.list(definition.kind(namespace), query).stream().map(definition::cast).toList();
  }

  @Override
  public <S> Optional<Resource<S>> find(ResourceDefinition<S> definition, String namespace, String id) {
    return state.find(definition.pointer(namespace, id)).map(definition::cast);
  }
}
