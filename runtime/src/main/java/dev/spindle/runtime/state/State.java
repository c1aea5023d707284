package dev.spindle.runtime.state;

import dev.spindle.runtime.resource.Phase;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceDefinition;
import dev.spindle.runtime.resource.ResourceKind;
import dev.spindle.runtime.resource.ResourcePointer;
import dev.spindle.runtime.resource.ResourceQuery;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A versioned store of resources with watches: the COSI {@code State}. Implementations are thread-safe; the abstract
 * conformance suite ({@code StateConformance} in the test kit) states the contract precisely and every implementation
 * (the in-memory store, the gRPC client) must pass it.
 *
 * <p>The core operations are abstract. The rest (teardown, finalizers, conflict-retrying updates, modify, waiting for
 * a condition) have generic implementations here built on the core, which a backend may replace with native ones.
 * Every error is a {@link StateException}.
 */
public interface State {

  /** The resource, or {@link StateException.NotFound}. */
  Resource<?> get(ResourcePointer pointer);

  /** Matching resources of the kind, sorted by id. */
  List<Resource<?>> list(ResourceKind kind, ResourceQuery query);

  /** Stores a new resource with version 1 and the given owner ({@code ""} for none); returns the stored resource. */
  <S> Resource<S> create(Resource<S> resource, String owner);

  /**
   * Replaces a resource. The resource's version must be the stored one ({@link StateException.VersionConflict}
   * otherwise), the caller must be its owner, and it must be in {@code options.expectedPhase()} unless that is null.
   * Returns the stored resource with the next version. Always writes, even when nothing changed.
   */
  <S> Resource<S> update(Resource<S> resource, UpdateOptions options);

  /** Removes a resource in any phase, once its finalizers are gone; only the owner may destroy. */
  void destroy(ResourcePointer pointer, String owner);

  Watch watch(ResourcePointer pointer, WatchOptions options);

  Watch watchKind(ResourceKind kind, WatchKindOptions options);

  // ---- derived operations -------------------------------------------------------------------------------------

  default Optional<Resource<?>> find(ResourcePointer pointer) {
    try {
      return Optional.of(get(pointer));
    } catch (StateException.NotFound e) {
      return Optional.empty();
    }
  }

  default <S> Optional<Resource<S>> find(ResourceDefinition<S> definition, String id) {
    return find(definition.pointer(id)).map(definition::cast);
  }

  default <S> Resource<S> get(ResourceDefinition<S> definition, String id) {
    return definition.cast(get(definition.pointer(id)));
  }

  default List<Resource<?>> list(ResourceKind kind) {
    return list(kind, ResourceQuery.ALL);
  }

  default <S> List<Resource<S>> list(ResourceDefinition<S> definition) {
    return list(definition.kind()).stream().map(definition::cast).toList();
  }

  default <S> Resource<S> create(Resource<S> resource) {
    return create(resource, "");
  }

  default <S> Resource<S> update(Resource<S> resource) {
    return update(resource, UpdateOptions.DEFAULT);
  }

  default void destroy(ResourcePointer pointer) {
    destroy(pointer, "");
  }

  default Watch watch(ResourcePointer pointer) {
    return watch(pointer, WatchOptions.DEFAULT);
  }

  default Watch watchKind(ResourceKind kind) {
    return watchKind(kind, WatchKindOptions.DEFAULT);
  }

  /**
   * Applies {@code change} to the current resource and stores the result, retrying on version conflicts. A change that
   * alters nothing writes nothing (no version bump, no event). Owner and phase conflicts are not retried.
   */
  @SuppressWarnings("unchecked")
  default <S> Resource<S> updateWithConflicts(ResourcePointer pointer, UnaryOperator<Resource<S>> change,
      UpdateOptions options) {
    while (true) {
      Resource<S> current = (Resource<S>) get(pointer);
      if (options.expectedPhase() != null && current.metadata().phase() != options.expectedPhase()) {
        throw new StateException.PhaseConflict(pointer, options.expectedPhase(), current.metadata().phase());
      }
      Resource<S> changed = change.apply(current);
      if (changed.sameAs(current)) {
        return current;
      }
      try {
        return update(changed.withMetadata(changed.metadata().withVersion(current.version())), options);
      } catch (StateException.VersionConflict retry) {
        // someone wrote in between: read again and re-apply
      }
    }
  }

