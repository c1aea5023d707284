package dev.spindle.api.server;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Waits for the transport before each message of a server stream, so a slow client costs the server a blocked
 * virtual thread instead of a growing buffer. Must be created before the handler returns (gRPC only accepts the
 * readiness callback then).
 */
final class FlowControl {
  private final ServerCallStreamObserver<?> observer;
  private final Semaphore ready = new Semaphore(0);
  private volatile boolean cancelled;

  FlowControl(ServerCallStreamObserver<?> observer) {
    this.observer = observer;
    observer.setOnReadyHandler(ready::release);
    observer.setOnCancelHandler(() -> {
      cancelled = true;
      ready.release();
    });
  }

  /** Blocks until the stream can take a message; a cancelled call ends the handler with CANCELLED. */
  void awaitReady() throws InterruptedException {
    while (!observer.isReady()) {
      if (cancelled) {
        throw Status.CANCELLED.withDescription("the client cancelled the call").asRuntimeException();
      }
      ready.tryAcquire(100, TimeUnit.MILLISECONDS);
    }
  }

  boolean cancelled() {
    return cancelled;
  }

  /** Runs when the client cancels, after the flow control itself has noted it. */
  void onCancel(Runnable action) {
    observer.setOnCancelHandler(() -> {
      cancelled = true;
      ready.release();
      action.run();
    });
  }
}
