package dev.spindle.controllers.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.spindle.platform.network.Errno;
import dev.spindle.platform.time.FakeSntp;
import dev.spindle.platform.time.SimulatedClock;
import dev.spindle.resources.network.TimeServerStatus;
import dev.spindle.resources.time.TimeStatus;
import dev.spindle.runtime.testing.ControllerHarness;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With a clock port (the daemon's --platform linux --set-clock): the clock is stepped. */
class TimeSyncControllerClockTest {
  private static final TimeSyncTimings FAST = TimeSyncControllerTest.FAST;

  final SimulatedClock clock = new SimulatedClock(Duration.ofMinutes(-30));
  final FakeSntp sntp = FakeSntp.simulatedNode(clock);

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new TimeSyncController(sntp, Optional.of(clock), FAST));

  @Test
  void aClockFarBehindIsSteppedAndStartsANewEpoch() {
    TimeSyncControllerTest.servers(h, "time.cloudflare.com");
    var status = h.awaitSpec(TimeStatus.DEFINITION, TimeStatus.ID, s -> assertThat(s.synced()).isTrue());
    assertThat(status.epoch()).isEqualTo(1);
    assertThat(clock.offset().abs()).isLessThan(Duration.ofMillis(100));
    // later rounds see the corrected clock and step no more
    h.awaitSpec(TimeStatus.DEFINITION, TimeStatus.ID,
        s -> assertThat(s.offset().abs()).isLessThan(Duration.ofMillis(100)));
    assertThat(h.state().get(TimeStatus.DEFINITION, TimeStatus.ID).spec().epoch()).isEqualTo(1);
  }

  @Test
  void aRefusedStepLeavesTheNodeUnsynced() {
    clock.refuseSteps(Errno.EPERM);
    TimeSyncControllerTest.servers(h, "time.cloudflare.com");
    await().atMost(Duration.ofSeconds(10)).until(() -> sntp.queries("time.cloudflare.com") >= 2);
    var status = h.state().get(TimeStatus.DEFINITION, TimeStatus.ID).spec();
    assertThat(status.synced()).isFalse();
    assertThat(status.epoch()).isZero();
    assertThat(clock.offset()).isEqualTo(Duration.ofMinutes(-30));
    clock.refuseSteps(null);
    h.awaitSpec(TimeStatus.DEFINITION, TimeStatus.ID, s -> assertThat(s.synced()).isTrue());
  }
}
