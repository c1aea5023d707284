package dev.spindle.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.spindle.platform.network.Errno;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FakeSntpTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private final SimulatedClock clock = new SimulatedClock(Duration.ofSeconds(-30));
  private final FakeSntp sntp = FakeSntp.simulatedNode(clock);

  @Test
  void theDefaultServerIsSimulatedAndMeasuresTheSimulatedClock() throws Exception {
    SntpResult result = sntp.query(SntpServer.parse("time.cloudflare.com"), TIMEOUT);
    assertThat(result.offset().toMillis()).isCloseTo(30_000L, within(100L));
    assertThat(result.stratum()).isEqualTo(3);
    assertThat(result.address()).isEqualTo("simulated");
    assertThat(sntp.queries("time.cloudflare.com")).isEqualTo(1);
  }

  @Test
  void aStepOfTheClockShowsInTheNextOffset() throws Exception {
    SntpServer server = SntpServer.parse("time.cloudflare.com");
    clock.step(sntp.query(server, TIMEOUT).offset());
    assertThat(sntp.query(server, TIMEOUT).offset().abs()).isLessThan(Duration.ofMillis(100));
    assertThat(clock.offset().abs()).isLessThan(Duration.ofMillis(100));
  }

  @Test
  void aServerWithItsOwnErrorAndAPort() throws Exception {
    clock.step(Duration.ofSeconds(30));
    sntp.addServer("[::1]:12345", 8, Duration.ofSeconds(2));
    SntpResult result = sntp.query(SntpServer.parse("[::1]:12345"), TIMEOUT);
    assertThat(result.offset().toMillis()).isCloseTo(2_000L, within(100L));
    assertThat(result.stratum()).isEqualTo(8);
  }

  @Test
  void anUnknownServerDoesNotResolveAndIsNotCounted() {
    assertThatThrownBy(() -> sntp.query(SntpServer.parse("pool.ntp.org"), TIMEOUT))
        .isInstanceOfSatisfying(SntpException.class,
            e -> assertThat(e.reason()).isEqualTo(SntpException.Reason.UNRESOLVED));
    assertThat(sntp.queries("pool.ntp.org")).isZero();
  }

  @Test
  void behavioursFailTheWayRealServersDo() {
    SntpServer server = SntpServer.parse("time.cloudflare.com");
    sntp.behave("time.cloudflare.com", FakeSntp.Behaviour.SILENT);
    assertThatThrownBy(() -> sntp.query(server, TIMEOUT)).isInstanceOfSatisfying(SntpException.class,
        e -> assertThat(e.reason()).isEqualTo(SntpException.Reason.TIMEOUT));
    sntp.behave("time.cloudflare.com", FakeSntp.Behaviour.KISS_OF_DEATH);
    assertThatThrownBy(() -> sntp.query(server, TIMEOUT)).isInstanceOfSatisfying(SntpException.class,
        e -> assertThat(e.reason()).isEqualTo(SntpException.Reason.KISS_OF_DEATH));
    sntp.behave("time.cloudflare.com", FakeSntp.Behaviour.UNSYNCHRONIZED);
    assertThatThrownBy(() -> sntp.query(server, TIMEOUT)).isInstanceOfSatisfying(SntpException.class,
        e -> assertThat(e.reason()).isEqualTo(SntpException.Reason.UNSYNCHRONIZED));
    assertThat(sntp.queries("time.cloudflare.com")).isEqualTo(3);
  }

  @Test
  void aRefusedStepLeavesTheClockAlone() {
    clock.refuseSteps(Errno.EPERM);
    assertThatThrownBy(() -> clock.step(Duration.ofSeconds(30)))
        .isInstanceOfSatisfying(ClockException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EPERM));
    assertThat(clock.offset()).isEqualTo(Duration.ofSeconds(-30));
  }
}
