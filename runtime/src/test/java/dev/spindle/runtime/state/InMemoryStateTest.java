package dev.spindle.runtime.state;

import static dev.spindle.runtime.state.EventType.CREATED;
import static dev.spindle.runtime.state.EventType.DESTROYED;
import static dev.spindle.runtime.state.EventType.ERRORED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceDefinition;
import dev.spindle.runtime.resource.ResourceKind;
import dev.spindle.runtime.resource.ResourcePointer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Behaviour of the in-memory store beyond the {@link StateConformance} contract: how its history is sized (overruns
 * of slow watchers, growth while watchers lag, bookmark and tail expiry), its metrics and watch accounting, and its
 * clock. COSI's TestBufferOverrun and TestNoBufferOverrunDynamic live here.
 */
class InMemoryStateTest {
  private static final ResourceDefinition<PathSpec> PATHS = PathSpec.DEFINITION;
  private static final ResourceKind KIND = PATHS.kind();
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final String OVERRUN = "buffer overrun: namespace \"default\" type \"Paths.os.spindle.dev\"";

  private static Resource<PathSpec> path(String id) {
    return Resource.of(PATHS, id, PathSpec.empty());
  }

  private static Event next(Watch watch) throws InterruptedException {
    Event event = watch.poll(TIMEOUT);
    if (event == null) {
      fail("expected an event within " + TIMEOUT + " but none arrived");
    }
    return event;
  }

  /** Reads until the ERRORED event (change events may come first) and returns the events read. */
  private static List<Event> readUntilErrored(Watch watch, int atMost) throws InterruptedException {
    var events = new ArrayList<Event>();
    while (events.isEmpty() || events.getLast().type() != ERRORED) {
      assertThat(events).as("events before ERRORED").hasSizeLessThan(atMost);
      events.add(next(watch));
    }
    return events;
  }

  /** COSI TestBufferOverrun. */
  @Test
  void watchersThatFallBehindTheHistoryGetOneErroredEventAndEnd() throws InterruptedException {
    try (var state = new InMemoryState(new HistoryOptions(10, 10, 5));
        Watch kindWatch = state.watchKind(KIND);
        Watch single = state.watch(PATHS.pointer("0"))) {
      for (int i = 0; i < 10; i++) {
        state.create(path(Integer.toString(i)));
      }
      for (int i = 0; i < 20; i++) {
        String finalizer = "f" + i;
        state.<PathSpec>updateWithConflicts(PATHS.pointer("0"),
            r -> r.withMetadata(md -> md.addFinalizers(List.of(finalizer))));
      }

      List<Event> kindEvents = readUntilErrored(kindWatch, 31);
      Event kindError = kindEvents.getLast();
      assertThat(kindError.error()).contains(OVERRUN);
      assertThat(kindError.pointer()).isEqualTo(KIND.pointer(""));
      assertThat(kindError.resource()).isNull();
      assertThat(kindEvents.subList(0, kindEvents.size() - 1)).allMatch(Event::isChange);

      Event initial = next(single);
      assertThat(initial.type()).isEqualTo(DESTROYED);
      assertThat(initial.resource()).isNull();
      List<Event> singleEvents = readUntilErrored(single, 22);
      assertThat(singleEvents.getLast().error()).contains(OVERRUN);

      assertThat(state.watchers()).as("an overrun watch is released at once").isZero();
      for (Watch ended : List.of(kindWatch, single)) {
        assertThat(ended.isClosed()).isTrue();
        assertThatThrownBy(ended::next).isInstanceOf(Watch.ClosedException.class);
        assertThat(ended.poll(Duration.ofMillis(50))).isNull();
      }
    }
  }

  @Test
  void aWatcherThatKeepsUpIsNeverOverrunNorGrowsTheHistory() throws InterruptedException {
    try (var state = new InMemoryState(new HistoryOptions(2, 64, 0)); Watch watch = state.watchKind(KIND)) {
      Resource<PathSpec> r = state.create(path("steady"));
      assertThat(next(watch).type()).isEqualTo(CREATED);
      for (int i = 0; i < 100; i++) {
        r = state.update(r);
        assertThat(next(watch).resource().version()).isEqualTo(r.version());
      }
      assertThat(state.historyCapacity(KIND)).isEqualTo(2);
    }
  }

