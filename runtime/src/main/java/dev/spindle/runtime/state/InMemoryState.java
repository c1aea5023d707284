package dev.spindle.runtime.state;

import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceKind;
import dev.spindle.runtime.resource.ResourcePointer;
import dev.spindle.runtime.resource.ResourceQuery;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The in-memory {@link State}: one {@link Collection} per kind, created on first write or watch. Teardown and
 * finalizer changes are native (atomic under the collection lock) rather than the generic read-modify-write loop.
 *
 * <p>As a {@link MeterBinder} it publishes {@code spindle.state.resources} and {@code spindle.state.watchers} per
 * namespace and type.
 */
public final class InMemoryState implements State, MeterBinder, AutoCloseable {
  private final ConcurrentHashMap<ResourceKind, Collection> collections = new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<MeterRegistry> registries = new CopyOnWriteArrayList<>();
  private final long cookie = new SecureRandom().nextLong();
  private final InstantSource clock;
  private final HistoryOptions history;

  public InMemoryState() {
    this(InstantSource.system(), HistoryOptions.DEFAULT);
  }

  public InMemoryState(HistoryOptions history) {
    this(InstantSource.system(), history);
  }

  public InMemoryState(InstantSource clock, HistoryOptions history) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.history = Objects.requireNonNull(history, "history");
  }

  private Collection collection(ResourceKind kind) {
    Collection c = collections.get(kind);
    if (c != null) {
      return c;
    }
    Collection created = new Collection(kind, cookie, clock, history);
    c = collections.putIfAbsent(kind, created);
    if (c == null) {
      registries.forEach(r -> register(r, created));
      return created;
    }
    return c;
  }

  @Override
  public Resource<?> get(ResourcePointer pointer) {
    Collection c = collections.get(pointer.kind());
    Resource<?> r = c == null ? null : c.get(pointer.id());
    if (r == null) {
      throw new StateException.NotFound(pointer);
    }
    return r;
  }

  @Override
  public List<Resource<?>> list(ResourceKind kind, ResourceQuery query) {
    Collection c = collections.get(kind);
    return c == null ? List.of() : c.list(query);
  }

  @Override
  public <S> Resource<S> create(Resource<S> resource, String owner) {
    return collection(resource.metadata().kind()).create(resource, owner == null ? "" : owner);
  }

  @Override
  public <S> Resource<S> update(Resource<S> resource, UpdateOptions options) {
    Collection c = collections.get(resource.metadata().kind());
    if (c == null) {
      throw new StateException.NotFound(resource.pointer());
    }
    return c.update(resource, options);
  }

  @Override
  public void destroy(ResourcePointer pointer, String owner) {
    existing(pointer).destroy(pointer, owner == null ? "" : owner);
  }

  @Override
  public boolean teardown(ResourcePointer pointer, String owner) {
    return existing(pointer).teardown(pointer, owner == null ? "" : owner);
  }

  @Override
  public Resource<?> addFinalizers(ResourcePointer pointer, String... finalizers) {
    List<String> add = List.of(finalizers);
    return existing(pointer).mutate(pointer, md -> md.addFinalizers(add));
  }

  @Override
  public Resource<?> removeFinalizers(ResourcePointer pointer, String... finalizers) {
    List<String> remove = List.of(finalizers);
    return existing(pointer).mutate(pointer, md -> md.removeFinalizers(remove));
  }

  private Collection existing(ResourcePointer pointer) {
    Collection c = collections.get(pointer.kind());
    if (c == null) {
      throw new StateException.NotFound(pointer);
    }
    return c;
  }

  @Override
  public Watch watch(ResourcePointer pointer, WatchOptions options) {
    return collection(pointer.kind()).watch(pointer, options);
  }

  @Override
  public Watch watchKind(ResourceKind kind, WatchKindOptions options) {
    return collection(kind).watchKind(options);
  }

  /** The number of open watches over all kinds; used by tests and the leak checks of the harness. */
  public int watchers() {
    return collections.values().stream().mapToInt(Collection::watchers).sum();
  }

  /** The current history capacity of a kind (0 if it was never written or watched). */
  public int historyCapacity(ResourceKind kind) {
    Collection c = collections.get(kind);
    return c == null ? 0 : c.capacity();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    registries.add(registry);
    collections.values().forEach(c -> register(registry, c));
  }

  private static void register(MeterRegistry registry, Collection c) {
    Gauge.builder("spindle.state.resources", c, Collection::size)
        .description("resources stored in the collection")
        .tags("namespace", c.kind.namespace(), "type", c.kind.type())
        .register(registry);
    Gauge.builder("spindle.state.watchers", c, Collection::watchers)
        .description("open watches on the collection")
        .tags("namespace", c.kind.namespace(), "type", c.kind.type())
        .register(registry);
  }

  /** Ends every open watch; the store itself stays usable. */
  @Override
  public void close() {
    collections.values().forEach(Collection::closeAll);
  }
}
