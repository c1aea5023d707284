package dev.spindle.runtime.resource;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A resource: runtime-owned {@link Metadata} and a spec record. Specs are immutable records (collections copied in
 * their compact constructors), so a resource can be shared freely once stored.
 *
 * @param <S> the spec record type
 */
public record Resource<S>(Metadata metadata, S spec) {
  public Resource {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(spec, "spec");
  }

  public static <S> Resource<S> of(ResourceDefinition<S> definition, String id, S spec) {
    return new Resource<>(Metadata.of(definition.defaultNamespace(), definition.type(), id), spec);
  }

  public static <S> Resource<S> of(ResourceDefinition<S> definition, String namespace, String id, S spec) {
    return new Resource<>(Metadata.of(namespace, definition.type(), id), spec);
  }

  public ResourcePointer pointer() {
    return metadata.pointer();
  }

  public String id() {
    return metadata.id();
  }

  public long version() {
    return metadata.version();
  }

  public Resource<S> withMetadata(Metadata newMetadata) {
    return new Resource<>(newMetadata, spec);
  }

  public Resource<S> withMetadata(UnaryOperator<Metadata> change) {
    return new Resource<>(change.apply(metadata), spec);
  }

  public Resource<S> withSpec(S newSpec) {
    return new Resource<>(metadata, newSpec);
  }

  /** COSI equality: {@link Metadata#sameAs} and an equal spec; timestamps are ignored. */
  public boolean sameAs(Resource<?> other) {
    return other != null && metadata.sameAs(other.metadata) && spec.equals(other.spec);
  }

  /** Whether {@code other} has the same content (spec, labels, annotations, finalizers, phase, owner). */
  public boolean sameContentAs(Resource<?> other) {
    return other != null && sameAs(other.withMetadata(other.metadata.withVersion(metadata.version())));
  }

  @Override
  public String toString() {
    return metadata + " " + spec;
  }
}
