package dev.spindle.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Sntp} does, run against the fake ({@link FakeSntpTest}) and the real UDP client with a responder
 * on loopback ({@link CommonsNetSntpTest}), so the fake cannot drift from the real thing.
 */
abstract class SntpContract {
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  /** One server the test controls. */
  interface Server {
    String entry();

    /** Answers with its clock {@code error} away from the local one, at this stratum. */
    void answer(Duration error, int stratum);

    void kissOfDeath();

    void unsynchronized();

    void silence();
  }

  abstract Sntp sntp();

  abstract Server server();

  private SntpResult query() throws SntpException {
    return sntp().query(SntpServer.parse(server().entry()), TIMEOUT);
  }

  private void failsWith(SntpException.Reason reason, Duration timeout) {
    assertThatThrownBy(() -> sntp().query(SntpServer.parse(server().entry()), timeout))
        .isInstanceOfSatisfying(SntpException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContaining("time server " + server().entry());
  }

  @Test
  void aServerAheadGivesAPositiveOffsetAndItsStratum() throws Exception {
    server().answer(Duration.ofSeconds(5), 3);
    SntpResult result = query();
    assertThat(result.offset().toMillis()).isCloseTo(5_000L, within(200L));
    assertThat(result.stratum()).isEqualTo(3);
    assertThat(result.leap()).isEqualTo(Leap.NONE);
    assertThat(result.delay()).isLessThan(Duration.ofMillis(500)).isGreaterThanOrEqualTo(Duration.ZERO);
    assertThat(result.server()).hasToString(server().entry());
  }

  @Test
  void aServerBehindGivesANegativeOffset() throws Exception {
    server().answer(Duration.ofMinutes(-20), 2);
    assertThat(query().offset().toMillis()).isCloseTo(-1_200_000L, within(200L));
  }

  @Test
  void stratumZeroIsAKissOfDeath() {
    server().kissOfDeath();
    failsWith(SntpException.Reason.KISS_OF_DEATH, TIMEOUT);
  }

  @Test
  void anUnsynchronizedServerIsRefused() {
    server().unsynchronized();
    failsWith(SntpException.Reason.UNSYNCHRONIZED, TIMEOUT);
  }

  @Test
  void aSilentServerTimesOut() {
    server().silence();
    failsWith(SntpException.Reason.TIMEOUT, Duration.ofMillis(300));
  }
}
