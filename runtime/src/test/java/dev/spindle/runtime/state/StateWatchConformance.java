package dev.spindle.runtime.state;

import static dev.spindle.runtime.state.EventType.BOOTSTRAPPED;
import static dev.spindle.runtime.state.EventType.CREATED;
import static dev.spindle.runtime.state.EventType.DESTROYED;
import static dev.spindle.runtime.state.EventType.NOOP;
import static dev.spindle.runtime.state.EventType.UPDATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.spindle.runtime.resource.LabelQuery;
import dev.spindle.runtime.resource.LabelTerm;
import dev.spindle.runtime.resource.Phase;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceKind;
import dev.spindle.runtime.resource.ResourceQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Conformance of live watches: single-resource and kind watches, bootstrap, label and id filters with transition
 * rewriting, ordering under concurrent writers, closing, and the watch-based derived operations (watchFor,
 * teardownAndDestroy). COSI cases T4, T5, T8, T9, T11, T12, T20 (watch part) and T22.
 */
public abstract class StateWatchConformance extends StateCrudConformance {

  /** T4 TestWatchKind. */
  @Test
  public void watchKindDeliversLaterChangesAndBootstrapsInListOrder() throws InterruptedException {
    checkWatchKind(false);
  }

  /** T5 TestWatchKindAggregated. */
  @Test
  public void watchKindAggregatedDeliversLaterChangesAndBootstrapsInListOrder() throws InterruptedException {
    checkWatchKind(true);
  }

  private void checkWatchKind(boolean aggregated) throws InterruptedException {
    String ns = namespace();
    Resource<PathSpec> p1 = state.create(path(ns, "var/db/" + aggregated));
    ResourceKind kind = p1.metadata().kind();
    try (Watch watch = state.watchKind(kind)) {
      Events ch = events(watch, aggregated);
      Resource<PathSpec> p2 = state.create(path(ns, "var/tmp/" + aggregated));
      ch.expect(CREATED, p2);

      assertThat(state.teardown(p1.pointer())).isTrue();
      Resource<PathSpec> torn = get(p1.pointer());
      state.destroy(p1.pointer());
      Event teardown = ch.expect(UPDATED, torn);
      assertSame(teardown.old(), p1);
      Event destroyed = ch.expect(DESTROYED, torn);
      assertThat(destroyed.old()).isNull();

      Resource<PathSpec> p2v2 = state.update(p2);
      Event unchanged = ch.expect(UPDATED, p2v2);
      assertThat(unchanged.resource().version()).isEqualTo(2);
      assertThat(unchanged.old().version()).isEqualTo(1);

      try (Watch bootstrap = state.watchKind(kind, WatchKindOptions.bootstrap())) {
        Events chB = events(bootstrap, aggregated);
        for (Resource<?> listed : state.list(kind)) {
          Event item = chB.expect(CREATED, listed);
          assertThat(item.bookmark()).as("bootstrap items carry no bookmark").isNull();
        }
        chB.expectMarker(BOOTSTRAPPED, p1);

        Resource<PathSpec> p2v3 = state.update(p2v2);
        assertThat(ch.expect(UPDATED, p2v3).resource().version()).isEqualTo(3);
        assertThat(chB.expect(UPDATED, p2v3).resource().version()).isEqualTo(3);
      }
    }
  }

  /** T8 TestWatchKindWithLabels. */
  @Test
  public void watchKindWithLabelQueriesBootstrapsFiltersAndRewritesTransitions() throws InterruptedException {
    checkWatchKindWithLabels(false);
  }

  /** T9 TestWatchKindAggregatedWithLabels. */
  @Test
  public void watchKindAggregatedWithLabelQueriesBootstrapsFiltersAndRewritesTransitions()
      throws InterruptedException {
    checkWatchKindWithLabels(true);
  }

