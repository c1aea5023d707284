package dev.spindle.api.client;

import dev.spindle.api.server.Access;
import dev.spindle.runtime.state.State;
import dev.spindle.runtime.state.StateConformance;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;

/** The whole State conformance suite through the gRPC client and server, over the in-process transport. */
class GrpcStateConformanceTest extends StateConformance {
  private LoopbackServer loopback;

  @Override
  protected State newState() {
    try {
      loopback = LoopbackServer.inProcess(() -> Access.ADMIN);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return loopback.client;
  }

  @Override
  protected List<String> namespaces() {
    return List.of("default", "controller", "system", "runtime");
  }

  /** Watches closed by the client must be released on the server too. */
  @Override
  protected OptionalInt openWatches(State state) {
    return OptionalInt.of(loopback.store.watchers());
  }

  @AfterEach
  void stopServer() throws InterruptedException {
    loopback.close();
  }
}
