package dev.spindle.benchmarks;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;

import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.ControllerRuntime;
import dev.spindle.runtime.controller.Declaration;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.controller.Output;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.controller.Result;
import dev.spindle.runtime.controller.RuntimeOptions;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceDefinition;
import dev.spindle.runtime.state.Event;
import dev.spindle.runtime.state.EventType;
import dev.spindle.runtime.state.InMemoryState;
import dev.spindle.runtime.state.Watch;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * End-to-end latency of a chain of three controllers: an input write, then {@code A: In → Mid1},
 * {@code B: Mid1 → Mid2}, {@code C: Mid2 → Out} (each copies the spec through {@link ReconcileContext#put}), then a
 * kind watcher on {@code Out} observing the result. A main class rather than JMH: it needs a paced open-loop load and
 * a latency distribution, not a throughput score.
 *
 * <p>Paced phase: one writer thread writes input changes at {@code --rate} per second (default 10,000) for
 * {@code --warmup} seconds (default 2, discarded) and then {@code --seconds} (default 10), rotating over {@code --ids}
 * input resources (default 1). Each change carries a sequence number and the {@link System#nanoTime()} of its write.
 * The pacer keeps a fixed schedule (change k is due at start + k × period) and catches up after a late wake-up, like
 * {@code scheduleAtFixedRate}; it parks rather than spins, so it leaves the CPUs to the engine.
 *
 * <p>Latency of change k: from its write to the moment the watcher on {@code Out} receives an output of the same id
 * carrying sequence k <em>or a later one</em>. Controllers are level-triggered and coalesce, so most sequence numbers
 * never reach the output themselves: a later value overtakes them, and that is when change k is reflected. Reported
 * as p50/p90/p99/p99.9/max (HdrHistogram), against the target p99 ≤ 1 ms at 10,000 changes/s.
 *
 * <p>Coalescing: the runtime's Micrometer counters {@code spindle.controller.triggers} and
 * {@code spindle.controller.reconciles} (tag {@code controller}) give the ratio of input changes to reconciles of each
 * controller, for the measured paced phase and for a burst of {@code --burst} changes (default 10,000) written as fast
 * as one thread can.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.spindle.benchmarks.ControllerChainLatency
 * [--rate 10000] [--seconds 10] [--warmup 2] [--ids 1] [--burst 10000]}.
 */
public final class ControllerChainLatency {
  /** The one spec of all four kinds: the input's sequence number and write time, and how many stages it went through. */
  public record ChainSpec(long seq, long writtenNanos, int stage) {}

  static final ResourceDefinition<ChainSpec> IN = definition("ChainInputs");
  static final ResourceDefinition<ChainSpec> MID1 = definition("ChainFirstStages");
  static final ResourceDefinition<ChainSpec> MID2 = definition("ChainSecondStages");
  static final ResourceDefinition<ChainSpec> OUT = definition("ChainOutputs");
  static final String A = "bench.ChainA";
  static final String B = "bench.ChainB";
  static final String C = "bench.ChainC";
  private static final long DRAIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

  private static ResourceDefinition<ChainSpec> definition(String plural) {
    return ResourceDefinition.of(ChainSpec.class, plural + ".bench.spindle.dev").column("Seq", "seq").build();
  }

  /** A trivial stage: for every resource of {@code in}, puts the same id in {@code out} with the spec carried on. */
  static final class Stage implements Controller {
    private final String name;
    private final ResourceDefinition<ChainSpec> in;
    private final ResourceDefinition<ChainSpec> out;

    Stage(String name, ResourceDefinition<ChainSpec> in, ResourceDefinition<ChainSpec> out) {
      this.name = name;
      this.in = in;
      this.out = out;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Declaration declare() {
      return Declaration.of(inputs(Input.weak(in)), outputs(Output.exclusive(out)));
    }

    @Override
    public Result reconcile(ReconcileContext ctx) {
      for (Resource<ChainSpec> r : ctx.list(in)) {
        ChainSpec s = r.spec();
        ctx.put(Resource.of(out, r.id(), new ChainSpec(s.seq(), s.writtenNanos(), s.stage() + 1)));
      }
      return Result.done();
    }
  }

  // ---- run parameters and per-change records ---------------------------------------------------------------------

  private final int rate;
  private final int ids;
  private final int warmupChanges;
  private final int measuredChanges;
  private final int burstChanges;
  private final long[] writtenAt;
  private final long[] dueAt;
  private final Histogram measured = histogram();
  private final Histogram measuredFromSchedule = histogram();
  private final Histogram burst = histogram();

  private final InMemoryState state = new InMemoryState();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Resource<ChainSpec>[] inputs;

  // written by the observer thread, read by the main thread after `accounted` says so
  private final AtomicLong accounted = new AtomicLong();
  private final AtomicLong outEvents = new AtomicLong();
  private volatile long lastObservedNanos;
  private volatile String failure;

  @SuppressWarnings("unchecked")
  ControllerChainLatency(int rate, int seconds, int warmupSeconds, int ids, int burstChanges) {
    this.rate = rate;
    this.ids = ids;
    this.warmupChanges = Math.multiplyExact(rate, warmupSeconds);
    this.measuredChanges = Math.multiplyExact(rate, seconds);
    this.burstChanges = burstChanges;
    int total = warmupChanges + measuredChanges + burstChanges;
    this.writtenAt = new long[total];
    this.dueAt = new long[total];
    this.inputs = (Resource<ChainSpec>[]) new Resource<?>[ids];
  }

  private static Histogram histogram() {
    return new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
  }

  public static void main(String[] args) throws Exception {
    int rate = 10_000;
    int seconds = 10;
    int warmupSeconds = 2;
    int ids = 1;
    int burst = 10_000;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1].replace("_", "") : null;
      switch (args[i]) {
        case "--rate" -> rate = Integer.parseInt(value);
        case "--seconds" -> seconds = Integer.parseInt(value);
        case "--warmup" -> warmupSeconds = Integer.parseInt(value);
        case "--ids" -> ids = Integer.parseInt(value);
        case "--burst" -> burst = Integer.parseInt(value);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + " (use --rate N --seconds N --warmup N --ids N --burst N)");
      }
      i++;
    }
    if (rate < 1 || seconds < 1 || warmupSeconds < 0 || ids < 1 || burst < 0) {
      throw new IllegalArgumentException("rate, seconds and ids must be positive; warmup and burst not negative");
    }
    new ControllerChainLatency(rate, seconds, warmupSeconds, ids, burst).run(System.out);
  }

  void run(PrintStream out) throws Exception {
    Machine.print(out);
    out.printf(Locale.ROOT, "chain In -> A -> Mid1 -> B -> Mid2 -> C -> Out -> watcher; %d input id(s); paced %,d "
        + "changes/s, %d s warm-up + %d s measured; burst %,d changes%n", ids, rate, warmupChanges / rate,
        measuredChanges / rate, burstChanges);

    for (int j = 0; j < ids; j++) {
      // the seed values carry negative sequence numbers, which the observer ignores
      inputs[j] = state.create(Resource.of(IN, "link-" + j, new ChainSpec(j - ids, 0, 0)));
    }
    Watch outWatch = state.watchKind(OUT.kind());
    Thread observer = Thread.ofPlatform().name("chain-observer").daemon().start(() -> observe(outWatch));
    try (var runtime = new ControllerRuntime(state, registry, RuntimeOptions.DEFAULT)) {
      runtime.register(new Stage(A, IN, MID1));
      runtime.register(new Stage(B, MID1, MID2));
      runtime.register(new Stage(C, MID2, OUT));
      runtime.start();
      awaitSeedsThrough();

      // ---- paced phase: warm-up and measurement on one schedule, told apart by sequence number ------------------
      long period = TimeUnit.SECONDS.toNanos(1) / rate;
      long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
      long maxLag = 0;
      long totalLag = 0;
      Counts before = null;
      int pacedEnd = warmupChanges + measuredChanges;
      for (int k = 0; k < pacedEnd; k++) {
        if (k == warmupChanges) {
          before = counts();
        }
        long due = start + k * period;
        long left;
        while ((left = due - System.nanoTime()) > 0) {
          LockSupport.parkNanos(left);
        }
        write(k, due);
        if (k >= warmupChanges) {
          long lag = writtenAt[k] - due;
          maxLag = Math.max(maxLag, lag);
          totalLag += lag;
        }
      }
      long pacedWriteEnd = System.nanoTime();
      awaitAccounted(pacedEnd);
      Counts after = counts();
      double achieved = measuredChanges / ((pacedWriteEnd - writtenAt[warmupChanges]) / 1e9);

      out.println();
      out.printf(Locale.ROOT, "PACED: %,d measured input changes, achieved %,.0f changes/s; pacer lag (write time "
          + "minus schedule) mean %.1f us, max %.1f us%n", measuredChanges, achieved,
          totalLag / (double) measuredChanges / 1e3, maxLag / 1e3);
      printLatency(out, "latency write -> output observed", measured);
      out.printf(Locale.ROOT, "  target p99 <= 1 ms at 10,000 changes/s: %s%n",
          measured.getValueAtPercentile(99) <= 1_000_000 ? "met" : "NOT met");
      printLatency(out, "latency schedule -> output observed (includes pacer lag)", measuredFromSchedule);
      printCoalescing(out, measuredChanges, before, after);

      // ---- burst: as fast as one thread writes ------------------------------------------------------------------
      if (burstChanges > 0) {
        Counts beforeBurst = counts();
        long burstStart = System.nanoTime();
        for (int k = pacedEnd; k < pacedEnd + burstChanges; k++) {
          write(k, System.nanoTime());
        }
        long burstWritten = System.nanoTime();
        awaitAccounted(pacedEnd + burstChanges);
        Counts afterBurst = counts();
        out.println();
        out.printf(Locale.ROOT, "BURST: %,d input changes written in %.1f ms (%,.0f changes/s); the last one reached "
            + "the output %.1f ms after the first write%n", burstChanges, (burstWritten - burstStart) / 1e6,
            burstChanges / ((burstWritten - burstStart) / 1e9), (lastObservedNanos - burstStart) / 1e6);
        printLatency(out, "latency write -> output observed", burst);
        printCoalescing(out, burstChanges, beforeBurst, afterBurst);
      }
      Counts end = counts();
      if (end.errors() > 0) {
        out.printf(Locale.ROOT, "WARNING: %.0f reconciles failed (spindle.controller.errors)%n", end.errors());
      }
    } finally {
      outWatch.close();
      observer.join(TimeUnit.SECONDS.toMillis(10));
    }
    if (failure != null) {
      throw new IllegalStateException("the output watcher failed: " + failure);
    }
  }

  private void write(int k, long due) {
    int j = k % ids;
    long now = System.nanoTime();
    writtenAt[k] = now;
    dueAt[k] = due;
    inputs[j] = state.update(inputs[j].withSpec(new ChainSpec(k, now, 0)));
  }

  /** Waits until the seed inputs have gone through the chain, so the paced phase starts from a quiet runtime. */
  private void awaitSeedsThrough() throws InterruptedException {
    long deadline = System.nanoTime() + DRAIN_TIMEOUT_NANOS;
    while (state.list(OUT.kind()).size() < ids) {
      check(deadline, "seed outputs");
      Thread.sleep(1);
    }
  }

  /** Waits (outside any measured interval) until the observer has accounted for changes [0, n). */
  private void awaitAccounted(long n) throws InterruptedException {
    long deadline = System.nanoTime() + DRAIN_TIMEOUT_NANOS;
    while (accounted.get() < n) {
      check(deadline, "change " + (n - 1) + " to reach the output (" + accounted.get() + " accounted)");
      Thread.sleep(1);
    }
  }

  private void check(long deadline, String what) {
    if (failure != null) {
      throw new IllegalStateException("the output watcher failed: " + failure);
    }
    if (System.nanoTime() - deadline > 0) {
      throw new IllegalStateException("timed out waiting for " + what);
    }
  }

  /** The watcher on Out: on each output, every change of that id up to the carried sequence number is now reflected. */
  private void observe(Watch watch) {
    long[] lastSeen = new long[ids];
    for (int j = 0; j < ids; j++) {
      lastSeen[j] = j - ids;
    }
    try {
      while (true) {
        List<Event> batch = watch.nextBatch(1024);
        long now = System.nanoTime();
        long newlyAccounted = 0;
        for (Event e : batch) {
          if (e.type() == EventType.ERRORED) {
            failure = "ERRORED: " + e.error();
            return;
          }
          if (e.type() != EventType.CREATED && e.type() != EventType.UPDATED) {
            continue;
          }
          var spec = (ChainSpec) e.resource().spec();
          long seq = spec.seq();
          if (spec.stage() != 3) {
            failure = "output " + e.resource() + " went through " + spec.stage() + " stages, not 3";
            return;
          }
          if (seq < 0) {
            continue;
          }
          outEvents.incrementAndGet();
          int j = (int) (seq % ids);
          for (long k = lastSeen[j] + ids; k <= seq; k += ids) {
            record((int) k, now);
            newlyAccounted++;
          }
          lastSeen[j] = Math.max(lastSeen[j], seq);
        }
        if (newlyAccounted > 0) {
          lastObservedNanos = now;
          accounted.addAndGet(newlyAccounted);
        }
      }
    } catch (Watch.ClosedException | InterruptedException ended) {
      // closed at the end of the run
    } catch (RuntimeException e) {
      failure = e.toString();
    }
  }

  private void record(int k, long now) {
    long latency = now - writtenAt[k];
    if (k < warmupChanges) {
      return; // warm-up: discarded
    }
    if (k < warmupChanges + measuredChanges) {
      measured.recordValue(latency);
      measuredFromSchedule.recordValue(now - dueAt[k]);
    } else {
      burst.recordValue(latency);
    }
  }

  // ---- reporting --------------------------------------------------------------------------------------------------

  record Counts(double[] triggers, double[] reconciles, double outEvents, double errors) {}

  private Counts counts() {
    String[] names = {A, B, C};
    double[] triggers = new double[3];
    double[] reconciles = new double[3];
    double errors = 0;
    for (int i = 0; i < 3; i++) {
      triggers[i] = counter(registry, "spindle.controller.triggers", names[i]);
      reconciles[i] = counter(registry, "spindle.controller.reconciles", names[i]);
      errors += counter(registry, "spindle.controller.errors", names[i]);
    }
    return new Counts(triggers, reconciles, outEvents.get(), errors);
  }

  static double counter(MeterRegistry registry, String name, String controller) {
    return registry.get(name).tag("controller", controller).counter().count();
  }

  private static void printLatency(PrintStream out, String title, Histogram h) {
    out.printf(Locale.ROOT, "  %s (us): p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f  (n=%,d, mean %.1f)%n",
        title, h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
        h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3, h.getTotalCount(), h.getMean() / 1e3);
  }

  private static void printCoalescing(PrintStream out, int changes, Counts before, Counts after) {
    String[] names = {A, B, C};
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      double triggers = after.triggers()[i] - before.triggers()[i];
      double reconciles = after.reconciles()[i] - before.reconciles()[i];
      parts.add(String.format(Locale.ROOT, "%s triggers %,.0f reconciles %,.0f", names[i], triggers, reconciles));
    }
    double reconcilesA = after.reconciles()[0] - before.reconciles()[0];
    out.printf(Locale.ROOT, "  coalescing: %,d input changes; %s; output updates seen %,.0f%n", changes,
        String.join("; ", parts), after.outEvents() - before.outEvents());
    out.printf(Locale.ROOT, "  coalescing ratio (input changes / reconciles of A): %.2f%n",
        reconcilesA == 0 ? Double.NaN : changes / reconcilesA);
  }
}
