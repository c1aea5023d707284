package dev.spindle.api.client;

import java.time.Duration;

/** How a dropped remote watch is re-established: backoff between attempts and when to give up with ERRORED. */
public record ResumePolicy(Duration initialDelay, Duration maxDelay, Duration giveUpAfter, Duration handshakeTimeout) {
  public static final ResumePolicy DEFAULT =
      new ResumePolicy(Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofSeconds(10));
}
