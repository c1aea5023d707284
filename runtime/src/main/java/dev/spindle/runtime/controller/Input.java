package dev.spindle.runtime.controller;

import dev.spindle.runtime.resource.ResourceDefinition;
import dev.spindle.runtime.resource.ResourceKind;
import java.util.Objects;

/** An input of a controller: a kind, optionally narrowed to one id, and how the controller depends on it. */
public record Input(ResourceKind resourceKind, String id, InputKind kind) {
  public Input {
    Objects.requireNonNull(resourceKind, "resourceKind");
    Objects.requireNonNull(kind, "kind");
  }

  public static Input weak(ResourceDefinition<?> definition) {
    return new Input(definition.kind(), null, InputKind.WEAK);
  }

  public static Input weak(ResourceDefinition<?> definition, String namespace) {
    return new Input(definition.kind(namespace), null, InputKind.WEAK);
  }

  public static Input strong(ResourceDefinition<?> definition) {
    return new Input(definition.kind(), null, InputKind.STRONG);
  }

  public static Input strong(ResourceDefinition<?> definition, String namespace) {
    return new Input(definition.kind(namespace), null, InputKind.STRONG);
  }

  public static Input destroyReady(ResourceDefinition<?> definition) {
    return new Input(definition.kind(), null, InputKind.DESTROY_READY);
  }

  public static Input destroyReady(ResourceDefinition<?> definition, String namespace) {
    return new Input(definition.kind(namespace), null, InputKind.DESTROY_READY);
  }

  /** Narrows the input to a single resource id. */
  public Input withId(String resourceId) {
    return new Input(resourceKind, resourceId, kind);
  }

  boolean covers(ResourceKind k, String resourceId) {
    return resourceKind.equals(k) && (id == null || id.equals(resourceId));
  }
}
