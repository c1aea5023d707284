package dev.spindle.controllers.time;

import java.time.Duration;

/**
 * The pure decisions of {@link TimeSyncController}, after Talos's {@code internal/pkg/ntp} syncer: how long until the
 * next query, whether to step the clock, whether that step starts a new epoch, and whether the node counts as synced.
 *
 * <p>Talos slews offsets up to 128 ms with {@code adjtimex} and jumps above; Spindle's clock port only steps, so
 * offsets up to 128 ms are left alone (the kernel's own discipline or the next poll handles them), larger ones are
 * stepped. Talos's spike detector (ignoring outlier samples) is left out.
 */
public final class TimeSyncPolicy {
  /** Above this the clock is stepped (Talos's {@code AdjustTimeLimit}). */
  public static final Duration STEP_LIMIT = Duration.ofMillis(128);
  /** The accuracy the poll interval aims at, and within which an unstepped clock counts as synced. */
  public static final Duration EXPECTED_ACCURACY = Duration.ofMillis(200);
  /** A step larger than this bumps {@code TimeStatus.epoch} (Talos's {@code EpochLimit}). */
  public static final Duration EPOCH_LIMIT = Duration.ofMinutes(15);

  private TimeSyncPolicy() {}

  /** The next poll interval after an answer, as Talos adapts it; {@code current} is zero before the first answer. */
  public static Duration nextPoll(Duration current, Duration offset, TimeSyncTimings t) {
    Duration off = offset.abs();
    Duration next;
    if (current.isZero() || off.compareTo(EXPECTED_ACCURACY) > 0) {
      next = t.minPoll();
    } else if (off.compareTo(EXPECTED_ACCURACY.dividedBy(4)) < 0) {
      next = current.compareTo(t.maxPoll()) < 0 ? current.multipliedBy(2) : current;
    } else if (off.compareTo(EXPECTED_ACCURACY.multipliedBy(3).dividedBy(4)) > 0) {
      next = current.compareTo(t.minPoll()) > 0 ? current.dividedBy(2) : current;
    } else {
      next = current;
    }
    return clamp(next, t.minPoll(), t.maxPoll());
  }

  /** The delay before the next round after a round where no server answered. */
  public static Duration nextRetry(Duration previous, TimeSyncTimings t) {
    return previous.isZero() ? t.retryMin() : clamp(previous.multipliedBy(2), t.retryMin(), t.retryMax());
  }

  /** Whether to step the clock by {@code offset}: only with a clock to set, and only beyond {@link #STEP_LIMIT}. */
  public static boolean shouldStep(Duration offset, boolean canSetClock) {
    return canSetClock && offset.abs().compareTo(STEP_LIMIT) > 0;
  }

  /** Whether a step by {@code offset} that succeeded starts a new epoch. */
  public static boolean newEpoch(Duration offset) {
    return offset.abs().compareTo(EPOCH_LIMIT) > 0;
  }

  /** Whether the clock is in sync after this answer: it was just stepped, or it is within the expected accuracy. */
  public static boolean inSync(Duration offset, boolean stepped) {
    return stepped || offset.abs().compareTo(EXPECTED_ACCURACY) <= 0;
  }

  private static Duration clamp(Duration d, Duration min, Duration max) {
    return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
  }
}
