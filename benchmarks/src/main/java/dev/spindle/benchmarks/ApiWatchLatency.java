package dev.spindle.benchmarks;

import dev.spindle.api.client.GrpcState;
import dev.spindle.runtime.state.Event;
import dev.spindle.runtime.state.EventType;
import dev.spindle.runtime.state.Watch;
import io.grpc.ManagedChannel;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Update-to-remote-watcher latency: one {@link GrpcState#watchKind} watcher over TCP+TLS on the kind, drained on a
 * platform thread with {@code nextBatch}; a {@link StampedWriter} updates {@code eth0} in the server's state (as a
 * controller would) at {@code watchRate} per second, carrying its write time. Latency of an update: from the write to
 * the moment {@code nextBatch} returns it to the watcher, decoded. {@code watchWarmup} seconds are discarded.
 * Every update must arrive, in order: a gap, a duplicate or an ERRORED event fails the run. Target: p99 at most 5 ms.
 */
final class ApiWatchLatency {
  private ApiWatchLatency() {}

  static void run(ApiServerFixture fixture, ManagedChannel channel, ApiLoadOptions o, PrintStream out)
      throws InterruptedException {
    var client = new GrpcState(channel, fixture.wire);
    int warm = Math.multiplyExact(o.watchRate(), o.watchWarmup());
    int measured = Math.multiplyExact(o.watchRate(), o.watchSeconds());
    int total = warm + measured;
    var writer = new StampedWriter(fixture.state, 1);
    Histogram latency = Latencies.histogram();
    AtomicLong received = new AtomicLong();
    CountDownLatch all = new CountDownLatch(1);
    String[] failure = new String[1];

    out.printf(Locale.ROOT, "%nWATCH: one remote watchKind watcher, %,d updates/s of one resource, %d s warm-up + %d s "
        + "measured%n", o.watchRate(), o.watchWarmup(), o.watchSeconds());
    Watch watch = client.watchKind(ApiServerFixture.kind());
    Thread watcher = Thread.ofPlatform().name("api-watcher").daemon().start(() -> {
      long expected = 0;
      try {
        while (expected < total) {
          List<Event> batch = watch.nextBatch(1024);
          long now = System.nanoTime();
          for (Event e : batch) {
            if (e.type() == EventType.ERRORED) {
              throw new IllegalStateException("ERRORED: " + e.error());
            }
            if (e.type() != EventType.UPDATED) {
              continue;
            }
            String alias = ((LinkStatusLikeSpec) e.resource().spec()).alias();
            long seq = StampedWriter.seq(alias);
            if (seq != expected) {
              throw new IllegalStateException("expected update " + expected + ", received " + seq);
            }
            expected++;
            if (seq >= warm) {
              latency.recordValue(now - StampedWriter.writtenNanos(alias));
            }
          }
          received.set(expected);
        }
      } catch (Watch.ClosedException | InterruptedException ended) {
        failure[0] = "the watch ended after " + expected + " updates: " + ended;
      } catch (RuntimeException e) {
        failure[0] = e.toString();
      }
      all.countDown();
    });

    writer.write(warm, o.watchRate());
    StampedWriter.Run run = writer.write(measured, o.watchRate());
    boolean drained = all.await(60, TimeUnit.SECONDS);
    watch.close();
    watcher.join(TimeUnit.SECONDS.toMillis(10));
    if (!drained || failure[0] != null) {
      throw new IllegalStateException("watch phase failed: " + (drained ? failure[0]
          : "only " + received.get() + " of " + total + " updates arrived within 60 s"));
    }
    out.printf(Locale.ROOT, "  wrote %,d measured updates at %,.0f/s (pacer lag max %.3f ms); all %,d received in "
        + "order%n", measured, run.achievedRate(), Latencies.ms(run.maxLagNanos()), total);
    Latencies.print(out, "latency write -> remote watcher", latency);
    out.printf(Locale.ROOT, "  target update -> remote watcher p99 <= 5 ms: %s%n",
        Latencies.verdict(latency.getValueAtPercentile(99) <= TimeUnit.MILLISECONDS.toNanos(5)));
  }
}
