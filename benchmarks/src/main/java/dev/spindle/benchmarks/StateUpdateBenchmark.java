package dev.spindle.benchmarks;

import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.state.InMemoryState;
import dev.spindle.runtime.state.UpdateOptions;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-threaded {@code State.update} throughput of an {@link InMemoryState} with no watchers, next to a bare
 * {@link ConcurrentHashMap#put} of the same record, so both figures (and their ratio) come from one run.
 *
 * <p>Each operation updates the next of {@code resources} resources in rotation, passing the resource returned by
 * the previous update of that id, so the version check always passes (the store "always writes, even when nothing
 * changed"). The baseline puts the same resource records into a map under the same ids in the same rotation. Neither
 * operation allocates in the benchmark code itself; everything allocated is the store's own cost.
 *
 * <p>Target: at least 2,000,000 updates/s, and {@code stateUpdate} at most 5× slower than {@code mapPut}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"}) // a fixed heap: no resizing during the run
@Threads(1)
@State(Scope.Thread)
public class StateUpdateBenchmark {

  /** How many resources the update rotates over (all in one kind). */
  @Param("1000")
  public int resources;

  private InMemoryState state;
  private Resource<SampleSpec>[] current;
  private String[] ids;
  private int next;

  private ConcurrentHashMap<String, Resource<?>> map;
  private int nextPut;

  @Setup
  @SuppressWarnings("unchecked")
  public void setUp() {
    state = new InMemoryState(); // no watchers: the history ring stays at its initial capacity
    current = (Resource<SampleSpec>[]) new Resource<?>[resources];
    ids = new String[resources];
    map = new ConcurrentHashMap<>();
    for (int i = 0; i < resources; i++) {
      ids[i] = "sample-" + i;
      current[i] = state.create(Resource.of(SampleSpec.DEFINITION, ids[i], new SampleSpec(ids[i], i)));
      map.put(ids[i], current[i]);
    }
    next = 0;
    nextPut = 0;
  }

  /** One {@code State.update}; the returned resource (next version) is what the next update of that id sends. */
  @Benchmark
  public Resource<SampleSpec> stateUpdate() {
    int i = next;
    next = i + 1 == resources ? 0 : i + 1;
    Resource<SampleSpec> stored = state.update(current[i], UpdateOptions.DEFAULT);
    current[i] = stored;
    return stored;
  }

  /** The floor: a bare map put of the same record under the same id, in the same rotation. */
  @Benchmark
  public Resource<?> mapPut() {
    int i = nextPut;
    nextPut = i + 1 == resources ? 0 : i + 1;
    return map.put(ids[i], current[i]);
  }
}
