package dev.spindle.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.runtime.resource.LabelQuery;
import dev.spindle.runtime.resource.LabelTerm;
import dev.spindle.runtime.resource.Metadata;
import dev.spindle.runtime.resource.Phase;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceKind;
import dev.spindle.runtime.resource.ResourceQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Conformance of reads and writes: create/get/list/update/destroy, owners, phases, finalizers, label and id queries,
 * and the derived operations (updateWithConflicts, modify, teardown). COSI cases T1-T3, T10, T16-T20 (list part), T23,
 * T24, plus the refusals and no-op rules of cosi.md §2.
 */
public abstract class StateCrudConformance extends StateConformanceKit {

  /** T1 TestCRD. */
  @Test
  public void createGetListTeardownDestroyAndRecreate() {
    Resource<PathSpec> p1 = path("var/run");
    Resource<PathSpec> p2 = path("var/lib");

    assertThatThrownBy(() -> state.get(p1.pointer())).isInstanceOf(StateException.NotFound.class);
    assertThatThrownBy(() -> state.get(p2.pointer())).isInstanceOf(StateException.NotFound.class);
    assertThat(state.list(p1.metadata().kind())).isEmpty();
    assertThat(state.find(p1.pointer())).isEmpty();

    Resource<PathSpec> c1 = state.create(p1);
    Resource<PathSpec> c2 = state.create(p2);
    assertThat(c1.version()).isEqualTo(1);
    assertThat(c2.version()).isEqualTo(1);
    assertThat(state.get(p1.pointer()).metadata()).hasToString(c1.metadata().toString());
    assertThat(state.get(p2.pointer()).metadata()).hasToString(c2.metadata().toString());
    assertThat(state.get(p1.pointer()).metadata().toString()).endsWith("/var/run@1)");
    assertThat(state.find(p1.pointer())).hasValueSatisfying(r -> assertSame(r, c1));

    for (Resource<PathSpec> r : List.of(c1, c2)) {
      List<Resource<?>> listed = state.list(r.metadata().kind());
      if (c1.metadata().namespace().equals(c2.metadata().namespace())) {
        assertThat(listed).as("sorted by id").usingElementComparator(SAME).containsExactly(c2, c1);
      } else {
        assertThat(listed).usingElementComparator(SAME).containsExactly(r);
      }
    }

    var exists = thrown(StateException.AlreadyExists.class, () -> state.create(p1));
    assertThat(exists).isInstanceOf(StateException.Conflict.class);
    assertThat(exists.pointer()).isEqualTo(p1.pointer());

    assertThat(state.teardown(p1.pointer())).isTrue();
    state.destroy(p1.pointer());

    assertThatThrownBy(() -> state.teardown(p1.pointer())).isInstanceOf(StateException.NotFound.class);
    assertThatThrownBy(() -> state.destroy(p1.pointer())).isInstanceOf(StateException.NotFound.class);
    assertThatThrownBy(() -> state.get(p1.pointer())).isInstanceOf(StateException.NotFound.class);

    assertThat(state.list(p2.metadata().kind())).usingElementComparator(SAME).containsExactly(c2);
    assertThat(state.teardown(p2.pointer())).isTrue();

    // re-creating the stored object (version 1, its old timestamps) works: the store resets the version
    Resource<PathSpec> again = state.create(c1);
    assertThat(again.version()).isEqualTo(1);
    assertThat(again.metadata().phase()).isEqualTo(Phase.RUNNING);
  }

  /** T2 TestUpdateWithConflicts. */
  @Test
  public void updateWithConflictsAppliesTheChangeToTheStoredResource() {
    Resource<PathSpec> p = state.create(path("var/run/update"));
    Resource<PathSpec> updated = label(p.pointer(), "foo", "bar");
    assertThat(updated.metadata().labels()).containsEntry("foo", "bar");
    assertThat(updated.version()).isEqualTo(2);
    assertThat(p.metadata().labels()).doesNotContainKey("foo");
    assertSame(state.get(p.pointer()), updated);
  }

