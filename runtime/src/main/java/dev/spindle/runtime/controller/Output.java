package dev.spindle.runtime.controller;

import dev.spindle.runtime.resource.ResourceDefinition;
import dev.spindle.runtime.resource.ResourceKind;
import java.util.Objects;

/**
 * An output type of a controller. With {@link #cleanupUntouched()} the runtime tears down and destroys, after each
 * successful reconcile, every resource of the type (in one namespace) that the controller owns but did not write in
 * that reconcile, so a controller only has to write what should exist. Outputs whose consumers still hold finalizers
 * stay tearing down until those are removed, and are destroyed then.
 */
public record Output(ResourceDefinition<?> definition, OutputKind kind, ResourceKind cleanup) {
  public Output {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(kind, "kind");
  }

  public static Output exclusive(ResourceDefinition<?> definition) {
    return new Output(definition, OutputKind.EXCLUSIVE, null);
  }

  public static Output shared(ResourceDefinition<?> definition) {
    return new Output(definition, OutputKind.SHARED, null);
  }

  public String type() {
    return definition.type();
  }

  /** Cleans up untouched outputs in the type's default namespace. */
  public Output cleanupUntouched() {
    return cleanupUntouched(definition.defaultNamespace());
  }

  public Output cleanupUntouched(String namespace) {
    return new Output(definition, kind, definition.kind(namespace));
  }
}
