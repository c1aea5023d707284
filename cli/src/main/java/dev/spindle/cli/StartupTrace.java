package dev.spindle.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Wall-clock checkpoints of one run (from any thread), printed to stderr at the end when {@code SPINDLECTL_TRACE}
 * is set (any value): the tool for keeping {@code spindlectl get} within its start-up budget (see BENCHMARKS.md).
 * Off by default, and then free: one static boolean read per checkpoint. Times are milliseconds since the JVM was
 * created; the management classes that tell when that was are only loaded when printing, so they do not shift the
 * checkpoints.
 */
final class StartupTrace {
  private static final boolean ENABLED = System.getenv("SPINDLECTL_TRACE") != null;
  private static final List<String> LABELS = new ArrayList<>();
  private static final List<Long> TIMES = new ArrayList<>();

  private StartupTrace() {}

  static synchronized void mark(String label) {
    if (ENABLED) {
      TIMES.add(System.nanoTime());
      LABELS.add(label);
    }
  }

  /** Prints the checkpoints recorded so far, each with the time since JVM start and since the previous one. */
  static synchronized void print() {
    if (!ENABLED || TIMES.isEmpty()) {
      return;
    }
    long now = System.nanoTime();
    long start = now - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
    long previous = start;
    for (int i = 0; i < TIMES.size(); i++) {
      long t = TIMES.get(i);
      System.err.printf("trace: %7.1f ms (+%6.1f) %s%n", (t - start) / 1e6, (t - previous) / 1e6, LABELS.get(i));
      previous = t;
    }
  }
}
