package dev.spindle.controllers.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.platform.time.ClockAdjuster;
import dev.spindle.platform.time.FakeSntp;
import dev.spindle.platform.time.SimulatedClock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TimeControllersTest {
  private final AtomicInteger made = new AtomicInteger();
  private final ClockAdjuster linux = offset -> { };

  private ClockAdjuster make() {
    made.incrementAndGet();
    return linux;
  }

  @Test
  void theClockIsSetOnlyOnLinuxWithTheFlag() {
    assertThat(TimeControllers.clock(true, true, this::make)).containsSame(linux);
    assertThat(TimeControllers.clock(true, false, this::make)).isEmpty();
    assertThat(TimeControllers.clock(false, false, this::make)).isEmpty();
    assertThat(made).hasValue(1); // the Linux adapter is not even created without the flag
  }

  @Test
  void theFlagOnTheSimulatedNodeIsRefused() {
    assertThatThrownBy(() -> TimeControllers.clock(false, true, this::make))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--set-clock needs --platform linux (the simulated node has no clock to set)");
    assertThat(made).hasValue(0);
  }

  @Test
  void theDomainHasTheSyncController() {
    var sntp = FakeSntp.simulatedNode(new SimulatedClock(Duration.ZERO));
    assertThat(TimeControllers.all(sntp, Optional.empty())).singleElement().isInstanceOf(TimeSyncController.class);
  }
}
