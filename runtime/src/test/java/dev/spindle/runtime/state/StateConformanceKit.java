package dev.spindle.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceDefinition;
import dev.spindle.runtime.resource.ResourceKind;
import dev.spindle.runtime.resource.ResourcePointer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The harness of the {@link StateConformance} suite: the state under test (fresh per test), the namespace choice, and
 * helpers to expect events, compare resources the COSI way and run work concurrently. It holds no tests.
 *
 * <p>Namespaces are drawn from {@link #namespaces()} with a {@link Random} seeded per test; the seed is logged and can
 * be fixed with {@code -Dspindle.conformance.seed=N} to replay a failure.
 */
public abstract class StateConformanceKit {
  /** How long a test waits for each expected event (COSI waits 1 s; shared CI machines need a little more). */
  protected static final Duration EVENT_TIMEOUT = Duration.ofSeconds(2);
  /** How long a test listens to conclude that no event is coming. */
  protected static final Duration QUIET = Duration.ofMillis(200);
  /** How long a background task (a blocked call, a concurrent batch) may take. */
  protected static final Duration TASK_TIMEOUT = Duration.ofSeconds(10);
  protected static final ResourceDefinition<PathSpec> PATHS = PathSpec.DEFINITION;

  /** COSI equality ({@link Resource#sameAs}) as a comparator for AssertJ's {@code usingElementComparator}. */
  protected static final Comparator<Resource<?>> SAME = (a, b) -> a.sameAs(b) ? 0 : 1;
  /** COSI's {@code resourceEqualIgnoreVersion}. */
  protected static final Comparator<Resource<?>> SAME_IGNORING_VERSION = (a, b) -> a.sameContentAs(b) ? 0 : 1;

  private static final Logger LOG = LoggerFactory.getLogger(StateConformanceKit.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** The state under test, created by {@link #newState()} before each test. */
  protected State state;
  private Random random;
  private String testName;
  private ExecutorService executor;

  /** A fresh, empty state; called once before every test. */
  protected abstract State newState();

  /** The namespaces resources may land in; a test must pass for any assignment of namespaces to its resources. */
  protected List<String> namespaces() {
    return List.of("default");
  }

  /**
   * The number of events a live watcher may fall behind without being overrun. The suite never relies on more: the
   * concurrency test scales its load to it, and the tail and bookmark tests stay far below it (see
   * {@link #holdHistory}). Backends with small histories override it; what happens beyond it (overruns, growth) is
   * backend-specific and tested per backend.
   */
  protected int historyLimit() {
    return 1024;
  }

  /**
   * The number of watches currently open on {@code state}, if the backend can tell. When present the suite checks
   * after every test that every watch it opened, including the ones inside derived operations, was released.
   */
  protected OptionalInt openWatches(State state) {
    return OptionalInt.empty();
  }

  @BeforeEach
  protected final void createState(TestInfo info) {
    long seed = Long.getLong("spindle.conformance.seed", System.nanoTime());
    random = new Random(seed);
    String method = info.getTestMethod().map(m -> m.getName()).orElse("?");
    String display = info.getDisplayName();
    testName = getClass().getSimpleName() + "." + method + (display.startsWith(method) ? "" : " [" + display + "]");
    LOG.info("{}: namespaces {} seed {} (replay with -Dspindle.conformance.seed={})", testName, namespaces(), seed,
        seed);
    executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "state-conformance-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    state = newState();
  }

  @AfterEach
  protected final void releaseState() throws Exception {
    executor.shutdownNow();
    boolean stopped = executor.awaitTermination(TASK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    try {
      assertThat(stopped).as("background tasks of %s stopped", testName).isTrue();
      if (openWatches(state).isPresent()) {
        await("watches of " + testName + " released").atMost(EVENT_TIMEOUT)
            .until(() -> openWatches(state).orElse(0) == 0);
      }
    } finally {
      if (state instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
  }

  // ---- history and errors ------------------------------------------------------------------------------------

  /**
   * Opens a kind watch that the test never reads. A backend that sizes its history by its slowest watcher (the
   * in-memory store grows its history only while a live watcher would otherwise lose events) then keeps every later
   * event of the kind, up to {@link #historyLimit()}, so the tail and bookmark tests do not depend on the initial
   * history size. Close it with the test's other watches.
   */
  protected final Watch holdHistory(ResourceKind kind) {
    return state.watchKind(kind);
  }

  /** The exception {@code call} throws, which must be a {@code type}. */
  protected static <E extends Throwable> E thrown(Class<E> type, ThrowingCallable call) {
    Throwable t = catchThrowable(call);
    assertThat(t).as("expected a %s", type.getSimpleName()).isInstanceOf(type);
    return type.cast(t);
  }

  // ---- namespaces and resources --------------------------------------------------------------------------------

  /** A namespace picked at random from {@link #namespaces()}. */
  protected final String namespace() {
    List<String> all = namespaces();
    String ns = all.isEmpty() ? "default" : all.get(random.nextInt(all.size()));
    LOG.debug("{}: namespace {}", testName, ns);
    return ns;
  }

  /** A new (unstored) test resource in the given namespace. */
  protected static Resource<PathSpec> path(String namespace, String id) {
    return Resource.of(PATHS, namespace, id, PathSpec.empty());
  }

  /** A new (unstored) test resource in a random namespace. */
  protected final Resource<PathSpec> path(String id) {
    return path(namespace(), id);
  }

  protected final Resource<PathSpec> get(ResourcePointer pointer) {
    return PATHS.cast(state.get(pointer));
  }

  /** Sets a label through {@link State#updateWithConflicts}. */
  protected final Resource<PathSpec> label(ResourcePointer pointer, String key, String value) {
    return state.<PathSpec>updateWithConflicts(pointer, r -> r.withMetadata(md -> md.withLabel(key, value)));
  }

  protected final Resource<PathSpec> unlabel(ResourcePointer pointer, String key) {
    return state.<PathSpec>updateWithConflicts(pointer, r -> r.withMetadata(md -> md.withoutLabel(key)));
  }

  // ---- events ---------------------------------------------------------------------------------------------------

  /** The next event of the watch, failing the test if none arrives within {@link #EVENT_TIMEOUT}. */
  protected static Event expectEvent(Watch watch) throws InterruptedException {
    Event event = watch.poll(EVENT_TIMEOUT);
    if (event == null) {
      fail("expected an event within " + EVENT_TIMEOUT + " but none arrived");
    }
    return event;
  }

  /** Expects a change event of the given type whose resource is COSI-equal to {@code resource}. */
  protected static Event expect(Watch watch, EventType type, Resource<?> resource) throws InterruptedException {
    return assertEvent(expectEvent(watch), type, resource);
  }

  protected static Event assertEvent(Event event, EventType type, Resource<?> resource) {
    assertThat(event.type()).as("type of %s", event).isEqualTo(type);
    assertSame(event.resource(), resource);
    assertThat(event.pointer()).as("pointer of %s", event).isEqualTo(resource.pointer());
    return event;
  }

  /** Expects a marker event (BOOTSTRAPPED, NOOP) of the watched kind. */
  protected static Event expectMarker(Watch watch, EventType type, Resource<?> ofKind) throws InterruptedException {
    return assertMarker(expectEvent(watch), type, ofKind);
  }

  protected static Event assertMarker(Event event, EventType type, Resource<?> ofKind) {
    assertThat(event.type()).as("type of %s", event).isEqualTo(type);
    assertThat(event.pointer()).as("pointer of %s", event).isEqualTo(ofKind.metadata().kind().pointer(""));
    assertThat(event.resource()).as("resource of %s", event).isNull();
    assertThat(event.bookmark()).as("bookmark of %s", event).isNotNull();
    return event;
  }

  /** Asserts that no event arrives for {@link #QUIET}. Prefer a sentinel write where the test allows one. */
  protected static void expectNoEvent(Watch watch) throws InterruptedException {
    Event event = watch.poll(QUIET);
    assertThat(event).as("unexpected event").isNull();
  }

  protected static void assertSame(Resource<?> actual, Resource<?> expected) {
    assertThat(actual).as("resource").isNotNull();
    assertThat(actual.sameAs(expected)).as("expected %s%n  to equal %s (COSI equality)", actual, expected).isTrue();
  }

  /**
   * Reads a watch one event at a time or, when {@code aggregated}, in batches through {@link Watch#nextBatch}, the
   * counterpart of COSI's {@code WatchKindAggregated} flattening adapter.
   */
  protected final Events events(Watch watch, boolean aggregated) {
    return new Events(watch, aggregated);
  }

  protected final class Events {
    private final Watch watch;
    private final boolean aggregated;
    private final ArrayDeque<Event> buffered = new ArrayDeque<>();

    private Events(Watch watch, boolean aggregated) {
      this.watch = watch;
      this.aggregated = aggregated;
    }

    public Event next() throws InterruptedException {
      if (!aggregated) {
        return expectEvent(watch);
      }
      if (buffered.isEmpty()) {
        List<Event> batch = join(background(() -> watch.nextBatch(1000)), EVENT_TIMEOUT, "a batch of events");
        assertThat(batch).as("a batch").isNotEmpty();
        buffered.addAll(batch);
      }
      return buffered.poll();
    }

    public Event expect(EventType type, Resource<?> resource) throws InterruptedException {
      return assertEvent(next(), type, resource);
    }

    public Event expectMarker(EventType type, Resource<?> ofKind) throws InterruptedException {
      return assertMarker(next(), type, ofKind);
    }
  }

  // ---- concurrency -----------------------------------------------------------------------------------------------

  /** Runs a task on a platform thread of the test; it is interrupted when the test ends. */
  protected final <T> Future<T> background(Callable<T> task) {
    return executor.submit(task);
  }

  /** The task's result; fails the test (cancelling the task) if it takes longer than {@code timeout}. */
  protected static <T> T join(Future<T> future, Duration timeout, String what) throws InterruptedException {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new AssertionError("timed out after " + timeout + " waiting for " + what, e);
    } catch (ExecutionException e) {
      throw new AssertionError(what + " failed: " + e.getCause(), e.getCause());
    }
  }

  protected static <T> T join(Future<T> future, String what) throws InterruptedException {
    return join(future, TASK_TIMEOUT, what);
  }

  /** Starts all tasks at once (behind a gate) and returns their results in order; fails if any task fails. */
  protected final <T> List<T> concurrently(List<Callable<T>> tasks) throws InterruptedException {
    var gate = new CountDownLatch(1);
    var futures = new ArrayList<Future<T>>();
    for (Callable<T> task : tasks) {
      futures.add(background(() -> {
        gate.await();
        return task.call();
      }));
    }
    gate.countDown();
    var results = new ArrayList<T>();
    for (int i = 0; i < futures.size(); i++) {
      results.add(join(futures.get(i), "concurrent task " + i));
    }
    return results;
  }
}
