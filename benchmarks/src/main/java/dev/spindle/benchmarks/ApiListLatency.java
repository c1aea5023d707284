package dev.spindle.benchmarks;

import dev.spindle.api.client.GrpcState;
import dev.spindle.api.cosi.ListOptions;
import dev.spindle.api.cosi.ListRequest;
import dev.spindle.api.cosi.ListResponse;
import dev.spindle.api.cosi.StateGrpc;
import dev.spindle.runtime.resource.Resource;
import io.grpc.ManagedChannel;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Latency of listing every resource of the kind over gRPC (TCP, TLS), three ways, so that a slow figure says where
 * the time goes:
 * <ol>
 *   <li><b>server encode only</b>: {@code state.list} plus {@code WireResources.toWire} of each resource, in process,
 *       no gRPC: the server's CPU cost per List call;</li>
 *   <li><b>raw stub</b>: the generated blocking stub, iterating the {@code ListResponse} stream: wire messages parsed
 *       by protobuf, specs left as bytes and YAML text (what a Go client such as {@code talosctl get} receives
 *       before it prints);</li>
 *   <li><b>GrpcState.list</b>: the Java {@code State} client, which also decodes each YAML spec into the record.</li>
 * </ol>
 * Each runs {@code listWarmup} untimed calls, then {@code listRuns} timed ones; reported as min/p50/p99/max.
 * Target: at most 100 ms for 10,000 resources (read against the GrpcState and raw-stub figures).
 */
final class ApiListLatency {
  private ApiListLatency() {}

  static void run(ApiServerFixture fixture, ManagedChannel channel, ApiLoadOptions o, PrintStream out) {
    var kind = ApiServerFixture.kind();
    var client = new GrpcState(channel, fixture.wire);
    var stub = StateGrpc.newBlockingStub(channel);
    var request = ListRequest.newBuilder().setNamespace(kind.namespace()).setType(kind.type())
        .setOptions(ListOptions.getDefaultInstance()).build();
    int n = o.resources();

    out.printf(Locale.ROOT, "%nLIST: all %,d %s, %d warm-up + %d timed calls each%n", n, kind.type(), o.listWarmup(),
        o.listRuns());

    long[] encode = time(o, () -> {
      long count = 0;
      for (Resource<?> r : fixture.state.list(kind)) {
        count += fixture.wire.toWire(r).hasSpec() ? 1 : 0;
      }
      return count;
    }, n, "server encode");
    long[] wireBytes = new long[1];
    long[] raw = time(o, () -> {
      long bytes = 0;
      long count = 0;
      Iterator<ListResponse> it = stub.withDeadlineAfter(60, TimeUnit.SECONDS).list(request);
      while (it.hasNext()) {
        bytes += it.next().getSerializedSize();
        count++;
      }
      wireBytes[0] = bytes;
      return count;
    }, n, "raw stub");
    long[] full = time(o, () -> (long) client.list(kind).size(), n, "GrpcState.list");

    out.printf(Locale.ROOT, "  wire size: %,d bytes of ListResponse messages per call (%.0f bytes/resource)%n",
        wireBytes[0], wireBytes[0] / (double) n);
    Latencies.printRuns(out, "server encode only (state.list + toWire, in process)", encode);
    Latencies.printRuns(out, "raw stub over TCP+TLS (wire messages, specs not decoded)", raw);
    Latencies.printRuns(out, "GrpcState.list over TCP+TLS (specs decoded into records)", full);
    long[] sortedFull = full.clone();
    Arrays.sort(sortedFull);
    long p99 = Latencies.rank(sortedFull, 99);
    out.printf(Locale.ROOT, "  target list of 10,000 <= 100 ms (GrpcState.list p99): %s%n", n != 10_000
        ? "not applicable (this run lists " + n + ")" : Latencies.verdict(p99 <= TimeUnit.MILLISECONDS.toNanos(100)));
  }

  @FunctionalInterface
  private interface Call {
    long run();
  }

  /** Warm-up calls, then timed ones; a call that does not return {@code expected} resources fails the run. */
  private static long[] time(ApiLoadOptions o, Call call, int expected, String what) {
    for (int i = 0; i < o.listWarmup(); i++) {
      call.run();
    }
    long[] nanos = new long[o.listRuns()];
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      long result = call.run();
      nanos[i] = System.nanoTime() - start;
      if (result != expected) {
        throw new IllegalStateException(what + ": got " + result + ", expected " + expected + " resources");
      }
    }
    return nanos;
  }
}
