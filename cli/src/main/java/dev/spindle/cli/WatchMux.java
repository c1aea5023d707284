package dev.spindle.cli;

import dev.spindle.runtime.state.Event;
import dev.spindle.runtime.state.EventType;
import dev.spindle.runtime.state.Watch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Merges the watches of several nodes into one stream, as talosctl's aggregated channel does: one virtual thread
 * per watch pulls its events into a shared queue, so events print in the order they arrive, whichever node they come
 * from. Closing closes every watch, which wakes its thread.
 */
final class WatchMux implements AutoCloseable {
  record NodeEvent(String node, Event event) {}

  private final BlockingQueue<NodeEvent> queue = new LinkedBlockingQueue<>();
  private final List<Watch> watches = new ArrayList<>();
  private final List<Thread> pumps = new ArrayList<>();

  void add(String node, Watch watch) {
    watches.add(watch);
    pumps.add(Thread.ofVirtual().name("watch-" + node).start(() -> pump(node, watch)));
  }

  boolean isEmpty() {
    return watches.isEmpty();
  }

  private void pump(String node, Watch watch) {
    try {
      while (true) {
        Event event = watch.next();
        queue.put(new NodeEvent(node, event));
        if (event.type() == EventType.ERRORED) {
          return;
        }
      }
    } catch (Watch.ClosedException | InterruptedException closed) {
      // closed by close(): nothing more to deliver
    }
  }

  NodeEvent take() throws InterruptedException {
    return queue.take();
  }

  @Override
  public void close() {
    watches.forEach(Watch::close);
    pumps.forEach(Thread::interrupt);
  }
}
