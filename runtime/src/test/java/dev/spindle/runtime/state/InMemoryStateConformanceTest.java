package dev.spindle.runtime.state;

import java.util.List;
import java.util.OptionalInt;

/**
 * The conformance suite against the in-memory store with its default history. Resources land in COSI's four test
 * namespaces at random, as in COSI's namespaced runs.
 */
class InMemoryStateConformanceTest extends StateConformance {
  @Override
  protected State newState() {
    return new InMemoryState();
  }

  @Override
  protected List<String> namespaces() {
    return List.of("default", "controller", "system", "runtime");
  }

  @Override
  protected OptionalInt openWatches(State state) {
    return OptionalInt.of(((InMemoryState) state).watchers());
  }
}
