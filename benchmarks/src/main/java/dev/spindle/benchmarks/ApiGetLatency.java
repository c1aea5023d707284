package dev.spindle.benchmarks;

import dev.spindle.api.client.GrpcState;
import io.grpc.ManagedChannel;
import java.io.PrintStream;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Get latency under a paced open-loop load: request k is due at start + k / rate, whether or not earlier ones have
 * returned (a late pacer catches up, as {@code scheduleAtFixedRate} does), each on its own virtual thread calling the
 * blocking {@link GrpcState#get} (which decodes the spec into the record) for a random one of the resources. Two
 * histograms: from the scheduled time to the response (includes pacer lag and any queueing, so coordinated omission
 * is accounted for) and from the call to the response. {@code getWarmup} seconds are discarded first. Target: p99 at
 * most 1 ms at 1,000 req/s.
 */
final class ApiGetLatency {
  private ApiGetLatency() {}

  static void run(ApiServerFixture fixture, ManagedChannel channel, ApiLoadOptions o, PrintStream out)
      throws InterruptedException {
    var client = new GrpcState(channel, fixture.wire);
    int warm = Math.multiplyExact(o.getRate(), o.getWarmup());
    int measured = Math.multiplyExact(o.getRate(), o.getSeconds());
    int total = warm + measured;
    ConcurrentHistogram fromSchedule = Latencies.concurrentHistogram();
    ConcurrentHistogram fromCall = Latencies.concurrentHistogram();
    AtomicLong failures = new AtomicLong();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(total);
    var random = new SplittableRandom(42);

    out.printf(Locale.ROOT, "%nGET: open loop at %,d req/s, %d s warm-up + %d s measured, random ids of %,d%n",
        o.getRate(), o.getWarmup(), o.getSeconds(), o.resources());
    long period = TimeUnit.SECONDS.toNanos(1) / o.getRate();
    long maxLag = 0;
    long measuredStart = 0;
    long lastIssued = 0;
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
      for (int k = 0; k < total; k++) {
        long due = start + k * period;
        long left;
        while ((left = due - System.nanoTime()) > 0) {
          LockSupport.parkNanos(left);
        }
        long issued = System.nanoTime();
        if (k == warm) {
          measuredStart = issued;
        }
        if (k >= warm) {
          maxLag = Math.max(maxLag, issued - due);
        }
        lastIssued = issued;
        int id = random.nextInt(o.resources());
        boolean record = k >= warm;
        threads.execute(() -> {
          maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          long called = System.nanoTime();
          try {
            var r = client.get(ApiServerFixture.pointer(id));
            if (!r.id().equals(LinkStatusLikeSpec.id(id)) || !(r.spec() instanceof LinkStatusLikeSpec)) {
              failures.incrementAndGet();
            }
          } catch (RuntimeException e) {
            failures.incrementAndGet();
          }
          long end = System.nanoTime();
          inFlight.decrementAndGet();
          if (record) {
            fromSchedule.recordValue(end - due);
            fromCall.recordValue(end - called);
          }
          done.countDown();
        });
      }
      if (!done.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("Get calls still outstanding 60 s after the last was issued");
      }
    }
    double achieved = (measured - 1) / ((lastIssued - measuredStart) / 1e9);
    out.printf(Locale.ROOT, "  issued %,d measured requests at %,.0f req/s; pacer lag max %.3f ms; max in flight %d; "
        + "failures %d%n", measured, achieved, Latencies.ms(maxLag), maxInFlight.get(), failures.get());
    Latencies.print(out, "latency schedule -> response (open loop)", fromSchedule);
    Latencies.print(out, "latency call -> response", fromCall);
    out.printf(Locale.ROOT, "  target Get p99 <= 1 ms at 1,000 req/s (schedule -> response): %s%n",
        Latencies.verdict(fromSchedule.getValueAtPercentile(99) <= TimeUnit.MILLISECONDS.toNanos(1)));
    if (failures.get() > 0) {
      out.printf(Locale.ROOT, "  WARNING: %d Get calls failed or returned the wrong resource%n", failures.get());
    }
  }
}
