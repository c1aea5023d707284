package dev.spindle.runtime.controller;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.spindle.runtime.resource.Phase;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.state.InMemoryState;
import dev.spindle.runtime.state.StateException;
import dev.spindle.runtime.testing.ControllerHarness;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ControllerRuntimeTest {
  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new IntToStrController());

  @Test
  void derivesOutputsFromInputsAndFollowsChanges() {
    h.create(IntSpec.DEFINITION, "one", new IntSpec(1));
    h.create(IntSpec.DEFINITION, "two", new IntSpec(2));
    h.awaitSpec(StrSpec.DEFINITION, "one", s -> assertThat(s.value()).isEqualTo("1"));
    h.awaitSpec(StrSpec.DEFINITION, "two", s -> assertThat(s.value()).isEqualTo("2"));

    h.updateSpec(IntSpec.DEFINITION, "two", new IntSpec(22));
    h.awaitSpec(StrSpec.DEFINITION, "two", s -> assertThat(s.value()).isEqualTo("22"));
    var out = h.state().get(StrSpec.DEFINITION, "two");
    assertThat(out.metadata().owner()).isEqualTo("controller.IntToStrController");
  }

  @Test
  void strongInputIsHeldByFinalizerUntilItsOutputIsDestroyed() throws Exception {
    h.create(IntSpec.DEFINITION, "three", new IntSpec(3));
    h.awaitResource(IntSpec.DEFINITION, "three",
        r -> assertThat(r.metadata().finalizers()).containsExactly(IntToStrController.FINALIZER));
    var input = IntSpec.DEFINITION.pointer("three");

    assertThat(h.state().teardown(input)).as("ready right after teardown").isFalse();
    h.state().teardownAndDestroy(input, "", Duration.ofSeconds(10));

    assertThat(h.state().find(input)).isEmpty();
    assertThat(h.state().find(StrSpec.DEFINITION.pointer("three"))).isEmpty();
  }

  @Test
  void outputHeldByAConsumerIsDestroyedOnlyAfterTheConsumerLetsGo() {
    h.create(IntSpec.DEFINITION, "four", new IntSpec(4));
    h.awaitSpec(StrSpec.DEFINITION, "four", s -> assertThat(s.value()).isEqualTo("4"));
    var output = StrSpec.DEFINITION.pointer("four");
    h.state().addFinalizers(output, "consumer");

    h.state().teardown(IntSpec.DEFINITION.pointer("four"));
    h.awaitResource(StrSpec.DEFINITION, "four",
        r -> assertThat(r.metadata().phase()).isEqualTo(Phase.TEARING_DOWN));
    assertThat(h.state().get(IntSpec.DEFINITION, "four").metadata().finalizers()).isNotEmpty();

    h.state().removeFinalizers(output, "consumer");
    h.awaitNoResource(output);
    h.awaitResource(IntSpec.DEFINITION, "four", r -> assertThat(r.metadata().finalizers()).isEmpty());
  }

  @Test
  void aBurstOfInputChangesCoalescesIntoFewReconciles() throws Exception {
    var reconciles = new AtomicInteger();
    var gate = new CountDownLatch(1);
    h.register(new TestController("SlowSum",
        Declaration.of(inputs(Input.weak(IntSpec.DEFINITION)), outputs(Output.shared(IntSpec.DEFINITION))),
        ctx -> {
          reconciles.incrementAndGet();
          gate.await();
          int sum = ctx.list(IntSpec.DEFINITION).stream().filter(r -> r.id().startsWith("burst-"))
              .mapToInt(r -> r.spec().value()).sum();
          ctx.put(Resource.of(IntSpec.DEFINITION, "sum", new IntSpec(sum)));
          return Result.done();
        }));
    await().until(() -> reconciles.get() == 1); // held in its first reconcile
    int burst = 1_000;
    for (int i = 0; i < burst; i++) {
      h.create(IntSpec.DEFINITION, "burst-" + i, new IntSpec(1));
    }
    gate.countDown();

    h.awaitSpec(IntSpec.DEFINITION, "sum", s -> assertThat(s.value()).isEqualTo(burst));
    assertThat(reconciles.get()).as("reconciles for %d input events", burst).isLessThanOrEqualTo(burst / 20);
    double triggers = h.registry().get("spindle.controller.triggers").tag("controller", "SlowSum").counter().count();
    assertThat(triggers).isGreaterThanOrEqualTo(burst);
  }

  @Test
  void failingReconcileIsRetriedWithGrowingBackoffAndRecovers() {
    var attempts = new java.util.concurrent.CopyOnWriteArrayList<Long>();
    h.register(new TestController("Flaky",
        Declaration.of(inputs(), outputs(Output.shared(IntSpec.DEFINITION))),
        ctx -> {
          attempts.add(System.nanoTime());
          if (attempts.size() <= 4) {
            throw new IllegalStateException("failure " + attempts.size());
          }
          ctx.put(Resource.of(IntSpec.DEFINITION, "flaky", new IntSpec(5)));
          return Result.done();
        }));

    h.awaitSpec(IntSpec.DEFINITION, "flaky", s -> assertThat(s.value()).isEqualTo(5));
    assertThat(attempts).hasSize(5);
    long firstGap = attempts.get(1) - attempts.get(0);
    long lastGap = attempts.get(4) - attempts.get(3);
    assertThat(lastGap).as("backoff grows: first gap %d ns, last gap %d ns", firstGap, lastGap)
        .isGreaterThan(firstGap);
    assertThat(h.registry().get("spindle.controller.errors").tag("controller", "Flaky").counter().count())
        .isEqualTo(4.0);
  }

  @Test
  void writesToUndeclaredOutputsAreRefusedNamingTheController() {
    var error = new AtomicReference<Exception>();
    h.register(new TestController("Sneaky",
        Declaration.of(inputs(), outputs(Output.exclusive(IntSpec.DEFINITION))),
        ctx -> {
          try {
            ctx.put(Resource.of(StrSpec.DEFINITION, "x", new StrSpec("x")));
          } catch (UndeclaredAccessException e) {
            error.set(e);
          }
          return Result.done();
        }));

    await().untilAsserted(() -> assertThat(error.get()).isNotNull());
    assertThat(error.get()).hasMessageContaining("\"Sneaky\"").hasMessageContaining("Strs.test.spindle.dev");
    assertThat(h.state().find(StrSpec.DEFINITION.pointer("x"))).isEmpty();
  }

  @Test
  void readsOfUndeclaredKindsAndFinalizersOnWeakInputsAreRefused() {
    var errors = new java.util.concurrent.CopyOnWriteArrayList<Exception>();
    h.create(StrSpec.DEFINITION, "weak", new StrSpec("w"));
    h.register(new TestController("Nosy",
        Declaration.of(inputs(Input.weak(StrSpec.DEFINITION)), outputs()),
        ctx -> {
          try {
            ctx.list(IntSpec.DEFINITION);
          } catch (UndeclaredAccessException e) {
            errors.add(e);
          }
          try {
            ctx.addFinalizers(StrSpec.DEFINITION.pointer("weak"), "nosy");
          } catch (UndeclaredAccessException e) {
            errors.add(e);
          }
          return Result.done();
        }));

    await().untilAsserted(() -> assertThat(errors).hasSizeGreaterThanOrEqualTo(2));
    assertThat(errors.get(0)).hasMessageContaining("\"Nosy\" read Ints.test.spindle.dev");
    assertThat(errors.get(1)).hasMessageContaining("strong input");
    assertThat(h.state().get(StrSpec.DEFINITION, "weak").metadata().finalizers()).isEmpty();
  }

  @Test
  void aSecondWriterOfAnExclusiveOutputIsRefusedNamingBoth() {
    var intruder = new TestController("Intruder",
        Declaration.of(inputs(), outputs(Output.shared(StrSpec.DEFINITION))), ctx -> Result.done());

    assertThatThrownBy(() -> h.register(intruder))
        .isInstanceOf(OutputConflictException.class)
        .hasMessageContaining("\"Intruder\"")
        .hasMessageContaining("\"controller.IntToStrController\"")
        .hasMessageContaining("Strs.test.spindle.dev");
    assertThat(h.runtime().controllers()).doesNotContain("Intruder");
  }

  @Test
  void sharedOutputsHaveOneOwnerPerResource() {
    var conflict = new AtomicReference<Exception>();
    h.register(new TestController("WriterA",
        Declaration.of(inputs(), outputs(Output.shared(IntSpec.DEFINITION))),
        ctx -> {
          ctx.put(Resource.of(IntSpec.DEFINITION, "a", new IntSpec(1)));
          return Result.done();
        }));
    h.awaitResource(IntSpec.DEFINITION, "a", r -> assertThat(r.metadata().owner()).isEqualTo("WriterA"));
    h.register(new TestController("WriterB",
        Declaration.of(inputs(), outputs(Output.shared(IntSpec.DEFINITION))),
        ctx -> {
          ctx.put(Resource.of(IntSpec.DEFINITION, "b", new IntSpec(2)));
          try {
            ctx.put(Resource.of(IntSpec.DEFINITION, "a", new IntSpec(99)));
          } catch (StateException.OwnerConflict e) {
            conflict.set(e);
          }
          return Result.done();
        }));

    h.awaitResource(IntSpec.DEFINITION, "b", r -> assertThat(r.metadata().owner()).isEqualTo("WriterB"));
    await().untilAsserted(() -> assertThat(conflict.get()).isNotNull());
    assertThat(h.state().get(IntSpec.DEFINITION, "a").spec().value()).isEqualTo(1);
  }

  @Test
  void untouchedOutputsAreCleanedUpWhenAsked() {
    h.register(new TestController("Mirror",
        Declaration.of(inputs(Input.weak(StrSpec.DEFINITION)),
            outputs(Output.exclusive(IntSpec.DEFINITION).cleanupUntouched())),
        ctx -> {
          for (var s : ctx.list(StrSpec.DEFINITION)) {
            ctx.put(Resource.of(IntSpec.DEFINITION, "mirror-" + s.id(), new IntSpec(s.spec().value().length())));
          }
          return Result.done();
        }));
    h.create(IntSpec.DEFINITION, "five", new IntSpec(55555));
    h.awaitSpec(IntSpec.DEFINITION, "mirror-five", s -> assertThat(s.value()).isEqualTo(5));
    h.state().addFinalizers(IntSpec.DEFINITION.pointer("mirror-five"), "reader");

    h.state().teardown(IntSpec.DEFINITION.pointer("five"));
    h.awaitResource(IntSpec.DEFINITION, "mirror-five",
        r -> assertThat(r.metadata().phase()).isEqualTo(Phase.TEARING_DOWN));
    h.state().removeFinalizers(IntSpec.DEFINITION.pointer("mirror-five"), "reader");
    h.awaitNoResource(IntSpec.DEFINITION.pointer("mirror-five"));
    assertThat(h.state().find(StrSpec.DEFINITION.pointer("five"))).isEmpty();
  }

  @Test
  void requeueAfterReconcilesAgainWithoutInputChanges() {
    var reconciles = new AtomicInteger();
    h.register(new TestController("Ticker", Declaration.of(inputs(), outputs()), ctx -> {
      reconciles.incrementAndGet();
      return Result.requeueAfter(Duration.ofMillis(10));
    }));

    await().atMost(Duration.ofSeconds(5)).until(() -> reconciles.get() >= 5);
  }

  @Test
  void metricsCountReconcilesAndRecordDurationAndLastSuccess() {
    h.create(IntSpec.DEFINITION, "m", new IntSpec(7));
    h.awaitSpec(StrSpec.DEFINITION, "m", s -> assertThat(s.value()).isEqualTo("7"));
    String name = "controller.IntToStrController";
    var registry = h.registry();

    await().untilAsserted(() -> {
      assertThat(registry.get("spindle.controller.reconciles").tag("controller", name).counter().count())
          .isGreaterThanOrEqualTo(2);
      assertThat(registry.get("spindle.controller.reconcile.duration").tag("controller", name).timer().count())
          .isGreaterThanOrEqualTo(2);
      assertThat(registry.get("spindle.controller.last.success").tag("controller", name).gauge().value())
          .isGreaterThan(0);
      assertThat(registry.get("spindle.state.resources").tag("type", "Strs.test.spindle.dev").gauge().value())
          .isEqualTo(1.0);
      assertThat(registry.get("spindle.state.watchers").tag("type", "Ints.test.spindle.dev").gauge().value())
          .isEqualTo(1.0);
    });
  }

  @Test
  void contextLoggerIsNamedAfterTheController() {
    var loggerName = new AtomicReference<String>();
    h.register(new TestController("Talker", Declaration.of(inputs(), outputs()), ctx -> {
      loggerName.set(ctx.logger().getName());
      return Result.done();
    }));

    await().untilAsserted(() -> assertThat(loggerName.get()).isEqualTo("spindle.controller.Talker"));
  }

  @Test
  void closingTheRuntimeStopsEveryThreadEvenMidReconcile() throws Exception {
    var state = new InMemoryState();
    var entered = new CountDownLatch(1);
    var runtime = new ControllerRuntime(state, new SimpleMeterRegistry(), RuntimeOptions.DEFAULT);
    runtime.register(new TestController("Stuck", Declaration.of(inputs(Input.weak(IntSpec.DEFINITION)), outputs()),
        ctx -> {
          entered.countDown();
          new CountDownLatch(1).await(); // blocks until interrupted by close()
          return Result.done();
        }));
    runtime.start();
    entered.await();

    runtime.close();
    assertThat(runtime.liveThreads()).isZero();
    assertThat(state.watchers()).isZero();
    assertThatThrownBy(() -> runtime.register(new IntToStrController())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theContextTriggerRequestsAReconcileFromAnyThread() throws Exception {
    var trigger = new AtomicReference<Trigger>();
    var reconciles = new AtomicInteger();
    h.register(new TestController("Listener", Declaration.of(inputs(), outputs()), ctx -> {
      trigger.compareAndSet(null, ctx.trigger());
      assertThat(ctx.trigger()).as("one trigger for the controller's lifetime").isSameAs(trigger.get());
      reconciles.incrementAndGet();
      return Result.done();
    }));
    await().until(() -> reconciles.get() == 1);

    Thread.ofVirtual().start(() -> trigger.get().fire()).join();
    await().until(() -> reconciles.get() == 2);
    Thread.ofVirtual().start(() -> trigger.get().fire()).join();
    await().until(() -> reconciles.get() == 3);
  }

  @Test
  void anAutoCloseableControllerIsClosedOnItsOwnThreadAfterItsLastReconcile() throws Exception {
    var state = new InMemoryState();
    var controller = new ClosingController();
    var runtime = new ControllerRuntime(state, new SimpleMeterRegistry(), RuntimeOptions.DEFAULT);
    runtime.register(controller);
    runtime.start();
    await().until(() -> controller.reconcileThread.get() != null);
    assertThat(controller.closeThread.get()).as("closed while running").isNull();

    runtime.close();
    assertThat(controller.closeThread.get()).isSameAs(controller.reconcileThread.get());
    assertThat(controller.closes.get()).isEqualTo(1);
  }

  /** Owns a pretend service: records the thread that reconciled it and the thread that closed it. */
  private static final class ClosingController implements Controller, AutoCloseable {
    final AtomicReference<Thread> reconcileThread = new AtomicReference<>();
    final AtomicReference<Thread> closeThread = new AtomicReference<>();
    final AtomicInteger closes = new AtomicInteger();

    @Override
    public Declaration declare() {
      return Declaration.of(inputs(), outputs());
    }

    @Override
    public Result reconcile(ReconcileContext ctx) {
      reconcileThread.set(Thread.currentThread());
      return Result.done();
    }

    @Override
    public void close() {
      closes.incrementAndGet();
      closeThread.set(Thread.currentThread());
    }
  }

  @Test
  void controllerNameIsDerivedFromPackageAndClass() {
    assertThat(new IntToStrController().name()).isEqualTo("controller.IntToStrController");
    assertThat(List.of(h.runtime().controllers().getFirst())).containsExactly("controller.IntToStrController");
  }
}