  /** COSI TestNoBufferOverrunDynamic. */
  @Test
  void theHistoryGrowsWhileAWatcherLagsSoItLosesNothing() throws InterruptedException {
    int count = 4095;
    try (var state = new InMemoryState(new HistoryOptions(4, count, 5)); Watch watch = state.watchKind(KIND)) {
      for (int i = 0; i < count; i++) {
        state.create(path(Integer.toString(i)));
      }
      assertThat(state.historyCapacity(KIND)).isEqualTo(count);
      for (int i = 0; i < count; i++) {
        Event event = next(watch);
        assertThat(event.type()).as("event %s", i).isEqualTo(CREATED);
        assertThat(event.pointer().id()).as("event %s", i).isEqualTo(Integer.toString(i));
      }
      assertThat(watch.poll(Duration.ofMillis(50))).isNull();
    }
  }

  @Test
  void theHistoryDoesNotGrowWithoutWatchers() {
    try (var state = new InMemoryState(new HistoryOptions(4, 4095, 5))) {
      assertThat(state.historyCapacity(KIND)).as("no collection yet").isZero();
      for (int i = 0; i < 100; i++) {
        state.create(path(Integer.toString(i)));
      }
      assertThat(state.historyCapacity(KIND)).isEqualTo(4);
      assertThat(state.list(KIND)).hasSize(100);
    }
  }

  @Test
  void bookmarksExpireOnceTheHistoryMovesPastThem() throws InterruptedException {
    try (var state = new InMemoryState(new HistoryOptions(4, 4, 1))) {
      var bookmarks = new ArrayList<Bookmark>();
      try (Watch watch = state.watchKind(KIND)) {
        for (int i = 0; i < 10; i++) {
          state.create(path(Integer.toString(i)));
          bookmarks.add(next(watch).bookmark());
        }
      }
      // 10 events in a history of 4 with a gap of 1: replay may start at most 3 events back, after position 6
      for (int p : List.of(0, 5, 6)) {
        assertThatThrownBy(() -> state.watchKind(KIND, WatchKindOptions.DEFAULT.from(bookmarks.get(p))))
            .as("bookmark %s", p).isInstanceOf(StateException.InvalidBookmark.class);
      }
      assertThatThrownBy(() -> state.watch(PATHS.pointer("0"), WatchOptions.from(bookmarks.getFirst())))
          .isInstanceOf(StateException.InvalidBookmark.class);
      try (Watch resumed = state.watchKind(KIND, WatchKindOptions.DEFAULT.from(bookmarks.get(7)))) {
        assertThat(next(resumed).pointer().id()).isEqualTo("8");
        assertThat(next(resumed).pointer().id()).isEqualTo("9");
      }
      assertThat(state.watchers()).isZero();
    }
  }

  @Test
  void bookmarksOfAnotherStoreAreRejected() throws InterruptedException {
    try (var first = new InMemoryState(); var second = new InMemoryState()) {
      Bookmark foreign;
      try (Watch watch = first.watchKind(KIND)) {
        first.create(path("a"));
        foreign = next(watch).bookmark();
      }
      second.create(path("a"));
      second.create(path("b"));
      assertThatThrownBy(() -> second.watchKind(KIND, WatchKindOptions.DEFAULT.from(foreign)))
          .isInstanceOf(StateException.InvalidBookmark.class).hasMessageContaining("another store");
      assertThat(second.watchers()).isZero();
    }
  }

  @Test
  void tailsAreCappedByTheHistoryMinusTheGap() throws InterruptedException {
    try (var state = new InMemoryState(new HistoryOptions(8, 8, 2))) {
      for (int i = 0; i < 20; i++) {
        state.create(path(Integer.toString(i)));
      }
      try (Watch tail = state.watchKind(KIND, WatchKindOptions.DEFAULT.withTailEvents(1000))) {
        for (int i = 14; i < 20; i++) {
          assertThat(next(tail).pointer().id()).isEqualTo(Integer.toString(i));
        }
        assertThat(tail.poll(Duration.ofMillis(50))).isNull();
      }
      try (Watch old = state.watch(PATHS.pointer("3"), WatchOptions.tail(5))) {
        assertThat(old.poll(Duration.ofMillis(50))).as("its events left the history").isNull();
      }
    }
  }

