package dev.spindle.platform.time.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Only reads the clock: tests never set it. Reading proves the downcalls link and the timespec layout is right. */
@EnabledOnOs(OS.LINUX)
class LinuxClockTest {
  @Test
  void realtimeAgreesWithTheJvmsClock() throws Exception {
    Instant before = Instant.now();
    Instant kernel = new LinuxClock().realtime();
    Instant after = Instant.now();
    assertThat(kernel).isBetween(before.minus(Duration.ofMillis(5)), after.plus(Duration.ofMillis(5)));
  }
}
