package dev.spindle.api.client;

import dev.spindle.api.server.Access;
import dev.spindle.runtime.state.State;
import dev.spindle.runtime.state.StateConformance;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;

/** The State conformance suite once over a real TCP connection (Netty), as the daemon serves it. */
class GrpcStateTcpConformanceTest extends StateConformance {
  private LoopbackServer loopback;

  @Override
  protected State newState() {
    try {
      loopback = LoopbackServer.tcp(() -> Access.ADMIN);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return loopback.client;
  }

  @Override
  protected OptionalInt openWatches(State state) {
    return OptionalInt.of(loopback.store.watchers());
  }

  @AfterEach
  void stopServer() throws InterruptedException {
    loopback.close();
  }
}
