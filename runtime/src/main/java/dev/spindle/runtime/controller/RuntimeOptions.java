package dev.spindle.runtime.controller;

import java.time.Duration;

/** Tuning of a {@link ControllerRuntime}: the retry backoff and how long {@code close()} waits for threads. */
public record RuntimeOptions(Backoff backoff, Duration shutdownTimeout) {
  public static final RuntimeOptions DEFAULT = new RuntimeOptions(Backoff.DEFAULT, Duration.ofSeconds(10));

  public RuntimeOptions withBackoff(Backoff b) {
    return new RuntimeOptions(b, shutdownTimeout);
  }
}
