package dev.spindle.controllers.time;

import java.time.Duration;

/**
 * The intervals of {@link TimeSyncController}: the query timeout, the poll interval's bounds (Talos: 32 s to 2048 s),
 * and the retry delay after a round where no server answered (1 s, doubling up to the minimum poll; Talos retries
 * every second without backoff).
 */
public record TimeSyncTimings(Duration queryTimeout, Duration minPoll, Duration maxPoll, Duration retryMin,
    Duration retryMax) {
  public static final TimeSyncTimings DEFAULT = new TimeSyncTimings(Duration.ofSeconds(5), Duration.ofSeconds(32),
      Duration.ofSeconds(2048), Duration.ofSeconds(1), Duration.ofSeconds(32));

  public TimeSyncTimings {
    if (minPoll.compareTo(maxPoll) > 0 || retryMin.compareTo(retryMax) > 0) {
      throw new IllegalArgumentException("time sync timings: a minimum above its maximum");
    }
  }
}
