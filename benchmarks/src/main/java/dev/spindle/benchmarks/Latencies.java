package dev.spindle.benchmarks;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latency histograms and their report lines for the API probes (values in nanoseconds, printed in ms). */
final class Latencies {
  private Latencies() {}

  /** Up to 60 s, 3 significant digits. */
  static Histogram histogram() {
    return new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
  }

  /** As {@link #histogram()}, for recording from many threads at once. */
  static ConcurrentHistogram concurrentHistogram() {
    return new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
  }

  static void print(PrintStream out, String title, AbstractHistogram h) {
    out.printf(Locale.ROOT, "  %s (ms): p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f  (n=%,d, mean %.3f)%n",
        title, ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)),
        ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()), h.getTotalCount(), h.getMean() / 1e6);
  }

  /** min/p50/p99/max of a handful of timed runs (nearest rank: with fewer than 100 runs p99 is the maximum). */
  static void printRuns(PrintStream out, String title, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    out.printf(Locale.ROOT, "  %s (ms): min %.1f  p50 %.1f  p99 %.1f  max %.1f  (n=%d, mean %.1f)%n", title,
        ms(sorted[0]), ms(rank(sorted, 50)), ms(rank(sorted, 99)), ms(sorted[sorted.length - 1]), sorted.length,
        Arrays.stream(sorted).average().orElse(0) / 1e6);
  }

  /** The nearest-rank percentile of sorted values. */
  static long rank(long[] sorted, double percentile) {
    int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
    return sorted[Math.clamp(index, 0, sorted.length - 1)];
  }

  static double ms(double nanos) {
    return nanos / 1e6;
  }

  static String verdict(boolean met) {
    return met ? "met" : "NOT met";
  }
}
