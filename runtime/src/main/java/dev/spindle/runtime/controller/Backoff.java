package dev.spindle.runtime.controller;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter for failing reconciles: {@code initial}, then ×{@code multiplier} per failure up to
 * {@code max}, each randomised by ±{@code jitter}. It never gives up; a success resets it.
 */
public record Backoff(Duration initial, Duration max, double multiplier, double jitter) {
  public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(60), 1.5, 0.5);

  public Backoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || multiplier < 1 || jitter < 0
        || jitter >= 1) {
      throw new IllegalArgumentException("invalid backoff " + initial + ".." + max + " ×" + multiplier);
    }
  }

  /** The delay before retry number {@code failures} (1 for the first failure). */
  public Duration delay(int failures) {
    double base = initial.toNanos() * Math.pow(multiplier, Math.max(failures - 1, 0));
    base = Math.min(base, max.toNanos());
    double factor = 1 + jitter * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
    return Duration.ofNanos((long) Math.min(base * factor, max.toNanos()));
  }
}
