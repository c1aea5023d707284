package dev.spindle.runtime.state;

import dev.spindle.runtime.resource.ResourceQuery;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A watch on a {@link Collection}: a position in its history plus the events already copied out and not yet read.
 * Filtering (by id, or by query with start/stop-matching rewrites) happens here, outside the collection's lock.
 */
final class Cursor implements Watch {
  private final Collection collection;
  private final String id;
  private final ResourceQuery query;
  private final ArrayDeque<Event> pending;
  private final ReentrantLock readLock = new ReentrantLock();
  private final List<Event> scratch = new ArrayList<>();
  private volatile long position;
  private volatile Thread waiter;
  private volatile boolean closed;
  /** Closed by the consumer: events still pending are dropped, unlike after an ERRORED event, which is delivered. */
  private volatile boolean released;
  private boolean errored;
  /** Mirror of {@code pending.size()} for {@link #isClosed()}, which may run on another thread than the reader. */
  private volatile int pendingCount;

  Cursor(Collection collection, String id, ResourceQuery query, long start, List<Event> initial) {
    this.collection = collection;
    this.id = id;
    this.query = query;
    this.position = start;
    this.pending = new ArrayDeque<>(initial);
  }

  long position() {
    return position;
  }

  /** Unparks the reader at most once per park: the first write after it parked claims the waiter slot. */
  void wake() {
    Thread t = waiter;
    if (t != null && WAITER.compareAndSet(this, t, null)) {
      LockSupport.unpark(t);
    }
  }

  private static final java.lang.invoke.VarHandle WAITER;

  static {
    try {
      WAITER = java.lang.invoke.MethodHandles.lookup().findVarHandle(Cursor.class, "waiter", Thread.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Override
  public Event next() throws InterruptedException {
    readLock.lockInterruptibly();
    try {
      fill(Long.MAX_VALUE);
      return taken(pending.poll());
    } finally {
      readLock.unlock();
    }
  }

  @Override
  public Event poll(Duration timeout) throws InterruptedException {
    readLock.lockInterruptibly();
    try {
      fill(System.nanoTime() + Math.max(timeout.toNanos(), 0));
      return taken(pending.poll());
    } catch (ClosedException e) {
      return null;
    } finally {
      readLock.unlock();
    }
  }

  @Override
  public List<Event> nextBatch(int max) throws InterruptedException {
    readLock.lockInterruptibly();
    try {
      fill(Long.MAX_VALUE);
      var batch = new ArrayList<Event>(Math.min(max, pending.size()));
      while (batch.size() < max && !pending.isEmpty()) {
        batch.add(pending.poll());
      }
      pendingCount = pending.size();
      return batch;
    } finally {
      readLock.unlock();
    }
  }

  /** Waits until an event is pending or the deadline passes; throws once the watch has ended and is drained. */
  private void fill(long deadline) throws InterruptedException {
    if (released) {
      throw new ClosedException("the watch is closed");
    }
    while (pending.isEmpty()) {
      if (closed) {
        throw new ClosedException(errored ? "the watch ended with an ERRORED event" : "the watch is closed");
      }
      if (position < collection.writePos()) {
        pull();
        continue;
      }
      long wait = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
      if (wait <= 0) {
        return;
      }
      waiter = Thread.currentThread();
      if (position == collection.writePos() && !closed) {
        if (wait == Long.MAX_VALUE) {
          LockSupport.park(this);
        } else {
          LockSupport.parkNanos(this, wait);
        }
      }
      waiter = null;
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }

  private void pull() {
    scratch.clear();
    long from = position;
    long head = collection.copySince(from, scratch);
    if (head < 0) {
      pending.add(Event.errored(collection.kind.pointer(""), collection.overrunMessage(from)));
      errored = true;
      closed = true;
      collection.unregister(this);
      return;
    }
    for (Event e : scratch) {
      Event delivered = filter(e);
      if (delivered != null) {
        pending.add(delivered);
      }
    }
    scratch.clear();
    position = head;
  }

  private Event filter(Event e) {
    if (id != null) {
      return e.id().equals(id) ? e : null;
    }
    if (query.isAll()) {
      return e;
    }
    return switch (e.type()) {
      case UPDATED -> {
        boolean was = query.matches(e.old().metadata());
        boolean is = query.matches(e.resource().metadata());
        if (was && is) {
          yield e;
        } else if (is) {
          yield Event.created(e.resource(), e.bookmark());
        } else if (was) {
          yield Event.destroyed(e.resource(), e.bookmark());
        }
        yield null;
      }
      case CREATED, DESTROYED -> query.matches(e.resource().metadata()) ? e : null;
      default -> e;
    };
  }

  @Override
  public boolean isClosed() {
    return released || (closed && pendingCount == 0);
  }

  private Event taken(Event e) {
    pendingCount = pending.size();
    return e;
  }

  @Override
  public void close() {
    released = true;
    closed = true;
    collection.unregister(this);
    wake();
  }
}