  private void checkWatchKindWithLabels(boolean aggregated) throws InterruptedException {
    String ns = namespace();
    String l = "label/" + aggregated;
    String cm = "common/" + aggregated;
    String a = "app/" + aggregated;
    Resource<PathSpec> p1 = state.create(path(ns, "var/label1/" + aggregated)
        .withMetadata(md -> md.withLabels(Map.of(l, "label1", cm, "app"))));
    ResourceKind kind = p1.metadata().kind();
    var options = WatchKindOptions.bootstrap();
    try (Watch w1 = state.watchKind(kind, options.withQuery(ResourceQuery.labels(LabelTerm.equal(l, "label1"))));
        Watch wC = state.watchKind(kind, options.withQuery(ResourceQuery.labels(LabelTerm.exists(cm))));
        Watch wOr = state.watchKind(kind, options.withQuery(ResourceQuery.labels(LabelTerm.equal(l, "label2"))
            .or(LabelQuery.of(LabelTerm.equal(l, "label3")))))) {
      Events ch1 = events(w1, aggregated);
      Events chC = events(wC, aggregated);
      Events chOr = events(wOr, aggregated);

      Resource<PathSpec> p2 = state.create(path(ns, "var/label2/" + aggregated)
          .withMetadata(md -> md.withLabels(Map.of(l, "label2", cm, "app"))));
      Resource<PathSpec> p3 = state.create(path(ns, "var/label3/" + aggregated)
          .withMetadata(md -> md.withLabels(Map.of(l, "label3"))));

      ch1.expect(CREATED, p1);
      chC.expect(CREATED, p1);
      ch1.expectMarker(BOOTSTRAPPED, p1);
      chC.expectMarker(BOOTSTRAPPED, p1);
      chOr.expectMarker(BOOTSTRAPPED, p1);

      chC.expect(CREATED, p2);
      chOr.expect(CREATED, p2);
      chOr.expect(CREATED, p3);

      Resource<PathSpec> p3common = label(p3.pointer(), cm, "foo");
      Event startsMatching = chC.expect(CREATED, p3common);
      assertThat(startsMatching.old()).as("a synthetic create has no old state").isNull();
      chOr.expect(UPDATED, p3common);

      Resource<PathSpec> p1app = label(p1.pointer(), a, "app-awesome");
      for (Events ch : List.of(ch1, chC)) {
        Event updated = ch.expect(UPDATED, p1app);
        assertThat(updated.resource().metadata().labels()).containsKey(a);
        assertThat(updated.old().metadata().labels()).doesNotContainKey(a);
      }

      Resource<PathSpec> p1plain = unlabel(p1.pointer(), cm);
      Event stopsMatching = chC.expect(DESTROYED, p1plain);
      assertThat(stopsMatching.old()).as("a synthetic destroy has no old state").isNull();
      Event updated = ch1.expect(UPDATED, p1plain);
      assertThat(updated.resource().metadata().labels()).doesNotContainKey(cm);
      assertThat(updated.old().metadata().labels()).containsKey(cm);

      // p2 and p3 never reached ch1, p3's creation never reached chC: a write all three see comes next
      Resource<PathSpec> sentinel = state.create(path(ns, "var/sentinel/" + aggregated)
          .withMetadata(md -> md.withLabels(Map.of(l, "label1", cm, "x"))));
      ch1.expect(CREATED, sentinel);
      chC.expect(CREATED, sentinel);
      state.destroy(p3.pointer());
      chOr.expect(DESTROYED, p3common);
    }
  }

  @Test
  public void updatesThatStartOrStopMatchingArriveAsCreatedOrDestroyed() throws InterruptedException {
    String ns = namespace();
    Resource<PathSpec> a = state.create(path(ns, "transitions/a"));
    ResourceKind kind = a.metadata().kind();
    try (Watch gold = state.watchKind(kind, WatchKindOptions.DEFAULT.withQuery(
        ResourceQuery.labels(LabelTerm.equal("tier", "gold"))))) {
      Resource<PathSpec> starts = label(a.pointer(), "tier", "gold");
      Event created = expect(gold, CREATED, starts);
      assertThat(created.old()).isNull();
      assertThat(created.resource().version()).isEqualTo(2);

      Resource<PathSpec> stays = label(a.pointer(), "other", "x");
      assertSame(expect(gold, UPDATED, stays).old(), starts);

      Resource<PathSpec> stops = label(a.pointer(), "tier", "silver");
      Event destroyed = expect(gold, DESTROYED, stops);
      assertThat(destroyed.old()).isNull();
      assertThat(destroyed.resource().metadata().labels()).containsEntry("tier", "silver");

      label(a.pointer(), "other", "y"); // matches neither before nor after: dropped
      state.destroy(a.pointer()); // does not match: dropped
      Resource<PathSpec> b = state.create(path(ns, "transitions/b").withMetadata(md -> md.withLabel("tier", "gold")));
      expect(gold, CREATED, b);
    }
  }