  /** T3 TestCRDWithOwners. */
  @Test
  public void ownersAreEnforcedOnUpdateTeardownAndDestroyButNotOnFinalizers() {
    Resource<PathSpec> p1 = state.create(path("owner1/var/run"), "owner1");
    Resource<PathSpec> p2 = state.create(path("owner2/var/lib"), "owner2");
    assertThat(state.get(p1.pointer()).metadata().owner()).isEqualTo("owner1");
    Resource<PathSpec> r = get(p2.pointer());
    assertThat(r.metadata().owner()).isEqualTo("owner2");

    var noOwner = thrown(StateException.OwnerConflict.class, () -> state.update(r));
    assertThat(noOwner.pointer()).isEqualTo(p2.pointer());
    assertThat(noOwner.owner()).isEqualTo("owner2");
    assertThat(noOwner.caller()).isEmpty();
    assertThatThrownBy(() -> state.update(r, UpdateOptions.owner("owner1")))
        .isInstanceOf(StateException.OwnerConflict.class);
    assertThat(state.update(r, UpdateOptions.owner("owner2")).version()).isEqualTo(2);

    assertThatThrownBy(() -> state.teardown(p1.pointer())).isInstanceOf(StateException.OwnerConflict.class);
    assertThat(state.teardown(p1.pointer(), "owner1")).isTrue();

    var wrongDestroyer = thrown(StateException.OwnerConflict.class,
        () -> state.destroy(p1.pointer(), "owner2"));
    assertThat(wrongDestroyer.pointer()).isEqualTo(p1.pointer());
    state.destroy(p1.pointer(), "owner1");

    assertThat(state.addFinalizers(p2.pointer(), "fin1").metadata().finalizers()).containsExactly("fin1");
    assertThat(state.removeFinalizers(p2.pointer(), "fin1").metadata().finalizers()).isEmpty();
    assertThat(get(p2.pointer()).metadata().owner()).isEqualTo("owner2");
  }

  @Test
  public void createRefusesAResourceThatNamesAnotherOwner() {
    Resource<PathSpec> p = path("owned/elsewhere");
    Resource<PathSpec> claimed = p.withMetadata(md -> md.withOwner("a"));
    var conflict = thrown(StateException.OwnerConflict.class, () -> state.create(claimed, "b"));
    assertThat(conflict.pointer()).isEqualTo(p.pointer());
    assertThat(state.find(p.pointer())).isEmpty();
    assertThat(state.create(claimed, "a").metadata().owner()).isEqualTo("a");
  }

  /** T18 TestUpdate. */
  @Test
  public void updateChecksExistenceVersionAndPhase() {
    Resource<PathSpec> p = path("tmp/path1");
    assertThatThrownBy(() -> state.update(p)).isInstanceOf(StateException.NotFound.class);

    Resource<PathSpec> v1 = state.create(p);
    assertThat(v1.version()).isNotEqualTo(p.version());
    assertThatThrownBy(() -> state.update(v1.withMetadata(md -> md.withVersion(0))))
        .isInstanceOf(StateException.VersionConflict.class);
    assertThatThrownBy(() -> state.update(v1.withMetadata(md -> md.withVersion(2))))
        .isInstanceOf(StateException.VersionConflict.class);
    assertThat(state.update(v1).version()).isEqualTo(2);

    state.teardown(p.pointer());
    Resource<PathSpec> torn = get(p.pointer());
    assertThatThrownBy(() -> state.update(torn)).isInstanceOf(StateException.PhaseConflict.class);
    Resource<PathSpec> updated = state.update(torn, UpdateOptions.DEFAULT.inPhase(Phase.TEARING_DOWN));
    assertThat(updated.version()).isEqualTo(torn.version() + 1);
    assertThat(updated.metadata().phase()).isEqualTo(Phase.TEARING_DOWN);
  }

  @Test
  public void updateOfAMissingResourceIsNotFound() {
    Resource<PathSpec> p = path("update/missing");
    var notFound = thrown(StateException.NotFound.class, () -> state.update(p));
    assertThat(notFound.pointer()).isEqualTo(p.pointer());
    state.create(path(p.metadata().namespace(), "update/other"));
    assertThat(thrown(StateException.NotFound.class, () -> state.update(p)).pointer()).isEqualTo(p.pointer());
  }

