package dev.spindle.controllers.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeSyncPolicyTest {
  private static final TimeSyncTimings T = TimeSyncTimings.DEFAULT;

  @ParameterizedTest(name = "poll {0}s, offset {1}ms -> {2}s")
  @CsvSource({
      // first answer: the minimum poll, whatever the offset
      "0,    0,      32",
      "0,    5000,   32",
      // an offset above the expected accuracy (200 ms): back to the minimum
      "512,  201,    32",
      "512,  -900,   32",
      // under a quarter of it (50 ms): double, up to the maximum
      "32,   10,     64",
      "1024, -49,    2048",
      "2048, 0,      2048",
      // above three quarters (150 ms): halve, down to the minimum
      "512,  151,    256",
      "32,   -199,   32",
      // in between: keep
      "256,  50,     256",
      "256,  -150,   256",
  })
  void pollIntervalAdaptsToTheOffset(long pollSeconds, long offsetMillis, long expectedSeconds) {
    assertThat(TimeSyncPolicy.nextPoll(Duration.ofSeconds(pollSeconds), Duration.ofMillis(offsetMillis), T))
        .isEqualTo(Duration.ofSeconds(expectedSeconds));
  }

  @ParameterizedTest(name = "retry after {0}ms -> {1}ms")
  @CsvSource({"0, 1000", "1000, 2000", "16000, 32000", "32000, 32000"})
  void retriesBackOffUpToTheMinimumPoll(long previousMillis, long expectedMillis) {
    assertThat(TimeSyncPolicy.nextRetry(Duration.ofMillis(previousMillis), T))
        .isEqualTo(Duration.ofMillis(expectedMillis));
  }

  @ParameterizedTest(name = "offset {0}ms, clock {1} -> step {2}, epoch {3}, synced {4}")
  @CsvSource({
      // offset ms, can set clock, step, new epoch (if stepped), in sync (after the step, if any)
      "0,        true,  false, false, true",
      "128,      true,  false, false, true",
      "129,      true,  true,  false, true",
      "-5000,    true,  true,  false, true",
      "900001,   true,  true,  true,  true",
      "-900001,  true,  true,  true,  true",
      "900000,   true,  true,  false, true",
      // measuring only: never a step; synced only when already within 200 ms
      "129,      false, false, false, true",
      "200,      false, false, false, true",
      "-201,     false, false, false, false",
      "900001,   false, false, false, false",
  })
  void stepEpochAndSync(long offsetMillis, boolean canSet, boolean step, boolean epoch, boolean synced) {
    Duration offset = Duration.ofMillis(offsetMillis);
    boolean stepped = TimeSyncPolicy.shouldStep(offset, canSet);
    assertThat(stepped).isEqualTo(step);
    assertThat(stepped && TimeSyncPolicy.newEpoch(offset)).isEqualTo(epoch);
    assertThat(TimeSyncPolicy.inSync(offset, stepped)).isEqualTo(synced);
  }
}