  /** T20 TestIDQuery (watch part). */
  @Test
  public void watchKindWithIdQueryBootstrapsAndFiltersByIdRegex() throws InterruptedException {
    String ns = namespace();
    var created = new ArrayList<Resource<PathSpec>>();
    for (int i = 0; i < 10; i++) {
      created.add(state.create(path(ns, "idquery/path" + i)));
    }
    ResourceKind kind = created.getFirst().metadata().kind();
    try (Watch watch = state.watchKind(kind,
        WatchKindOptions.bootstrap().withQuery(ResourceQuery.ids("^idquery/.+[2-4]$")))) {
      for (int i = 2; i <= 4; i++) {
        expect(watch, CREATED, created.get(i));
      }
      expectMarker(watch, BOOTSTRAPPED, created.getFirst());
      for (Resource<PathSpec> r : created) {
        state.destroy(r.pointer());
      }
      for (int i = 2; i <= 4; i++) {
        expect(watch, DESTROYED, created.get(i));
      }
      Resource<PathSpec> sentinel = state.create(path(ns, "idquery/path3"));
      expect(watch, CREATED, sentinel);
    }
  }

  @Test
  public void watchKindBootstrapOfAnEmptyKindIsJustBootstrapped() throws InterruptedException {
    Resource<PathSpec> r = path("bootstrap/empty");
    try (Watch watch = state.watchKind(r.metadata().kind(), WatchKindOptions.bootstrap())) {
      expectMarker(watch, BOOTSTRAPPED, r);
      Resource<PathSpec> created = state.create(r);
      assertThat(expect(watch, CREATED, created).bookmark()).isNotNull();
    }
  }

  @Test
  public void watchKindBootstrapBookmarkSendsNoopAfterTheBootstrap() throws InterruptedException {
    String ns = namespace();
    Resource<PathSpec> a = state.create(path(ns, "noop/a"));
    Resource<PathSpec> b = state.create(path(ns, "noop/b"));
    ResourceKind kind = a.metadata().kind();
    try (Watch noop = state.watchKind(kind, WatchKindOptions.DEFAULT.withBootstrapBookmark());
        Watch both = state.watchKind(kind, WatchKindOptions.bootstrap().withBootstrapBookmark())) {
      Event marker = expectMarker(noop, NOOP, a);

      expect(both, CREATED, a);
      expect(both, CREATED, b);
      Event bootstrapped = expectMarker(both, BOOTSTRAPPED, a);
      Event afterBootstrap = expectMarker(both, NOOP, a);
      assertThat(afterBootstrap.bookmark()).isEqualTo(bootstrapped.bookmark()).isEqualTo(marker.bookmark());

      Resource<PathSpec> c = state.create(path(ns, "noop/c"));
      expect(noop, CREATED, c);
      expect(both, CREATED, c);
    }
  }

  /** T12 TestWatch. */
  @Test
  public void watchDeliversTheCurrentStateThenEveryChangeOfTheResource() throws InterruptedException {
    String ns = namespace();
    Resource<PathSpec> p = path(ns, "tmp/two");
    try (Watch watch = state.watch(p.pointer())) {
      Event initial = expectEvent(watch);
      assertThat(initial.type()).isEqualTo(DESTROYED);
      assertThat(initial.pointer()).isEqualTo(p.pointer());
      assertThat(initial.resource()).as("a resource that does not exist yet").isNull();

      Resource<PathSpec> created = state.create(p);
      state.create(path(ns, "tmp/other")); // another id of the same kind: not delivered
      expect(watch, CREATED, created);

      assertThat(state.teardown(p.pointer())).isTrue();
      Event torn = expect(watch, UPDATED, get(p.pointer()));
      assertThat(torn.resource().metadata().phase()).isEqualTo(Phase.TEARING_DOWN);
      assertThat(torn.old().metadata().phase()).isEqualTo(Phase.RUNNING);

      state.addFinalizers(p.pointer(), "A");
      expect(watch, UPDATED, get(p.pointer()));
      Resource<?> last = state.removeFinalizers(p.pointer(), "A");
      expect(watch, UPDATED, last);
      state.destroy(p.pointer());
      expect(watch, DESTROYED, last);
    }
  }

  @Test
  public void watchOfAnExistingResourceStartsWithItsCurrentState() throws InterruptedException {
    Resource<PathSpec> created = state.create(path("watch/existing"));
    Resource<PathSpec> updated = state.update(created);
    try (Watch watch = state.watch(created.pointer())) {
      Event initial = expect(watch, CREATED, updated);
      assertThat(initial.old()).isNull();
      Resource<PathSpec> next = state.update(updated);
      assertSame(expect(watch, UPDATED, next).old(), updated);
    }
  }

