package dev.spindle.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.spindle.platform.network.Errno;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FakeSntpTest extends SntpContract {
  private static final String ENTRY = "127.0.0.1:12345";
  private final SimulatedClock clock = new SimulatedClock(Duration.ofSeconds(-30));
  private final FakeSntp sntp = FakeSntp.simulatedNode(clock);

  @Override
  Sntp sntp() {
    return sntp;
  }

  @Override
  Server server() {
    return new Server() {
      @Override
      public String entry() {
        return ENTRY;
      }

      @Override
      public void answer(Duration error, int stratum) {
        // the contract's error is relative to the local clock, which is itself 30 s behind true time
        sntp.addServer(ENTRY, stratum, error.plus(clock.offset()));
      }

      @Override
      public void kissOfDeath() {
        sntp.addServer(ENTRY, 2, Duration.ZERO);
        sntp.behave(ENTRY, FakeSntp.Behaviour.KISS_OF_DEATH);
      }

      @Override
      public void unsynchronized() {
        sntp.addServer(ENTRY, 2, Duration.ZERO);
        sntp.behave(ENTRY, FakeSntp.Behaviour.UNSYNCHRONIZED);
      }

      @Override
      public void silence() {
        sntp.addServer(ENTRY, 2, Duration.ZERO);
        sntp.behave(ENTRY, FakeSntp.Behaviour.SILENT);
      }
    };
  }

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
  void serversAreKeyedByTheirWrittenEntry() throws Exception {
    sntp.addServer("[::1]:12345", 8, Duration.ZERO);
    assertThat(sntp.query(SntpServer.parse("[::1]:12345"), TIMEOUT).stratum()).isEqualTo(8);
    assertThat(sntp.queries("[::1]:12345")).isEqualTo(1);
    assertThatThrownBy(() -> sntp.query(SntpServer.parse("::1"), TIMEOUT)).isInstanceOf(SntpException.class);
  }

  @Test
  void anUnknownServerDoesNotResolveAndIsNotCounted() {
    assertThatThrownBy(() -> sntp.query(SntpServer.parse("pool.ntp.org"), TIMEOUT))
        .isInstanceOfSatisfying(SntpException.class,
            e -> assertThat(e.reason()).isEqualTo(SntpException.Reason.UNRESOLVED));
    assertThat(sntp.queries("pool.ntp.org")).isZero();
  }

  @Test
  void aRefusedStepLeavesTheClockAlone() {
    clock.refuseSteps(Errno.EPERM);
    assertThatThrownBy(() -> clock.step(Duration.ofSeconds(30)))
        .isInstanceOfSatisfying(ClockException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EPERM));
    assertThat(clock.offset()).isEqualTo(Duration.ofSeconds(-30));
  }
}
