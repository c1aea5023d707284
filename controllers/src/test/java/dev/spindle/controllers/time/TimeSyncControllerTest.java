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

class TimeSyncControllerTest {
  /** Measuring only (no clock port): what the node reports. Fast timings so periodic rounds and retries show within a test. */
  static final TimeSyncTimings FAST = new TimeSyncTimings(Duration.ofMillis(100), Duration.ofMillis(50),
      Duration.ofMillis(200), Duration.ofMillis(20), Duration.ofMillis(80));

  static void servers(ControllerHarness h, String... entries) {
    var spec = new TimeServerStatus(List.of(entries), false);
    if (h.state().find(TimeServerStatus.DEFINITION.pointer(TimeServerStatus.ID)).isPresent()) {
      h.updateSpec(TimeServerStatus.DEFINITION, TimeServerStatus.ID, spec);
    } else {
      h.create(TimeServerStatus.DEFINITION, TimeServerStatus.ID, spec);
    }
  }

  final SimulatedClock clock = new SimulatedClock(Duration.ZERO);
  final FakeSntp sntp = FakeSntp.simulatedNode(clock);

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new TimeSyncController(sntp, Optional.empty(), FAST));

  @Test
  void nothingIsWrittenOrAskedUntilTheServersAreKnown() {
    h.awaitResources(TimeStatus.DEFINITION, list -> assertThat(list).isEmpty());
    assertThat(sntp.queries("time.cloudflare.com")).isZero();
  }

  @Test
  void theSimulatedDefaultServerSyncsAnAccurateClock() {
    servers(h, "time.cloudflare.com");
    var status = h.awaitSpec(TimeStatus.DEFINITION, TimeStatus.ID, s -> assertThat(s.synced()).isTrue());
    assertThat(status.server()).isEqualTo("time.cloudflare.com");
    assertThat(status.stratum()).isEqualTo(3);
    assertThat(status.offset().abs()).isLessThan(Duration.ofMillis(100));
    assertThat(status.epoch()).isZero();
    assertThat(status.syncDisabled()).isFalse();
    assertThat(h.state().get(TimeStatus.DEFINITION, TimeStatus.ID).metadata().owner())
        .isEqualTo("time.TimeSyncController");
  }

  @Test
  void aClockFarOffIsReportedButNeverSetWithoutAClockPort() throws Exception {
    clock.step(Duration.ofMinutes(-30));
    servers(h, "time.cloudflare.com");
    var status = h.awaitSpec(TimeStatus.DEFINITION, TimeStatus.ID, s -> assertThat(s.server()).isNotEmpty());
    assertThat(status.synced()).isFalse();
    assertThat(status.offset().toSeconds()).isCloseTo(1800L, within(1L));
    assertThat(clock.offset()).isEqualTo(Duration.ofMinutes(-30));
  }

  @Test
  void theServerIsAskedAgainPeriodically() {
    servers(h, "time.cloudflare.com");
    await().atMost(Duration.ofSeconds(10)).until(() -> sntp.queries("time.cloudflare.com") >= 4);
  }

  @Test
  void theFirstServerThatAnswersWinsAndIsAskedFirstNextTime() {
    sntp.addServer("127.0.0.1:12345", 8, Duration.ZERO);
    sntp.behave("time.cloudflare.com", FakeSntp.Behaviour.SILENT);
    servers(h, "pool.invalid", "time.cloudflare.com", "127.0.0.1:12345");
    h.awaitSpec(TimeStatus.DEFINITION, TimeStatus.ID, s -> assertThat(s.server()).isEqualTo("127.0.0.1:12345"));
    int silentBefore = sntp.queries("time.cloudflare.com");
    await().atMost(Duration.ofSeconds(10)).until(() -> sntp.queries("127.0.0.1:12345") >= 3);
    // the last good server is asked first: the silent one is not asked again while it keeps answering
    assertThat(sntp.queries("time.cloudflare.com")).isEqualTo(silentBefore);
  }

  @Test
  void noAnswerMeansNotSyncedAndRetriesUntilOneComes() {
    sntp.behave("time.cloudflare.com", FakeSntp.Behaviour.KISS_OF_DEATH);
    servers(h, "time.cloudflare.com");
    h.awaitSpec(TimeStatus.DEFINITION, TimeStatus.ID, s -> assertThat(s.synced()).isFalse());
    await().atMost(Duration.ofSeconds(10)).until(() -> sntp.queries("time.cloudflare.com") >= 3);
    assertThat(h.state().get(TimeStatus.DEFINITION, TimeStatus.ID).spec().synced()).isFalse();
    sntp.behave("time.cloudflare.com", FakeSntp.Behaviour.ANSWER);
    h.awaitSpec(TimeStatus.DEFINITION, TimeStatus.ID, s -> assertThat(s.synced()).isTrue());
  }

  @Test
  void aNewServerListIsAskedAtOnce() {
    sntp.addServer("[::1]:4123", 5, Duration.ZERO);
    servers(h, "time.cloudflare.com");
    h.awaitSpec(TimeStatus.DEFINITION, TimeStatus.ID, s -> assertThat(s.server()).isEqualTo("time.cloudflare.com"));
    servers(h, "[::1]:4123");
    h.awaitSpec(TimeStatus.DEFINITION, TimeStatus.ID, s -> {
      assertThat(s.server()).isEqualTo("[::1]:4123");
      assertThat(s.stratum()).isEqualTo(5);
    });
  }

  @Test
  void anEmptyListAsksNobody() {
    servers(h);
    var status = h.awaitSpec(TimeStatus.DEFINITION, TimeStatus.ID, s -> { });
    assertThat(status).isEqualTo(TimeStatus.of(false, 0, false));
    assertThat(sntp.queries("time.cloudflare.com")).isZero();
  }
}
