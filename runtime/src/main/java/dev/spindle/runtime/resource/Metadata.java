package dev.spindle.runtime.resource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The runtime-owned part of a resource. Immutable: every change returns a copy, so a stored resource can be handed
 * to any thread or watcher without copying.
 *
 * <p>{@code version} is 0 while a resource has never been stored ("undefined" in COSI); the store sets it to 1 on
 * create and adds one on every update. {@code owner} is the name of the controller that owns the resource, or the
 * empty string. Finalizers are an ordered set; labels and annotations are unordered maps (printed sorted).
 */
public record Metadata(
    String namespace,
    String type,
    String id,
    long version,
    String owner,
    Phase phase,
    List<String> finalizers,
    Map<String, String> labels,
    Map<String, String> annotations,
    Instant created,
    Instant updated) {

  public static final long UNDEFINED_VERSION = 0;

  public Metadata {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative: " + version);
    }
    owner = owner == null ? "" : owner;
    phase = phase == null ? Phase.RUNNING : phase;
    finalizers = finalizers == null ? List.of() : List.copyOf(finalizers);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    created = created == null ? Instant.EPOCH : created;
    updated = updated == null ? Instant.EPOCH : updated;
    if (hasDuplicates(finalizers)) {
      throw new IllegalArgumentException("finalizers must be unique: " + finalizers);
    }
  }

  // Runs on every metadata copy, so it avoids allocating for the usual handful of finalizers.
  private static boolean hasDuplicates(List<String> list) {
    int n = list.size();
    if (n > 16) {
      return new HashSet<>(list).size() != n;
    }
    for (int i = 1; i < n; i++) {
      for (int j = 0; j < i; j++) {
        if (list.get(i).equals(list.get(j))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Fresh metadata for a resource that has not been stored yet. */
  public static Metadata of(String namespace, String type, String id) {
    return new Metadata(namespace, type, id, UNDEFINED_VERSION, "", Phase.RUNNING, List.of(), Map.of(), Map.of(),
        Instant.EPOCH, Instant.EPOCH);
  }

  public static Metadata of(ResourcePointer pointer) {
    return of(pointer.namespace(), pointer.type(), pointer.id());
  }

  public ResourcePointer pointer() {
    return new ResourcePointer(namespace, type, id);
  }

  public ResourceKind kind() {
    return new ResourceKind(namespace, type);
  }

  public boolean versionDefined() {
    return version != UNDEFINED_VERSION;
  }

  /** The COSI text of the version: decimal, or {@code undefined}. */
  public String versionText() {
    return versionDefined() ? Long.toString(version) : "undefined";
  }

  public boolean finalizersEmpty() {
    return finalizers.isEmpty();
  }

  public Metadata withVersion(long newVersion) {
    return new Metadata(namespace, type, id, newVersion, owner, phase, finalizers, labels, annotations, created, updated);
  }

  /** The metadata the store keeps: a new version, owner and timestamps in one copy (the write path's only one). */
  public Metadata stored(long newVersion, String newOwner, Instant newCreated, Instant newUpdated) {
    return new Metadata(namespace, type, id, newVersion, newOwner, phase, finalizers, labels, annotations, newCreated,
        newUpdated);
  }

  public Metadata withOwner(String newOwner) {
    return new Metadata(namespace, type, id, version, newOwner, phase, finalizers, labels, annotations, created, updated);
  }

  public Metadata withPhase(Phase newPhase) {
    return new Metadata(namespace, type, id, version, owner, newPhase, finalizers, labels, annotations, created, updated);
  }

  public Metadata withTimes(Instant newCreated, Instant newUpdated) {
    return new Metadata(namespace, type, id, version, owner, phase, finalizers, labels, annotations, newCreated,
        newUpdated);
  }

  public Metadata withLabels(Map<String, String> newLabels) {
    return new Metadata(namespace, type, id, version, owner, phase, finalizers, newLabels, annotations, created, updated);
  }

  public Metadata withLabel(String key, String value) {
    var copy = new HashMap<>(labels);
    copy.put(key, value);
    return withLabels(copy);
  }

  public Metadata withoutLabel(String key) {
    if (!labels.containsKey(key)) {
      return this;
    }
    var copy = new HashMap<>(labels);
    copy.remove(key);
    return withLabels(copy);
  }

  public Metadata withAnnotations(Map<String, String> newAnnotations) {
    return new Metadata(namespace, type, id, version, owner, phase, finalizers, labels, newAnnotations, created,
        updated);
  }

  public Metadata withAnnotation(String key, String value) {
    var copy = new HashMap<>(annotations);
    copy.put(key, value);
    return withAnnotations(copy);
  }

  public Metadata withFinalizers(List<String> newFinalizers) {
    return new Metadata(namespace, type, id, version, owner, phase, newFinalizers, labels, annotations, created,
        updated);
  }

  /** Adds the finalizers not yet present, keeping insertion order; returns {@code this} when nothing changes. */
  public Metadata addFinalizers(List<String> add) {
    List<String> result = null;
    for (String f : add) {
      if (!finalizers.contains(f) && (result == null || !result.contains(f))) {
        if (result == null) {
          result = new ArrayList<>(finalizers);
        }
        result.add(f);
      }
    }
    return result == null ? this : withFinalizers(result);
  }

  /** Removes the given finalizers; returns {@code this} when none was present. */
  public Metadata removeFinalizers(List<String> remove) {
    if (finalizers.stream().noneMatch(remove::contains)) {
      return this;
    }
    return withFinalizers(finalizers.stream().filter(f -> !remove.contains(f)).toList());
  }

  /**
   * COSI equality: every field but the timestamps, with finalizers compared as a set. Used to detect no-op writes and
   * by the conformance suite; {@link #equals} stays the strict record equality.
   */
  public boolean sameAs(Metadata other) {
    return other != null
        && version == other.version
        && namespace.equals(other.namespace)
        && type.equals(other.type)
        && id.equals(other.id)
        && owner.equals(other.owner)
        && phase == other.phase
        && finalizers.size() == other.finalizers.size()
        && finalizers.containsAll(other.finalizers)
        && labels.equals(other.labels)
        && annotations.equals(other.annotations);
  }

  /** The COSI form {@code type(namespace/id@version)}. */
  @Override
  public String toString() {
    return type + "(" + namespace + "/" + id + "@" + versionText() + ")";
  }
}
