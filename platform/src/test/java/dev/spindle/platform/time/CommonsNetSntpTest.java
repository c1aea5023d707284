package dev.spindle.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real UDP client against a responder on loopback: offsets, validation, timeouts. */
class CommonsNetSntpTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private final Sntp sntp = new CommonsNetSntp();
  private SntpResponder responder;

  @BeforeEach
  void start() throws Exception {
    responder = new SntpResponder();
  }

  @AfterEach
  void stop() throws Exception {
    responder.close();
  }

  @Test
  void aServerAheadGivesAPositiveOffset() throws Exception {
    responder.error(Duration.ofSeconds(5)).stratum(3);
    SntpResult result = sntp.query(SntpServer.parse(responder.entry()), TIMEOUT);
    assertThat(result.offset().toMillis()).isCloseTo(5_000L, within(200L));
    assertThat(result.delay()).isLessThan(Duration.ofMillis(500)).isGreaterThanOrEqualTo(Duration.ZERO);
    assertThat(result.stratum()).isEqualTo(3);
    assertThat(result.leap()).isEqualTo(Leap.NONE);
    assertThat(result.address()).isEqualTo("127.0.0.1");
    assertThat(result.server().port()).isEqualTo(responder.port());
  }

  @Test
  void aServerBehindGivesANegativeOffsetAndItsLeapIndicator() throws Exception {
    responder.error(Duration.ofMinutes(-20)).leap(1);
    SntpResult result = sntp.query(SntpServer.parse(responder.entry()), TIMEOUT);
    assertThat(result.offset().toMillis()).isCloseTo(-1_200_000L, within(200L));
    assertThat(result.leap()).isEqualTo(Leap.ADD_SECOND);
  }

  @Test
  void stratumZeroIsAKissOfDeath() {
    responder.stratum(0);
    assertThatThrownBy(() -> sntp.query(SntpServer.parse(responder.entry()), TIMEOUT))
        .isInstanceOfSatisfying(SntpException.class,
            e -> assertThat(e.reason()).isEqualTo(SntpException.Reason.KISS_OF_DEATH))
        .hasMessageContaining("127.0.0.1:" + responder.port()).hasMessageContaining("RATE");
  }

  @Test
  void anUnsynchronizedServerIsRefused() {
    responder.leap(3);
    assertThatThrownBy(() -> sntp.query(SntpServer.parse(responder.entry()), TIMEOUT))
        .isInstanceOfSatisfying(SntpException.class,
            e -> assertThat(e.reason()).isEqualTo(SntpException.Reason.UNSYNCHRONIZED));
  }

  @Test
  void aStratumAbove15IsRefused() {
    responder.stratum(16);
    assertThatThrownBy(() -> sntp.query(SntpServer.parse(responder.entry()), TIMEOUT))
        .isInstanceOfSatisfying(SntpException.class,
            e -> assertThat(e.reason()).isEqualTo(SntpException.Reason.UNSYNCHRONIZED));
  }

  @Test
  void aSilentServerTimesOut() {
    responder.silence();
    long start = System.nanoTime();
    assertThatThrownBy(() -> sntp.query(SntpServer.parse(responder.entry()), Duration.ofMillis(300)))
        .isInstanceOfSatisfying(SntpException.class,
            e -> assertThat(e.reason()).isEqualTo(SntpException.Reason.TIMEOUT))
        .hasMessageContaining("no answer within 300 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }
}