  @Test
  public void updateWithAStaleVersionIsAVersionConflict() {
    Resource<PathSpec> v1 = state.create(path("update/stale"));
    Resource<PathSpec> v2 = state.update(v1);
    var conflict = thrown(StateException.VersionConflict.class, () -> state.update(v1));
    assertThat(conflict).isInstanceOf(StateException.Conflict.class);
    assertThat(conflict.pointer()).isEqualTo(v1.pointer());
    assertThat(conflict.expected()).isEqualTo(1);
    assertThat(conflict.actual()).isEqualTo(2);
    var undefined = thrown(StateException.VersionConflict.class,
        () -> state.update(v2.withMetadata(md -> md.withVersion(Metadata.UNDEFINED_VERSION))));
    assertThat(undefined.expected()).isZero();
    assertThat(undefined.getMessage()).contains("\"undefined\"");
    assertThat(get(v1.pointer()).version()).isEqualTo(2);
  }

  @Test
  public void updateByAnotherOwnerIsAnOwnerConflict() {
    Resource<PathSpec> r = state.create(path("update/owned"), "controller-a");
    var conflict = thrown(StateException.OwnerConflict.class,
        () -> state.update(r, UpdateOptions.owner("controller-b")));
    assertThat(conflict).isInstanceOf(StateException.Conflict.class);
    assertThat(conflict.pointer()).isEqualTo(r.pointer());
    assertThat(conflict.owner()).isEqualTo("controller-a");
    assertThat(conflict.caller()).isEqualTo("controller-b");
    // the new resource's owner field is not what is checked: the stored owner is kept
    Resource<PathSpec> renamed = r.withMetadata(md -> md.withOwner("controller-b"));
    assertThat(state.update(renamed, UpdateOptions.owner("controller-a")).metadata().owner())
        .isEqualTo("controller-a");
  }

  @Test
  public void updateInTheWrongPhaseIsAPhaseConflict() {
    Resource<PathSpec> r = state.create(path("update/phase"));
    var running = thrown(StateException.PhaseConflict.class,
        () -> state.update(r, UpdateOptions.DEFAULT.inPhase(Phase.TEARING_DOWN)));
    assertThat(running).isInstanceOf(StateException.Conflict.class);
    assertThat(running.pointer()).isEqualTo(r.pointer());
    assertThat(running.actual()).isEqualTo(Phase.RUNNING);

    state.teardown(r.pointer());
    Resource<PathSpec> torn = get(r.pointer());
    var tearingDown = thrown(StateException.PhaseConflict.class, () -> state.update(torn));
    assertThat(tearingDown.pointer()).isEqualTo(r.pointer());
    assertThat(tearingDown.actual()).isEqualTo(Phase.TEARING_DOWN);
    assertThat(get(r.pointer()).version()).isEqualTo(torn.version());
    assertThat(state.update(torn, UpdateOptions.DEFAULT.anyPhase()).version()).isEqualTo(torn.version() + 1);
  }

