package dev.spindle.runtime.state;

import java.time.Duration;
import java.util.List;

/**
 * A pull-based stream of events for one resource or one kind. The store never blocks on a watcher: each watch is a
 * cursor into the collection's bounded history, so a consumer that falls too far behind receives one
 * {@link EventType#ERRORED} event naming the gap and the watch ends. Close it to release it; closing wakes a blocked
 * reader with {@link ClosedException}.
 */
public interface Watch extends AutoCloseable {
  /** Blocks until the next event. After an {@code ERRORED} event or {@link #close()} it throws {@link ClosedException}. */
  Event next() throws InterruptedException;

  /** The next event, or {@code null} if none arrives within the timeout. */
  Event poll(Duration timeout) throws InterruptedException;

  /** Blocks until at least one event is available, then returns every pending event up to {@code max}, in order. */
  List<Event> nextBatch(int max) throws InterruptedException;

  boolean isClosed();

  @Override
  void close();

  /** Reading from a watch that has ended. */
  final class ClosedException extends IllegalStateException {
    public ClosedException(String message) {
      super(message);
    }
  }
}
