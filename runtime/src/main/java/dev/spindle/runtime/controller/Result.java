package dev.spindle.runtime.controller;

import java.time.Duration;
import java.util.Objects;

/** The outcome of a successful reconcile. Failures are thrown; the runtime retries them with backoff. */
public sealed interface Result {
  /** Nothing more to do until an input changes. */
  record Done() implements Result {}

  /** Reconcile again after the delay even if no input changes (an input change still wakes it earlier). */
  record RequeueAfter(Duration delay) implements Result {
    public RequeueAfter {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("requeue delay must not be negative");
      }
    }
  }

  static Result done() {
    return new Done();
  }

  static Result requeueAfter(Duration delay) {
    return new RequeueAfter(delay);
  }
}