  @Test
  public void updateAlwaysWritesEvenWithoutChanges() {
    Resource<PathSpec> v1 = state.create(path("update/same"));
    Resource<PathSpec> v2 = state.update(v1);
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.sameContentAs(v1)).isTrue();
    assertThat(v2.metadata().created()).isEqualTo(v1.metadata().created());
    Resource<PathSpec> v3 = state.update(v2.withSpec(new PathSpec("changed")));
    assertThat(v3.version()).isEqualTo(3);
    assertThat(get(v1.pointer()).spec()).isEqualTo(new PathSpec("changed"));
  }

  /** T17 TestTeardownDestroy. */
  @Test
  public void destroyWaitsForFinalizersAndTeardownReportsReadiness() {
    Resource<PathSpec> p = state.create(path("tmp/1"));
    state.addFinalizers(p.pointer(), "A");
    assertThatThrownBy(() -> state.destroy(p.pointer())).isInstanceOf(StateException.Conflict.class);
    assertThat(state.teardown(p.pointer())).isFalse();
    assertThat(state.teardown(p.pointer())).isFalse();
    assertThatThrownBy(() -> state.destroy(p.pointer())).isInstanceOf(StateException.Conflict.class);
    state.removeFinalizers(p.pointer(), "A");
    assertThat(state.teardown(p.pointer())).isTrue();
    state.destroy(p.pointer());
    assertThat(state.find(p.pointer())).isEmpty();
  }

  @Test
  public void destroyWithPendingFinalizersIsRefusedInAnyPhase() {
    Resource<PathSpec> p = state.create(path("destroy/pending"), "owner");
    state.addFinalizers(p.pointer(), "x", "y");
    var pending = thrown(StateException.PendingFinalizers.class,
        () -> state.destroy(p.pointer(), "owner"));
    assertThat(pending).isInstanceOf(StateException.Conflict.class);
    assertThat(pending.pointer()).isEqualTo(p.pointer());
    assertThat(pending.finalizers()).containsExactlyInAnyOrder("x", "y");

    assertThat(state.teardown(p.pointer(), "owner")).isFalse();
    assertThatThrownBy(() -> state.destroy(p.pointer(), "owner")).isInstanceOf(StateException.PendingFinalizers.class);
    state.removeFinalizers(p.pointer(), "x", "y");
    state.destroy(p.pointer(), "owner");
    assertThat(state.find(p.pointer())).isEmpty();
  }

  @Test
  public void destroyIsAllowedWhileRunning() {
    Resource<PathSpec> p = state.create(path("destroy/running"));
    state.destroy(p.pointer());
    assertThat(state.find(p.pointer())).isEmpty();
  }

  @Test
  public void teardownIsIdempotentAndSkipsTheOwnerCheckOnceTearingDown() {
    Resource<PathSpec> p = state.create(path("teardown/idempotent"), "owner");
    assertThat(state.teardown(p.pointer(), "owner")).isTrue();
    Resource<PathSpec> torn = get(p.pointer());
    assertThat(torn.metadata().phase()).isEqualTo(Phase.TEARING_DOWN);
    assertThat(torn.version()).isEqualTo(2);

    assertThat(state.teardown(p.pointer(), "owner")).isTrue();
    assertThat(state.teardown(p.pointer(), "someone-else")).isTrue();
    assertThat(get(p.pointer()).version()).as("repeated teardowns write nothing").isEqualTo(2);

    state.addFinalizers(p.pointer(), "f");
    assertThat(state.teardown(p.pointer(), "owner")).isFalse();
    assertThat(get(p.pointer()).version()).isEqualTo(3);
  }

  @Test
  public void addingPresentOrRemovingAbsentFinalizersWritesNothing() {
    Resource<PathSpec> p = state.create(path("finalizers/noop"), "owner");
    Resource<?> withA = state.addFinalizers(p.pointer(), "A", "B");
    assertThat(withA.version()).isEqualTo(2);
    assertThat(withA.metadata().finalizers()).containsExactly("A", "B");

    assertThat(state.addFinalizers(p.pointer(), "B", "A").version()).isEqualTo(2);
    assertThat(state.addFinalizers(p.pointer()).version()).isEqualTo(2);
    assertThat(state.removeFinalizers(p.pointer(), "C").version()).isEqualTo(2);
    assertThat(get(p.pointer()).version()).isEqualTo(2);

    // finalizers can change in any phase, by anyone
    state.teardown(p.pointer(), "owner");
    Resource<?> removed = state.removeFinalizers(p.pointer(), "A", "C");
    assertThat(removed.version()).isEqualTo(4);
    assertThat(removed.metadata().finalizers()).containsExactly("B");
    assertThat(removed.metadata().owner()).isEqualTo("owner");
    assertThatThrownBy(() -> state.addFinalizers(path("finalizers/missing").pointer(), "A"))
        .isInstanceOf(StateException.NotFound.class);
    assertThatThrownBy(() -> state.removeFinalizers(path("finalizers/missing").pointer(), "A"))
        .isInstanceOf(StateException.NotFound.class);
  }

  /** T10 TestConcurrentFinalizers. */
  @Test
  public void concurrentFinalizerChangesAllApply() throws InterruptedException {
    Resource<PathSpec> p = state.create(path("var/final"));
    var tasks = new ArrayList<Callable<Object>>();
    for (String f : List.of("A", "B", "C", "D", "E", "F", "G", "H")) {
      tasks.add(() -> state.addFinalizers(p.pointer(), f));
    }
    for (String f : List.of("A", "B", "C")) {
      tasks.add(() -> state.removeFinalizers(p.pointer(), f));
    }
    concurrently(tasks);
    var removals = new ArrayList<Callable<Object>>();
    for (String f : List.of("A", "B", "C")) {
      removals.add(() -> state.removeFinalizers(p.pointer(), f));
    }
    concurrently(removals);
    assertThat(get(p.pointer()).metadata().finalizers()).containsExactlyInAnyOrder("D", "E", "F", "G", "H");
  }

  /** T16 TestParallelDestroy. */
  @Test
  public void parallelDestroysSucceedOnceAndOtherwiseFindNothing() throws InterruptedException {
    String ns = namespaces().isEmpty() ? "default" : namespaces().getFirst();
    Resource<PathSpec> r = state.create(path(ns, "/"));
    var tasks = new ArrayList<Callable<Boolean>>();
    for (int i = 0; i < 10; i++) {
      tasks.add(() -> {
        try {
          state.destroy(r.pointer());
          return true;
        } catch (StateException.NotFound gone) {
          return false;
        }
      });
    }
    assertThat(concurrently(tasks)).containsOnlyOnce(true);
    assertThat(state.find(r.pointer())).isEmpty();
  }

  /** T19 TestLabels. */
  @Test
  public void listFiltersByLabelQueries() {
    String ns = namespace();
    Resource<PathSpec> p1 = state.create(path(ns, "labeled/app1").withMetadata(md -> md.withLabels(
        Map.of("app", "app1", "frozen", "", "weight", "10kg"))));
    Resource<PathSpec> p2 = state.create(path(ns, "labeled/app2").withMetadata(md -> md.withLabels(
        Map.of("app", "app2", "frozen", "", "weight", "20kg"))));
    Resource<PathSpec> p3 = state.create(path(ns, "labeled/app3").withMetadata(md -> md.withLabels(
        Map.of("app", "app3"))));
    assertThat(state.get(p1.pointer()).metadata().labels()).containsEntry("app", "app1");
    ResourceKind kind = p1.metadata().kind();

    assertListed(kind, ResourceQuery.labels(LabelTerm.exists("frozen")), p1, p2);
    assertListed(kind, ResourceQuery.labels(LabelTerm.exists("frozen"), LabelTerm.equal("app", "app2")), p2);
    assertListed(kind, ResourceQuery.labels(LabelTerm.exists("frozen"), LabelTerm.equal("app", "app3")));
    assertListed(kind, ResourceQuery.labels(LabelTerm.equal("app", "app3")), p3);
    assertListed(kind, ResourceQuery.labels(LabelTerm.in("app", "app2", "app3")), p2, p3);
    assertListed(kind, ResourceQuery.labels(LabelTerm.lessThanNumeric("weight", "12000")), p1);
    assertListed(kind, ResourceQuery.labels(LabelTerm.lessOrEqualNumeric("weight", "20000")), p1, p2);
    assertListed(kind, ResourceQuery.labels(LabelTerm.lessOrEqual("app", "app2")), p1, p2);
    assertListed(kind, ResourceQuery.labels(LabelTerm.lessThan("app", "app2")), p1);
    assertListed(kind, ResourceQuery.labels(LabelTerm.equal("app", "app2"))
        .or(LabelQuery.of(LabelTerm.equal("app", "app3"))), p2, p3);
  }

  @Test
  public void labelTermsFollowCosiSemantics() {
    String ns = namespace();
    Resource<PathSpec> p1 = state.create(path(ns, "terms/a").withMetadata(md -> md.withLabels(
        Map.of("app", "a", "frozen", "", "weight", "10kg"))));
    Resource<PathSpec> p2 = state.create(path(ns, "terms/b").withMetadata(md -> md.withLabels(
        Map.of("app", "b", "weight", "20kg"))));
    Resource<PathSpec> p3 = state.create(path(ns, "terms/c").withMetadata(md -> md.withLabels(Map.of("app", "c"))));
    ResourceKind kind = p1.metadata().kind();

    assertListed(kind, ResourceQuery.ALL, p1, p2, p3);
    assertListed(kind, ResourceQuery.labels(), p1, p2, p3);
    assertListed(kind, ResourceQuery.labels(LabelTerm.exists("frozen")), p1);
    assertListed(kind, ResourceQuery.labels(LabelTerm.notExists("frozen")), p2, p3);
    assertListed(kind, ResourceQuery.labels(LabelTerm.equal("frozen", "")), p1);
    assertListed(kind, ResourceQuery.labels(LabelTerm.notEqual("app", "a")), p2, p3);
    assertListed(kind, ResourceQuery.labels(LabelTerm.in("app", "a", "c", "z")), p1, p3);
    assertListed(kind, ResourceQuery.labels(LabelTerm.in("app", "a").inverted()), p2, p3);
    // 10kg = 10 000 and 20kg = 20 000; numbers compare as numbers, with units
    assertListed(kind, ResourceQuery.labels(LabelTerm.lessThanNumeric("weight", "20kg")), p1);
    assertListed(kind, ResourceQuery.labels(LabelTerm.lessThanNumeric("weight", "20001")), p1, p2);
    assertListed(kind, ResourceQuery.labels(LabelTerm.lessOrEqualNumeric("weight", "10kg")), p1);
    assertListed(kind, ResourceQuery.labels(LabelTerm.lessOrEqualNumeric("weight", "10000")), p1);
    assertListed(kind, ResourceQuery.labels(LabelTerm.lessThanNumeric("weight", "10000")));
    assertListed(kind, ResourceQuery.labels(LabelTerm.lessOrEqualNumeric("weight", "1m")), p1, p2);
    // strings compare byte-wise: "10kg" < "9" as strings although not as numbers
    assertListed(kind, ResourceQuery.labels(LabelTerm.lessThan("weight", "9")), p1, p2);
    assertListed(kind, ResourceQuery.labels(LabelTerm.lessThanNumeric("weight", "9")));
    assertListed(kind, ResourceQuery.labels(LabelTerm.lessOrEqual("app", "b")), p1, p2);
    // an ordering on a missing label, or on a number that does not parse, is undecidable: false even inverted
    assertListed(kind, ResourceQuery.labels(LabelTerm.lessThanNumeric("weight", "15000").inverted()), p2);
    assertListed(kind, ResourceQuery.labels(LabelTerm.lessThanNumeric("app", "15000").inverted()));
    // OR of queries, AND within a query
    assertListed(kind, ResourceQuery.labels(LabelTerm.exists("frozen"))
        .or(LabelQuery.of(LabelTerm.equal("app", "c"))), p1, p3);
    assertListed(kind, ResourceQuery.labels(LabelTerm.exists("weight"), LabelTerm.notExists("frozen")), p2);
  }

  /** T20 TestIDQuery (list part). */
  @Test
  public void listFiltersByIdRegexFoundAnywhereInTheId() {
    String ns = namespace();
    var created = new ArrayList<Resource<PathSpec>>();
    for (int i = 0; i < 10; i++) {
      created.add(state.create(path(ns, "idquery/path" + i)));
    }
    ResourceKind kind = created.getFirst().metadata().kind();
    assertListed(kind, ResourceQuery.ids("^idquery/.+[2-4]$"), created.get(2), created.get(3), created.get(4));
    // unanchored: the pattern only has to be found in the id
    assertListed(kind, ResourceQuery.ids("query/path[78]"), created.get(7), created.get(8));
    assertListed(kind, ResourceQuery.ids("^query"));
    // the id query and the label queries must both match
    Resource<PathSpec> labeled = label(created.get(3).pointer(), "pick", "yes");
    label(created.get(6).pointer(), "pick", "yes");
    assertListed(kind, ResourceQuery.labels(LabelTerm.exists("pick")).withIds("[2-4]$"), labeled);
  }

  /** T23 TestModify. */
  @Test
  public void modifyCreatesThenUpdatesAndRespectsThePhase() {
    Resource<PathSpec> p = path("var/run/modify");
    Resource<PathSpec> created = state.modify(p, r -> r.withMetadata(md -> md.withLabel("foo", "bar")),
        UpdateOptions.DEFAULT);
    assertThat(created.metadata().pointer()).isEqualTo(p.pointer());
    assertThat(created.version()).isEqualTo(1);
    assertThat(created.metadata().owner()).isEmpty();
    assertThat(created.metadata().labels()).containsEntry("foo", "bar");
    assertThat(state.get(p.pointer()).metadata().labels()).containsEntry("foo", "bar");

    Resource<PathSpec> unlabeled = state.modify(p, r -> r.withMetadata(md -> md.withoutLabel("foo")),
        UpdateOptions.DEFAULT);
    assertThat(unlabeled.metadata().labels()).isEmpty();
    assertThat(state.get(p.pointer()).metadata().labels()).isEmpty();

    assertThatThrownBy(() -> state.modify(p, r -> {
      throw new IllegalStateException("modify error");
    }, UpdateOptions.DEFAULT)).isInstanceOf(IllegalStateException.class).hasMessage("modify error");

    state.teardown(p.pointer());
    var phase = thrown(StateException.PhaseConflict.class,
        () -> state.modify(p, r -> r.withMetadata(md -> md.withLabel("foo", "bar")), UpdateOptions.DEFAULT));
    assertThat(phase.pointer()).isEqualTo(p.pointer());

    Resource<PathSpec> any = state.modify(p, r -> r.withMetadata(md -> md.withLabel("foo", "bar2")),
        UpdateOptions.DEFAULT.anyPhase());
    assertThat(any.metadata().phase()).isEqualTo(Phase.TEARING_DOWN);
    assertThat(any.metadata().labels()).containsEntry("foo", "bar2");
  }

  /** T24 TestModifyWithOwner. */
  @Test
  public void modifyWithAnOwnerCreatesOwnedAndRefusesOthers() {
    Resource<PathSpec> p = path("var/run/modify/owned");
    Resource<PathSpec> created = state.modify(p, r -> r, UpdateOptions.owner("owner"));
    assertThat(created.metadata().owner()).isEqualTo("owner");

    Resource<PathSpec> labeled = state.modify(p, r -> r.withMetadata(md -> md.withLabel("foo", "bar")),
        UpdateOptions.owner("owner"));
    assertThat(labeled.metadata().owner()).isEqualTo("owner");
    assertThat(labeled.metadata().labels()).containsEntry("foo", "bar");

    var conflict = thrown(StateException.OwnerConflict.class,
        () -> state.modify(p, r -> r.withMetadata(md -> md.withLabel("foo", "baz")), UpdateOptions.DEFAULT));
    assertThat(conflict.pointer()).isEqualTo(p.pointer());
    assertThat(get(p.pointer()).metadata().labels()).containsEntry("foo", "bar");
  }

  @Test
  public void noOpUpdateWithConflictsAndModifyWriteNothing() {
    Resource<PathSpec> v1 = state.create(path("noop/write"), "owner");
    // a no-op needs no owner: nothing is written
    Resource<PathSpec> same = state.updateWithConflicts(v1.pointer(), r -> r);
    assertThat(same.version()).isEqualTo(1);
    Resource<PathSpec> relabeled = state.<PathSpec>updateWithConflicts(v1.pointer(),
        r -> r.withMetadata(md -> md.withLabels(Map.of())));
    assertThat(relabeled.version()).isEqualTo(1);
    assertThat(state.modify(v1, r -> r, UpdateOptions.DEFAULT).version()).isEqualTo(1);
    assertThat(get(v1.pointer()).version()).isEqualTo(1);

    // but the phase is checked even for a no-op
    state.teardown(v1.pointer(), "owner");
    assertThatThrownBy(() -> state.updateWithConflicts(v1.pointer(), r -> r))
        .isInstanceOf(StateException.PhaseConflict.class);
    assertThat(state.updateWithConflicts(v1.pointer(), r -> r, UpdateOptions.DEFAULT.anyPhase()).version())
        .isEqualTo(2);
    assertThatThrownBy(() -> state.updateWithConflicts(path("noop/missing").pointer(), r -> r))
        .isInstanceOf(StateException.NotFound.class);
  }

  private void assertListed(ResourceKind kind, ResourceQuery query, Resource<?>... expected) {
    assertThat(state.list(kind, query)).as("list %s", query).usingElementComparator(SAME_IGNORING_VERSION)
        .containsExactly(expected);
  }
}