  default <S> Resource<S> updateWithConflicts(ResourcePointer pointer, UnaryOperator<Resource<S>> change) {
    return updateWithConflicts(pointer, change, UpdateOptions.DEFAULT);
  }

  /**
   * Creates the resource from {@code change.apply(initial)} if it does not exist, otherwise applies {@code change} to
   * the stored one as {@link #updateWithConflicts} does. Returns the stored result.
   */
  default <S> Resource<S> modify(Resource<S> initial, UnaryOperator<Resource<S>> change, UpdateOptions options) {
    while (true) {
      Optional<Resource<?>> existing = find(initial.pointer());
      if (existing.isEmpty()) {
        try {
          return create(change.apply(initial), options.owner());
        } catch (StateException.AlreadyExists raced) {
          continue;
        }
      }
      try {
        return updateWithConflicts(initial.pointer(), change, options);
      } catch (StateException.NotFound raced) {
        // destroyed in between: create it again
      }
    }
  }

  /**
   * Moves a resource to {@link Phase#TEARING_DOWN} and returns whether it is ready to destroy (no finalizers).
   * Idempotent; a resource already tearing down is not checked for ownership.
   */
  default boolean teardown(ResourcePointer pointer, String owner) {
    Resource<?> current = get(pointer);
    if (current.metadata().phase() == Phase.TEARING_DOWN) {
      return current.metadata().finalizersEmpty();
    }
    Resource<?> result = updateWithConflicts(pointer, r -> r.withMetadata(r.metadata().withPhase(Phase.TEARING_DOWN)),
        UpdateOptions.owner(owner));
    return result.metadata().finalizersEmpty();
  }

  default boolean teardown(ResourcePointer pointer) {
    return teardown(pointer, "");
  }

  /** Adds finalizers in any phase, whoever owns the resource; adding present ones writes nothing. */
  default Resource<?> addFinalizers(ResourcePointer pointer, String... finalizers) {
    String owner = get(pointer).metadata().owner();
    return updateWithConflicts(pointer, r -> r.withMetadata(r.metadata().addFinalizers(List.of(finalizers))),
        UpdateOptions.owner(owner).anyPhase());
  }

  default Resource<?> removeFinalizers(ResourcePointer pointer, String... finalizers) {
    String owner = get(pointer).metadata().owner();
    return updateWithConflicts(pointer, r -> r.withMetadata(r.metadata().removeFinalizers(List.of(finalizers))),
        UpdateOptions.owner(owner).anyPhase());
  }

  /**
   * Waits until an event of the resource satisfies {@code condition} and returns that event. The current state counts:
   * a condition already true returns at once.
   *
   * @throws java.util.concurrent.TimeoutException if nothing matches in time
   */
  default Event watchFor(ResourcePointer pointer, Predicate<Event> condition, Duration timeout)
      throws InterruptedException, java.util.concurrent.TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Watch watch = watch(pointer)) {
      while (true) {
        long left = deadline - System.nanoTime();
        Event event = left > 0 ? watch.poll(Duration.ofNanos(left)) : null;
        if (event == null) {
          throw new java.util.concurrent.TimeoutException("waiting for a condition on " + pointer + " for " + timeout);
        }
        if (event.type() == EventType.ERRORED) {
          throw new StateException.WatchFailed(pointer, event.error());
        }
        if (condition.test(event)) {
          return event;
        }
      }
    }
  }

  /**
   * Tears a resource down, waits for its finalizers to drain, then destroys it. Returns quietly if someone else
   * destroys it meanwhile.
   */
  default void teardownAndDestroy(ResourcePointer pointer, String owner, Duration timeout)
      throws InterruptedException, java.util.concurrent.TimeoutException {
    if (!teardown(pointer, owner)) {
      Event ready = watchFor(pointer, e -> e.type() == EventType.DESTROYED
          || (e.resource() != null && e.resource().metadata().finalizersEmpty()), timeout);
      if (ready.type() == EventType.DESTROYED) {
        return;
      }
    }
    try {
      destroy(pointer, owner);
    } catch (StateException.NotFound alreadyGone) {
      // destroyed concurrently: the goal is reached
    }
  }

}
