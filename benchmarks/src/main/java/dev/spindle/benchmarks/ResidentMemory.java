package dev.spindle.benchmarks;

import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.state.InMemoryState;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.Locale;

/**
 * Heap per resident resource: {@code N} (default 100,000) {@link LinkStatusLikeSpec LinkStatus-sized} resources
 * created in an {@link InMemoryState}, measured as heap used after full GCs (several {@code System.gc()} calls until
 * the figure settles, read through the {@link MemoryMXBean}) before and after. It prints three figures per resource:
 * the bare spec records (with everything they reference), the engine overhead on top of them (resource and metadata
 * records, timestamps, the id string, the store's map entry), and the total. Not a JMH benchmark: the JMH gc profiler
 * reports allocation rates, not what stays resident.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.spindle.benchmarks.ResidentMemory [N]}. The JVM must
 * not be run with {@code -XX:+DisableExplicitGC}. Target: at most 1.5 KB (1,536 bytes) per resource in total.
 */
public final class ResidentMemory {
  private static final String OWNER = "network.LinkStatusController";

  private ResidentMemory() {}

  public static void main(String[] args) throws InterruptedException {
    int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
    Machine.print(System.out);
    System.out.printf(Locale.ROOT, "resources: %,d LinkStatus-sized (%d spec fields)%n", n,
        LinkStatusLikeSpec.class.getRecordComponents().length);

    // Load and initialise every class involved (and their static tables) before the baseline.
    warmUp();

    // Allocated before the baseline, so the reference array is not counted against the specs.
    var specs = new LinkStatusLikeSpec[n];
    long base = usedAfterGc();
    for (int i = 0; i < n; i++) {
      specs[i] = LinkStatusLikeSpec.sample(i);
    }
    long afterSpecs = usedAfterGc();

    var state = new InMemoryState();
    for (int i = 0; i < n; i++) {
      state.create(Resource.of(LinkStatusLikeSpec.DEFINITION, LinkStatusLikeSpec.id(i), specs[i]), OWNER);
    }
    long afterState = usedAfterGc();
    if (state.list(LinkStatusLikeSpec.DEFINITION.kind()).size() != n) {
      throw new IllegalStateException("the store does not hold " + n + " resources");
    }

    double spec = (afterSpecs - base) / (double) n;
    double engine = (afterState - afterSpecs) / (double) n;
    double total = (afterState - base) / (double) n;
    System.out.printf(Locale.ROOT, "heap used after GC: baseline %,d B, with specs %,d B, with store %,d B%n", base,
        afterSpecs, afterState);
    System.out.printf(Locale.ROOT, "spec records alone:   %8.1f bytes/resource%n", spec);
    System.out.printf(Locale.ROOT, "engine overhead:      %8.1f bytes/resource%n", engine);
    System.out.printf(Locale.ROOT, "total (resident):     %8.1f bytes/resource  (target <= 1536, %s)%n", total,
        total <= 1536 ? "met" : "NOT met");
    Reference.reachabilityFence(specs);
    Reference.reachabilityFence(state);
  }

  private static void warmUp() {
    var state = new InMemoryState();
    for (int i = 0; i < 1_000; i++) {
      state.create(Resource.of(LinkStatusLikeSpec.DEFINITION, LinkStatusLikeSpec.id(i), LinkStatusLikeSpec.sample(i)),
          OWNER);
    }
    state.list(LinkStatusLikeSpec.DEFINITION.kind());
  }

  /** Heap used after full collections, repeated until two readings agree (or 10 rounds). */
  static long usedAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long previous = Long.MAX_VALUE;
    for (int round = 0; round < 10; round++) {
      System.gc();
      Thread.sleep(100);
      long used = memory.getHeapMemoryUsage().getUsed();
      if (Math.abs(previous - used) < 4096) {
        return Math.min(previous, used);
      }
      previous = used;
    }
    return previous;
  }
}