  /** T11 TestWatchFor. */
  @Test
  public void watchForReturnsTheFirstMatchingEventIncludingTheCurrentState() throws Exception {
    Resource<PathSpec> p = path("tmp/one");
    Duration timeout = TASK_TIMEOUT;
    Future<Event> created = background(() -> state.watchFor(p.pointer(), e -> e.type() == CREATED, timeout));
    Resource<PathSpec> stored = state.create(p);
    assertThat(join(created, "watchFor(CREATED)").resource().metadata()).hasToString(stored.metadata().toString());

    Event ready = state.watchFor(p.pointer(),
        e -> e.resource() != null && e.resource().metadata().finalizersEmpty(), EVENT_TIMEOUT);
    assertThat(ready.resource().metadata()).hasToString(stored.metadata().toString());

    Future<Event> tearingDown = background(() -> state.watchFor(p.pointer(),
        e -> e.resource() != null && e.resource().metadata().phase() == Phase.TEARING_DOWN, timeout));
    assertThat(state.teardown(p.pointer())).isTrue();
    Event torn = join(tearingDown, "watchFor(TEARING_DOWN)");
    assertThat(torn.resource().id()).isEqualTo(p.id());
    assertThat(torn.resource().metadata().phase()).isEqualTo(Phase.TEARING_DOWN);

    Future<Event> destroyed = background(() -> state.watchFor(p.pointer(), e -> e.type() == DESTROYED, timeout));
    state.addFinalizers(p.pointer(), "A");
    state.removeFinalizers(p.pointer(), "A");
    state.destroy(p.pointer());
    assertThat(join(destroyed, "watchFor(DESTROYED)").pointer()).isEqualTo(p.pointer());

    assertThatThrownBy(() -> state.watchFor(p.pointer(), e -> false, QUIET)).isInstanceOf(TimeoutException.class);
  }

  /** T22 TestTeardownAndDestroy. */
  @Test
  public void teardownAndDestroyWaitsUntilAnotherPartyRemovesItsFinalizer() throws Exception {
    Resource<PathSpec> r = path("tmp/4");
    try (Watch watch = state.watchKind(r.metadata().kind(), WatchKindOptions.bootstrap())) {
      Future<Integer> finalizerHolder = background(() -> {
        int removed = 0;
        while (true) {
          Event e;
          try {
            e = watch.next();
          } catch (Watch.ClosedException closed) {
            return removed;
          }
          if ((e.type() == CREATED || e.type() == UPDATED)
              && e.resource().metadata().phase() == Phase.TEARING_DOWN
              && e.resource().metadata().finalizers().contains("A")) {
            state.removeFinalizers(e.pointer(), "A");
            removed++;
          }
        }
      });
      state.create(r);
      state.addFinalizers(r.pointer(), "A");
      state.teardownAndDestroy(r.pointer(), "", TASK_TIMEOUT);
      assertThat(state.find(r.pointer())).isEmpty();
      watch.close();
      assertThat(join(finalizerHolder, "the finalizer holder")).isEqualTo(1);
    }
  }

  @Test
  public void teardownAndDestroyOfAResourceWithoutFinalizersDestroysAtOnceAndChecksTheOwner() throws Exception {
    Resource<PathSpec> r = state.create(path("teardown-and-destroy/ready"), "owner");
    assertThatThrownBy(() -> state.teardownAndDestroy(r.pointer(), "intruder", EVENT_TIMEOUT))
        .isInstanceOf(StateException.OwnerConflict.class);
    assertThat(get(r.pointer()).metadata().phase()).isEqualTo(Phase.RUNNING);
    state.teardownAndDestroy(r.pointer(), "owner", EVENT_TIMEOUT);
    assertThat(state.find(r.pointer())).isEmpty();
  }

  @Test
  public void teardownAndDestroyTimesOutWhileFinalizersRemain() {
    Resource<PathSpec> r = state.create(path("teardown-and-destroy/stuck"));
    state.addFinalizers(r.pointer(), "forever");
    assertThatThrownBy(() -> state.teardownAndDestroy(r.pointer(), "", QUIET))
        .isInstanceOf(TimeoutException.class);
    Resource<PathSpec> stuck = get(r.pointer());
    assertThat(stuck.metadata().phase()).isEqualTo(Phase.TEARING_DOWN);
    assertThat(stuck.metadata().finalizers()).containsExactly("forever");
  }

