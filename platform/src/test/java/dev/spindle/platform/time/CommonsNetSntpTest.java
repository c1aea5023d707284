package dev.spindle.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real UDP client against {@link SntpResponder} on loopback. */
class CommonsNetSntpTest extends SntpContract {
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

  @Override
  Sntp sntp() {
    return sntp;
  }

  @Override
  Server server() {
    return new Server() {
      @Override
      public String entry() {
        return responder.entry();
      }

      @Override
      public void answer(Duration error, int stratum) {
        responder.error(error).stratum(stratum);
      }

      @Override
      public void kissOfDeath() {
        responder.stratum(0);
      }

      @Override
      public void unsynchronized() {
        responder.leap(3);
      }

      @Override
      public void silence() {
        responder.silence();
      }
    };
  }

  @Test
  void theAnsweringAddressAndLeapIndicatorAreReported() throws Exception {
    responder.leap(1);
    SntpResult result = sntp.query(SntpServer.parse(responder.entry()), TIMEOUT);
    assertThat(result.address()).isEqualTo("127.0.0.1");
    assertThat(result.leap()).isEqualTo(Leap.ADD_SECOND);
    assertThat(responder.answered()).isEqualTo(1);
  }

  @Test
  void aStratumAbove15IsRefused() {
    responder.stratum(16);
    assertThatThrownBy(() -> sntp.query(SntpServer.parse(responder.entry()), TIMEOUT))
        .isInstanceOfSatisfying(SntpException.class,
            e -> assertThat(e.reason()).isEqualTo(SntpException.Reason.UNSYNCHRONIZED));
  }

  @Test
  void aTimeoutIsKeptShort() {
    responder.silence();
    long start = System.nanoTime();
    assertThatThrownBy(() -> sntp.query(SntpServer.parse(responder.entry()), Duration.ofMillis(300)))
        .hasMessageContaining("no answer within 300 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }
}
