package dev.spindle.runtime.resource;

import java.util.Objects;

/** The identity of one resource: (namespace, type, id). */
public record ResourcePointer(String namespace, String type, String id) {
  public ResourcePointer {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
  }

  public ResourceKind kind() {
    return new ResourceKind(namespace, type);
  }

  /** The COSI form {@code type(namespace/id)}, used in every error message. */
  @Override
  public String toString() {
    return type + "(" + namespace + "/" + id + ")";
  }
}
