package dev.spindle.runtime.state;

import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceKind;
import dev.spindle.runtime.resource.ResourcePointer;
import dev.spindle.runtime.resource.ResourceQuery;
import java.util.List;
import java.util.OptionalInt;

/**
 * The conformance suite against a state that implements only the core operations (delegating to the in-memory
 * store), so that teardown, finalizers, updateWithConflicts, modify, watchFor and teardownAndDestroy run through the
 * generic implementations of {@link State}: the counterpart of COSI running the suite over {@code WrapCore}.
 */
class CoreOnlyStateConformanceTest extends StateConformance {
  private InMemoryState backend;

  @Override
  protected State newState() {
    backend = new InMemoryState();
    return new CoreOnly(backend);
  }

  @Override
  protected OptionalInt openWatches(State state) {
    return OptionalInt.of(backend.watchers());
  }

  private record CoreOnly(InMemoryState core) implements State {
    @Override
    public Resource<?> get(ResourcePointer pointer) {
      return core.get(pointer);
    }

    @Override
    public List<Resource<?>> list(ResourceKind kind, ResourceQuery query) {
      return core.list(kind, query);
    }

    @Override
    public <S> Resource<S> create(Resource<S> resource, String owner) {
      return core.create(resource, owner);
    }

    @Override
    public <S> Resource<S> update(Resource<S> resource, UpdateOptions options) {
      return core.update(resource, options);
    }

    @Override
    public void destroy(ResourcePointer pointer, String owner) {
      core.destroy(pointer, owner);
    }

    @Override
    public Watch watch(ResourcePointer pointer, WatchOptions options) {
      return core.watch(pointer, options);
    }

    @Override
    public Watch watchKind(ResourceKind kind, WatchKindOptions options) {
      return core.watchKind(kind, options);
    }
  }
}
