package dev.spindle.benchmarks;

import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.state.Event;
import dev.spindle.runtime.state.EventType;
import dev.spindle.runtime.state.HistoryOptions;
import dev.spindle.runtime.state.InMemoryState;
import dev.spindle.runtime.state.UpdateOptions;
import dev.spindle.runtime.state.Watch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Updates per second delivered to every one of 16 kind watchers. One writer (the benchmark thread) writes a batch of
 * {@value #BATCH} updates per invocation and then waits, on a per-batch {@link CountDownLatch}, until each of the 16
 * watchers has consumed through the last update of the batch; the score counts updates (not invocations), so it is
 * the rate at which updates reach all watchers. Each watcher drains its {@code watchKind} with
 * {@link Watch#nextBatch} on its own thread (virtual or platform, see {@link #threads}).
 *
 * <p>The history holds at most {@code 16 × BATCH} events (it starts at {@code 4 × BATCH}), so a watcher cannot be
 * overrun while the writer waits for it at the end of each batch; an {@code ERRORED} event fails the benchmark.
 *
 * <p>Target: at least 300,000 updates/s delivered to all 16 watchers.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"}) // a fixed heap: no resizing during the run
@Threads(1)
@State(Scope.Benchmark)
public class WatchFanOutBenchmark {
  static final int BATCH = 1000;
  static final int WATCHERS = 16;
  static final int RESOURCES = 100;
  private static final Duration STUCK = Duration.ofSeconds(30);

  /** The watchers' threads: {@code virtual} (as the controller runtime uses) or {@code platform}. */
  @Param({"virtual", "platform"})
  public String threads;

  private InMemoryState state;
  private Resource<SampleSpec>[] current;
  private int next;
  private final List<Drainer> drainers = new ArrayList<>();
  private final List<Thread> drainerThreads = new ArrayList<>();
  private long written;
  private volatile Round round = new Round(0, new CountDownLatch(0));
  private volatile String failure;

  /** The end of one batch: the change count every watcher must reach, and the latch they count down when they do. */
  record Round(long target, CountDownLatch reached) {}

  @Setup
  @SuppressWarnings("unchecked")
  public void setUp() {
    state = new InMemoryState(new HistoryOptions(4 * BATCH, 16 * BATCH, 5));
    current = (Resource<SampleSpec>[]) new Resource<?>[RESOURCES];
    for (int i = 0; i < RESOURCES; i++) {
      current[i] = state.create(Resource.of(SampleSpec.DEFINITION, "sample-" + i, new SampleSpec("sample-" + i, i)));
    }
    // Watches start after the creates, with default options: each watcher sees exactly the updates written below.
    Thread.Builder builder = threads.equals("virtual") ? Thread.ofVirtual() : Thread.ofPlatform().daemon();
    for (int w = 0; w < WATCHERS; w++) {
      var drainer = new Drainer(state.watchKind(SampleSpec.DEFINITION.kind()));
      drainers.add(drainer);
      drainerThreads.add(builder.name("fan-out-watcher-" + w).start(drainer));
    }
  }

  @TearDown
  public void tearDown() throws InterruptedException {
    for (Drainer d : drainers) {
      d.watch.close();
    }
    for (Thread t : drainerThreads) {
      t.join(STUCK);
    }
    if (failure != null) {
      throw new IllegalStateException("a watcher failed: " + failure);
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void updateAndDeliverToAll() throws InterruptedException {
    written += BATCH;
    var r = new Round(written, new CountDownLatch(WATCHERS));
    round = r; // published before the batch's writes, so a watcher that consumes the last one sees this round
    for (int n = 0; n < BATCH; n++) {
      int i = next;
      next = i + 1 == RESOURCES ? 0 : i + 1;
      current[i] = state.update(current[i], UpdateOptions.DEFAULT);
    }
    if (!r.reached().await(STUCK.toSeconds(), TimeUnit.SECONDS)) {
      throw new IllegalStateException("watchers did not consume batch ending at " + written + " within " + STUCK
          + " (" + r.reached().getCount() + " behind)" + (failure != null ? ": " + failure : ""));
    }
    if (failure != null) {
      throw new IllegalStateException("a watcher failed: " + failure);
    }
  }

  /** Drains one watch; after each batch of events, counts the current round down once it has consumed through it. */
  private final class Drainer implements Runnable {
    final Watch watch;
    private long consumed;
    private Round counted;

    Drainer(Watch watch) {
      this.watch = watch;
    }

    @Override
    public void run() {
      try {
        while (true) {
          for (Event e : watch.nextBatch(4 * BATCH)) {
            if (e.type() == EventType.ERRORED) {
              fail("ERRORED event: " + e.error());
              return;
            }
            if (e.type() != EventType.UPDATED) {
              fail("unexpected " + e.type() + " event " + e);
              return;
            }
            consumed++;
          }
          Round r = round;
          if (r != counted && consumed >= r.target()) {
            counted = r;
            r.reached().countDown();
          }
        }
      } catch (Watch.ClosedException | InterruptedException closed) {
        // tear-down
      }
    }

    private void fail(String why) {
      failure = why;
      CountDownLatch latch = round.reached();
      while (latch.getCount() > 0) {
        latch.countDown(); // wake the writer at once; it checks failure
      }
    }
  }
}
