package dev.spindle.benchmarks;

import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.state.State;
import dev.spindle.runtime.state.UpdateOptions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A paced writer for the watch probes: update k rewrites resource {@code eth(k mod ids)} with its {@code alias} set to
 * {@code "<seq>@<System.nanoTime() of the write>"}, so a watcher can compute write-to-receive latency. The schedule is
 * fixed (update k is due at start + k / rate, catching up after a late wake-up, as {@code scheduleAtFixedRate} does)
 * and the writer parks rather than spins. On Linux {@code System.nanoTime()} reads {@code CLOCK_MONOTONIC}, one clock
 * for every process on the machine, so the stamp can be compared in another JVM on the same host.
 */
final class StampedWriter {
  private final State state;
  private final Resource<LinkStatusLikeSpec>[] current;
  private final UpdateOptions options = UpdateOptions.owner(ApiServerFixture.OWNER);
  private long nextSeq;

  /** Writes to {@code eth0} … {@code eth(ids-1)}, which must exist in {@code state}. */
  @SuppressWarnings("unchecked")
  StampedWriter(State state, int ids) {
    this.state = state;
    this.current = (Resource<LinkStatusLikeSpec>[]) new Resource<?>[ids];
    for (int i = 0; i < ids; i++) {
      current[i] = state.get(LinkStatusLikeSpec.DEFINITION, LinkStatusLikeSpec.id(i));
    }
  }

  /** The result of one paced run: when the writes started and ended, the largest lag behind the schedule. */
  record Run(long firstSeq, int count, long startNanos, long endNanos, long maxLagNanos) {
    double achievedRate() {
      return count <= 1 ? 0 : (count - 1) / ((endNanos - startNanos) / 1e9);
    }
  }

  /** Writes {@code count} stamped updates at {@code rate} per second, on the calling thread. */
  Run write(int count, int rate) {
    long period = TimeUnit.SECONDS.toNanos(1) / rate;
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
    long first = nextSeq;
    long maxLag = 0;
    long firstWrite = 0;
    long lastWrite = 0;
    for (int k = 0; k < count; k++) {
      long due = start + k * period;
      long left;
      while ((left = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(left);
      }
      lastWrite = writeOne();
      if (k == 0) {
        firstWrite = lastWrite;
      }
      maxLag = Math.max(maxLag, lastWrite - due);
    }
    return new Run(first, count, firstWrite, lastWrite, maxLag);
  }

  /** One stamped update, now; returns its write time. */
  long writeOne() {
    long seq = nextSeq++;
    int j = (int) (seq % current.length);
    long now = System.nanoTime();
    var r = current[j];
    current[j] = state.update(r.withSpec(r.spec().withAlias(seq + "@" + now)), options);
    return now;
  }

  /** The sequence number in a stamped alias, or -1 for an unstamped one. */
  static long seq(String alias) {
    int at = alias.indexOf('@');
    return at < 0 ? -1 : Long.parseLong(alias, 0, at, 10);
  }

  /** The write time in a stamped alias. */
  static long writtenNanos(String alias) {
    return Long.parseLong(alias, alias.indexOf('@') + 1, alias.length(), 10);
  }
}