  @Test
  public void eventsOfConcurrentWritersArriveInOneOrderWithoutGaps() throws InterruptedException {
    int writers = 4;
    int updates = Math.max(1, Math.min(200, historyLimit() / writers - 1));
    String ns = namespace();
    ResourceKind kind = PATHS.kind(ns);
    try (Watch first = state.watchKind(kind); Watch second = state.watchKind(kind)) {
      var tasks = new ArrayList<Callable<Resource<PathSpec>>>();
      for (int w = 0; w < writers; w++) {
        String id = "concurrent/" + w;
        tasks.add(() -> {
          Resource<PathSpec> r = state.create(path(ns, id));
          for (int u = 0; u < updates; u++) {
            r = state.update(r.withSpec(new PathSpec("update " + u)));
          }
          return r;
        });
      }
      List<Resource<PathSpec>> finals = concurrently(tasks);

      int total = writers * (updates + 1);
      var versions = new HashMap<String, Long>();
      var order = new ArrayList<String>(total);
      for (int i = 0; i < total; i++) {
        Event e = expectEvent(first);
        String id = e.pointer().id();
        long version = e.resource().version();
        long previous = versions.getOrDefault(id, 0L);
        assertThat(version).as("version of %s after %s (event %s)", id, previous, i).isEqualTo(previous + 1);
        assertThat(e.type()).isEqualTo(version == 1 ? CREATED : UPDATED);
        if (e.type() == UPDATED) {
          assertThat(e.old().version()).isEqualTo(version - 1);
        }
        versions.put(id, version);
        order.add(id + "@" + version);
      }
      for (Resource<PathSpec> r : finals) {
        assertThat(versions.get(r.id())).isEqualTo(r.version());
      }
      for (int i = 0; i < total; i++) {
        Event e = expectEvent(second);
        assertThat(e.pointer().id() + "@" + e.resource().version()).as("event %s of the second watch", i)
            .isEqualTo(order.get(i));
      }
    }
  }

  @Test
  public void aClosedWatchThrowsOnNextAndReturnsNullOnPoll() throws InterruptedException {
    Resource<PathSpec> r = state.create(path("closed/watch"));
    Watch kindWatch = state.watchKind(r.metadata().kind(), WatchKindOptions.bootstrap());
    Watch single = state.watch(r.pointer());
    try (kindWatch; single) {
      assertThat(single.isClosed()).isFalse();
      single.close();
      kindWatch.close();
      for (Watch watch : List.of(single, kindWatch)) {
        assertThat(watch.isClosed()).isTrue();
        assertThatThrownBy(watch::next).isInstanceOf(Watch.ClosedException.class);
        assertThatThrownBy(() -> watch.nextBatch(10)).isInstanceOf(Watch.ClosedException.class);
        assertThat(watch.poll(EVENT_TIMEOUT)).isNull();
      }
      state.update(r);
      assertThatThrownBy(single::next).isInstanceOf(Watch.ClosedException.class);
      assertThat(kindWatch.poll(QUIET)).isNull();
      single.close(); // closing twice is harmless
    }
  }

  @Test
  public void closingAWatchWakesABlockedReader() throws InterruptedException {
    Resource<PathSpec> r = path("closed/blocked");
    try (Watch forNext = state.watchKind(r.metadata().kind());
        Watch forPoll = state.watchKind(r.metadata().kind())) {
      var readers = new ConcurrentLinkedQueue<Thread>();
      Future<Event> next = background(() -> {
        readers.add(Thread.currentThread());
        return forNext.next();
      });
      Future<Event> poll = background(() -> {
        readers.add(Thread.currentThread());
        return forPoll.poll(TASK_TIMEOUT.multipliedBy(3));
      });
      await("both readers blocked").atMost(EVENT_TIMEOUT).until(() -> readers.size() == 2
          && readers.stream().allMatch(t -> t.getState() == Thread.State.WAITING
              || t.getState() == Thread.State.TIMED_WAITING));
      assertThat(next).isNotDone();
      assertThat(poll).isNotDone();

      forNext.close();
      forPoll.close();
      assertThatThrownBy(() -> join(next, EVENT_TIMEOUT, "next() after close()"))
          .hasCauseInstanceOf(Watch.ClosedException.class);
      assertThat(join(poll, EVENT_TIMEOUT, "poll() after close()")).as("poll() woken by close()").isNull();
    }
  }
}
