package dev.spindle.runtime.state;

import static dev.spindle.runtime.state.EventType.BOOTSTRAPPED;
import static dev.spindle.runtime.state.EventType.CREATED;
import static dev.spindle.runtime.state.EventType.DESTROYED;
import static dev.spindle.runtime.state.EventType.NOOP;
import static dev.spindle.runtime.state.EventType.UPDATED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The conformance suite every {@link State} implementation must pass, modelled on COSI's {@code StateSuite}
 * ({@code pkg/state/conformance}). A backend subclasses it and implements {@link #newState()}; the optional hooks
 * ({@link #namespaces()}, {@link #historyLimit()}, {@link #openWatches(State)}) describe what it can guarantee or
 * observe. The suite is split by theme along the superclasses:
 *
 * <ul>
 *   <li>{@link StateCrudConformance}: reads, writes, owners, phases, finalizers, queries and the derived writes;
 *   <li>{@link StateWatchConformance}: live watches, filters, ordering, closing, watchFor and teardownAndDestroy;
 *   <li>this class: history replay, that is tail events, bookmarks and the requests a store must refuse.
 * </ul>
 *
 * <p>Behaviour that depends on how a backend sizes its history (overruns, growth) is tested per backend, not here.
 * COSI's TestContextWithTeardown (T21) has no counterpart: Spindle's State has no ContextWithTeardown.
 */
public abstract class StateConformance extends StateWatchConformance {

  /** A fresh, empty state of the backend under test; called before every test. */
  @Override
  protected abstract State newState();

  /** T6 TestWatchKindWithTailEvents. */
  @Test
  public void watchKindTailReplaysTheKindsRecentEvents() throws InterruptedException {
    checkWatchKindTail(false);
  }

  /** T7 TestWatchKindAggregatedWithTailEvents. */
  @Test
  public void watchKindAggregatedTailReplaysTheKindsRecentEvents() throws InterruptedException {
    checkWatchKindTail(true);
  }

  private void checkWatchKindTail(boolean aggregated) throws InterruptedException {
    Resource<PathSpec> r = path("res/watch-kind-with-tail-events/" + aggregated);
    ResourceKind kind = r.metadata().kind();
    var seen = new ArrayList<Event>();
    try (Watch watch = state.watchKind(kind)) {
      Resource<PathSpec> created = state.create(r);
      Resource<PathSpec> u1 = state.update(created);
      Resource<PathSpec> u2 = state.update(u1);
      state.teardown(r.pointer());
      Resource<PathSpec> torn = get(r.pointer());
      state.destroy(r.pointer());
      Events ch = events(watch, aggregated);
      seen.add(ch.expect(CREATED, created));
      seen.add(ch.expect(UPDATED, u1));
      seen.add(ch.expect(UPDATED, u2));
      seen.add(ch.expect(UPDATED, torn));
      seen.add(ch.expect(DESTROYED, torn));
    }
    try (Watch tail = state.watchKind(kind, WatchKindOptions.DEFAULT.withTailEvents(1000))) {
      Events chT = events(tail, aggregated);
      for (Event expected : seen) {
        Event replayed = chT.expect(expected.type(), expected.resource());
        assertThat(replayed.bookmark()).as("bookmark of replayed %s", replayed).isEqualTo(expected.bookmark());
      }
      Resource<PathSpec> again = state.create(r);
      chT.expect(CREATED, again);
    }
  }

  /** T13 TestWatchWithTailEvents. */
  @Test
  public void watchTailReplaysTheResourcesRecentEvents() throws InterruptedException {
    Resource<PathSpec> p = path("res/watch-with-tail-events");
    var seen = new ArrayList<Event>();
    try (Watch watch = state.watch(p.pointer())) {
      assertThat(expectEvent(watch).type()).isEqualTo(DESTROYED);
      Resource<PathSpec> created = state.create(p);
      state.create(path(p.metadata().namespace(), "res/unrelated"));
      assertThat(state.teardown(p.pointer())).isTrue();
      Resource<PathSpec> torn = get(p.pointer());
      Resource<?> finalized = state.addFinalizers(p.pointer(), "A");
      Resource<?> released = state.removeFinalizers(p.pointer(), "A");
      state.destroy(p.pointer());
      seen.add(expect(watch, CREATED, created));
      seen.add(expect(watch, UPDATED, torn));
      seen.add(expect(watch, UPDATED, finalized));
      seen.add(expect(watch, UPDATED, released));
      seen.add(expect(watch, DESTROYED, released));
    }
    try (Watch tail = state.watch(p.pointer(), WatchOptions.tail(1000))) {
      for (Event expected : seen) {
        Event replayed = expect(tail, expected.type(), expected.resource());
        assertThat(replayed.bookmark()).as("bookmark of replayed %s", replayed).isEqualTo(expected.bookmark());
      }
      Resource<PathSpec> again = state.create(p);
      expect(tail, CREATED, again);
    }
  }

  @Test
  public void tailCountsTheResourcesEventsForAWatchAndAllEventsForAKindWatch() throws InterruptedException {
    String ns = namespace();
    ResourceKind kind = PATHS.kind(ns);
    try (Watch history = holdHistory(kind)) {
      Resource<PathSpec> a = state.create(path(ns, "tail/a"));
      Resource<PathSpec> b = state.create(path(ns, "tail/b"));
      Resource<PathSpec> a2 = state.update(a);
      Resource<PathSpec> b2 = state.update(b);
      Resource<PathSpec> a3 = state.update(a2);
      try (Watch tailA = state.watch(a.pointer(), WatchOptions.tail(2));
          Watch tailB = state.watch(b.pointer(), WatchOptions.tail(2));
          Watch allA = state.watch(a.pointer(), WatchOptions.tail(1000));
          Watch tailKind = state.watchKind(kind, WatchKindOptions.DEFAULT.withTailEvents(2))) {
        Resource<PathSpec> a4 = state.update(a3);

        expect(tailA, UPDATED, a2);
        expect(tailA, UPDATED, a3);
        expect(tailA, UPDATED, a4);

        expect(tailB, CREATED, b);
        expect(tailB, UPDATED, b2);

        expect(allA, CREATED, a);
        expect(allA, UPDATED, a2);
        expect(allA, UPDATED, a3);
        expect(allA, UPDATED, a4);

        expect(tailKind, UPDATED, b2);
        expect(tailKind, UPDATED, a3);
        expect(tailKind, UPDATED, a4);

        Resource<PathSpec> b3 = state.update(b2);
        expect(tailB, UPDATED, b3);
        expect(tailKind, UPDATED, b3);
      }
    }
  }

  /** T14 TestWatchWithBookmarks. */
  @Test
  public void watchResumesJustAfterEachBookmark() throws InterruptedException {
    Resource<PathSpec> p = path("res/watch-with-bookmarks");
    var events = new ArrayList<Event>();
    try (Watch history = holdHistory(p.metadata().kind()); Watch watch = state.watch(p.pointer())) {
      Resource<PathSpec> created = state.create(p);
      assertThat(state.teardown(p.pointer())).isTrue();
      Resource<PathSpec> torn = get(p.pointer());
      Resource<?> finalized = state.addFinalizers(p.pointer(), "A");
      Resource<?> released = state.removeFinalizers(p.pointer(), "A");
      state.destroy(p.pointer());

      Event initial = expectEvent(watch);
      assertThat(initial.type()).isEqualTo(DESTROYED);
      events.add(initial);
      events.add(expect(watch, CREATED, created));
      events.add(expect(watch, UPDATED, torn));
      events.add(expect(watch, UPDATED, finalized));
      events.add(expect(watch, UPDATED, released));
      events.add(expect(watch, DESTROYED, released));
      for (Event e : events.subList(1, events.size())) {
        assertThat(e.bookmark()).as("bookmark of %s", e).isNotNull();
      }

      Resource<PathSpec> again = state.create(p);
      for (int i = 0; i < events.size(); i++) {
        if (events.get(i).bookmark() == null) {
          continue;
        }
        try (Watch resumed = state.watch(p.pointer(), WatchOptions.from(events.get(i).bookmark()))) {
          for (Event expected : events.subList(i + 1, events.size())) {
            assertThat(expect(resumed, expected.type(), expected.resource()).bookmark())
                .isEqualTo(expected.bookmark());
          }
          expect(resumed, CREATED, again);
        }
      }
    }
  }

  /** T15 TestWatchKindWithBookmarks. */
  @ParameterizedTest(name = "aggregated={0}, bootstrapContents={1}")
  @CsvSource({"false, false", "false, true", "true, false", "true, true"})
  public void watchKindResumesJustAfterEachBookmark(boolean aggregated, boolean bootstrapContents)
      throws InterruptedException {
    Resource<PathSpec> r = path("res/watch-kind-with-bookmarks/" + aggregated + "/" + bootstrapContents);
    ResourceKind kind = r.metadata().kind();
    try (Watch history = holdHistory(kind)) {
      Resource<PathSpec> created = state.create(r);
      var options = bootstrapContents ? WatchKindOptions.bootstrap() : WatchKindOptions.DEFAULT.withBootstrapBookmark();
      var recorded = new ArrayList<Event>();
      try (Watch watch = state.watchKind(kind, options)) {
        Resource<PathSpec> u1 = state.update(created);
        Resource<PathSpec> u2 = state.update(u1);
        assertThat(state.teardown(r.pointer())).isTrue();
        Resource<PathSpec> torn = get(r.pointer());
        state.destroy(r.pointer());

        Events ch = events(watch, aggregated);
        if (bootstrapContents) {
          Event item = ch.expect(CREATED, created);
          assertThat(item.bookmark()).as("bootstrap items carry no bookmark").isNull();
          recorded.add(item);
          recorded.add(ch.expectMarker(BOOTSTRAPPED, r));
        } else {
          recorded.add(ch.expectMarker(NOOP, r));
        }
        recorded.add(ch.expect(UPDATED, u1));
        recorded.add(ch.expect(UPDATED, u2));
        recorded.add(ch.expect(UPDATED, torn));
        recorded.add(ch.expect(DESTROYED, torn));
        assertThat(recorded).hasSize(bootstrapContents ? 6 : 5);
        for (Event e : recorded.subList(bootstrapContents ? 1 : 0, recorded.size())) {
          assertThat(e.bookmark()).as("bookmark of %s", e).isNotNull();
        }
      }

      Resource<PathSpec> again = state.create(r);
      for (int i = 0; i < recorded.size(); i++) {
        if (recorded.get(i).bookmark() == null) {
          continue;
        }
        try (Watch resumed = state.watchKind(kind, WatchKindOptions.DEFAULT.from(recorded.get(i).bookmark()))) {
          Events ch = events(resumed, aggregated);
          for (Event expected : recorded.subList(i + 1, recorded.size())) {
            ch.expect(expected.type(), expected.resource());
          }
          ch.expect(CREATED, again);
        }
      }
      state.destroy(r.pointer());
    }
  }

  @Test
  public void bootstrapBookmarksOfAnEmptyKindResumeFromTheFirstEvent() throws InterruptedException {
    String ns = namespace();
    ResourceKind kind = PATHS.kind(ns);
    Bookmark noop;
    Bookmark bootstrapped;
    try (Watch bookmarkOnly = state.watchKind(kind, WatchKindOptions.DEFAULT.withBootstrapBookmark());
        Watch bootstrap = state.watchKind(kind, WatchKindOptions.bootstrap())) {
      noop = expectMarker(bookmarkOnly, NOOP, path(ns, "x")).bookmark();
      bootstrapped = expectMarker(bootstrap, BOOTSTRAPPED, path(ns, "x")).bookmark();
    }
    Resource<PathSpec> first = state.create(path(ns, "empty/first"));
    Resource<PathSpec> second = state.create(path(ns, "empty/second"));
    for (Bookmark bookmark : List.of(noop, bootstrapped)) {
      try (Watch resumed = state.watchKind(kind, WatchKindOptions.DEFAULT.from(bookmark))) {
        expect(resumed, CREATED, first);
        expect(resumed, CREATED, second);
      }
    }
  }

  /** COSI TestWatchInvalidBookmark, plus malformed lengths. */
  @Test
  public void invalidBookmarksAreRejectedWhenTheWatchIsOpened() throws InterruptedException {
    Resource<PathSpec> r = path("bookmarks/invalid");
    ResourceKind kind = r.metadata().kind();
    Bookmark valid;
    try (Watch watch = state.watchKind(kind)) {
      state.create(r);
      valid = expectEvent(watch).bookmark();
    }
    Resource<PathSpec> updated = state.update(get(r.pointer()));
    try (Watch resumed = state.watchKind(kind, WatchKindOptions.DEFAULT.from(valid))) {
      expect(resumed, UPDATED, updated);
    }

    byte[] flipped = valid.bytes();
    flipped[0] ^= 0x01;
    byte[] bytes = valid.bytes();
    for (Bookmark invalid : List.of(Bookmark.of(flipped), Bookmark.of(Arrays.copyOf(bytes, bytes.length - 1)),
        Bookmark.of(Arrays.copyOf(bytes, bytes.length + 1)), Bookmark.of(new byte[0]))) {
      var kindError = thrown(StateException.InvalidBookmark.class,
          () -> state.watchKind(kind, WatchKindOptions.DEFAULT.from(invalid)).close());
      assertThat(kindError.pointer().kind()).isEqualTo(kind);
      var error = thrown(StateException.InvalidBookmark.class,
          () -> state.watch(r.pointer(), WatchOptions.from(invalid)).close());
      assertThat(error.pointer().kind()).isEqualTo(kind);
    }
  }

  @Test
  public void contradictoryWatchOptionsAreAnInvalidRequest() throws InterruptedException {
    Resource<PathSpec> r = path("watch/contradictory");
    ResourceKind kind = r.metadata().kind();
    Bookmark resumable;
    try (Watch watch = state.watchKind(kind)) {
      state.create(r);
      resumable = expectEvent(watch).bookmark();
    }

    var tailAndBookmark = thrown(StateException.InvalidRequest.class,
        () -> state.watch(r.pointer(), new WatchOptions(3, resumable)).close());
    assertThat(tailAndBookmark.pointer().kind()).isEqualTo(kind);
    for (WatchKindOptions options : List.of(
        WatchKindOptions.DEFAULT.withTailEvents(3).from(resumable),
        WatchKindOptions.bootstrap().withTailEvents(3),
        WatchKindOptions.bootstrap().from(resumable),
        WatchKindOptions.bootstrap().withBootstrapBookmark().withTailEvents(1))) {
      var error = thrown(StateException.InvalidRequest.class, () -> state.watchKind(kind, options).close());
      assertThat(error.pointer().kind()).as("pointer of the error for %s", options).isEqualTo(kind);
    }
  }
}
