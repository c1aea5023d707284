package dev.spindle.runtime.resource;

import java.util.Objects;

/** A collection of resources: one type in one namespace. Watches and lists address a kind. */
public record ResourceKind(String namespace, String type) {
  public ResourceKind {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(type, "type");
  }

  public ResourcePointer pointer(String id) {
    return new ResourcePointer(namespace, type, id);
  }

  @Override
  public String toString() {
    return type + "(" + namespace + ")";
  }
}