  @Test
  void metricsCountResourcesAndWatchersPerNamespaceAndType() {
    var registry = new SimpleMeterRegistry();
    try (var state = new InMemoryState()) {
      state.create(path("before-binding"));
      state.bindTo(registry);
      ResourcePointer other = PATHS.pointer("other", "after-binding");
      state.create(Resource.of(PATHS, "other", "after-binding", PathSpec.empty()));

      assertThat(gauge(registry, "spindle.state.resources", "default")).isEqualTo(1);
      assertThat(gauge(registry, "spindle.state.resources", "other")).isEqualTo(1);
      assertThat(gauge(registry, "spindle.state.watchers", "default")).isZero();

      try (Watch a = state.watchKind(KIND); Watch b = state.watch(PATHS.pointer("x"))) {
        assertThat(gauge(registry, "spindle.state.watchers", "default")).isEqualTo(2);
        assertThat(gauge(registry, "spindle.state.watchers", "other")).isZero();
        state.create(path("second"));
        assertThat(gauge(registry, "spindle.state.resources", "default")).isEqualTo(2);
      }
      assertThat(gauge(registry, "spindle.state.watchers", "default")).isZero();
      state.destroy(other);
      assertThat(gauge(registry, "spindle.state.resources", "other")).isZero();
    }
  }

  private static double gauge(SimpleMeterRegistry registry, String name, String namespace) {
    return registry.get(name).tags("namespace", namespace, "type", PATHS.type()).gauge().value();
  }

  @Test
  void watchersAreCountedUntilClosed() throws InterruptedException {
    try (var state = new InMemoryState()) {
      assertThat(state.watchers()).isZero();
      Watch kind = state.watchKind(KIND, WatchKindOptions.bootstrap());
      Watch single = state.watch(PATHS.pointer("x"));
      Watch otherNamespace = state.watchKind(PATHS.kind("other"));
      assertThat(state.watchers()).isEqualTo(3);
      kind.close();
      assertThat(state.watchers()).isEqualTo(2);
      single.close();
      otherNamespace.close();
      otherNamespace.close();
      assertThat(state.watchers()).isZero();
    }
  }

  @Test
  void closingTheStoreEndsEveryWatchButKeepsTheStoreUsable() throws InterruptedException {
    var state = new InMemoryState();
    Watch kind = state.watchKind(KIND);
    Watch single = state.watch(PATHS.pointer("x"));
    state.close();
    assertThat(state.watchers()).isZero();
    assertThatThrownBy(kind::next).isInstanceOf(Watch.ClosedException.class);
    assertThatThrownBy(single::next).isInstanceOf(Watch.ClosedException.class);

    try (Watch fresh = state.watchKind(KIND)) {
      state.create(path("x"));
      assertThat(next(fresh).type()).isEqualTo(CREATED);
    }
  }

  @Test
  void timestampsComeFromTheClock() {
    var now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    InstantSource clock = now::get;
    try (var state = new InMemoryState(clock, HistoryOptions.DEFAULT)) {
      Resource<PathSpec> created = state.create(path("clocked"));
      assertThat(created.metadata().created()).isEqualTo(now.get());
      assertThat(created.metadata().updated()).isEqualTo(now.get());

      Instant later = now.updateAndGet(t -> t.plusSeconds(60));
      Resource<PathSpec> stale = created.withMetadata(md -> md.withTimes(Instant.EPOCH, Instant.EPOCH));
      Resource<PathSpec> updated = state.update(stale);
      assertThat(updated.metadata().created()).as("created is kept").isEqualTo(created.metadata().created());
      assertThat(updated.metadata().updated()).isEqualTo(later);
      assertThat(state.addFinalizers(created.pointer(), "f").metadata().updated()).isEqualTo(later);
    }
  }
}
