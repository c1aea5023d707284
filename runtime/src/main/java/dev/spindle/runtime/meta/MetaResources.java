package dev.spindle.runtime.meta;

import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceDefinition;
import dev.spindle.runtime.state.State;
import dev.spindle.runtime.state.StateException;
import dev.spindle.runtime.state.UpdateOptions;

/**
 * Publishes registered types and namespaces into a state as COSI meta resources, owned by {@code meta}, so any client
 * can discover them with {@code get rd} / {@code get ns}. Publishing is idempotent: an unchanged definition writes
 * nothing.
 */
public final class MetaResources {
  public static final String OWNER = "meta";

  private MetaResources() {}

  /** Publishes the meta types themselves and the {@code meta} namespace. */
  public static void publishDefaults(State state) {
    publish(state, NamespaceSpec.DEFINITION);
    publish(state, ResourceDefinitionSpec.DEFINITION);
    publishNamespace(state, NamespaceSpec.META, "Metadata namespace which contains resource and namespace definitions.");
  }

  public static void publish(State state, ResourceDefinition<?> definition) {
    put(state, Resource.of(ResourceDefinitionSpec.DEFINITION, definition.id(), ResourceDefinitionSpec.of(definition)));
  }

  public static void publishNamespace(State state, String namespace, String description) {
    put(state, Resource.of(NamespaceSpec.DEFINITION, namespace, new NamespaceSpec(description)));
  }

  private static <S> void put(State state, Resource<S> desired) {
    try {
      state.create(desired, OWNER);
    } catch (StateException.AlreadyExists exists) {
      state.<S>updateWithConflicts(desired.pointer(), r -> r.withSpec(desired.spec()), UpdateOptions.owner(OWNER));
    }
  }
}
