package dev.spindle.api.client;

import com.google.protobuf.ByteString;
import dev.spindle.api.WireErrors;
import dev.spindle.api.WireResources;
import dev.spindle.api.cosi.StateGrpc;
import dev.spindle.api.cosi.WatchRequest;
import dev.spindle.api.cosi.WatchResponse;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourcePointer;
import dev.spindle.runtime.state.Bookmark;
import dev.spindle.runtime.state.Event;
import dev.spindle.runtime.state.EventType;
import dev.spindle.runtime.state.Watch;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A remote watch as a {@link Watch}. Messages are requested one at a time, so a slow consumer slows the server-side
 * pump (whose own watch then falls behind and reports ERRORED) instead of buffering here. A dropped stream is
 * re-established from the last bookmark seen, so the consumer sees neither a gap nor a duplicate; if that is not
 * possible (no bookmark yet, the bookmark expired, retries exhausted) the watch ends with ERRORED.
 */
final class GrpcWatch implements Watch {
  private static final Object COMPLETED = new Object();
  private static final Object CLOSED = new Object();
  /** Statuses a retry cannot fix. CANCELLED is retried: a server going away resets its streams with CANCEL. */
  private static final Set<Status.Code> FINAL = EnumSet.of(Status.Code.FAILED_PRECONDITION, Status.Code.INVALID_ARGUMENT,
      Status.Code.PERMISSION_DENIED, Status.Code.UNIMPLEMENTED, Status.Code.NOT_FOUND, Status.Code.UNAUTHENTICATED);

  private final StateGrpc.StateStub stub;
  private final WireResources wire;
  private final ResourcePointer pointer;
  private final boolean hideNoop;
  private final ResumePolicy resume;
  private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
  private final ArrayDeque<Event> pending = new ArrayDeque<>();
  private final ReentrantLock readLock = new ReentrantLock();
  private WatchRequest request;
  private volatile ClientCallStreamObserver<WatchRequest> call;
  private volatile boolean closed;
  private volatile int pendingCount;
  private boolean ended;
  private Bookmark lastBookmark;

  GrpcWatch(StateGrpc.StateStub stub, WireResources wire, WatchRequest request, ResourcePointer pointer,
      boolean hideNoop, ResumePolicy resume) {
    this.stub = stub;
    this.wire = wire;
    this.request = request;
    this.pointer = pointer;
    this.hideNoop = hideNoop;
    this.resume = resume;
  }

  /** Starts the call and waits for the server's handshake, so setup errors are thrown here. */
  GrpcWatch open(Duration timeout) throws InterruptedException {
    start();
    Object first = inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    if (first == null) {
      close();
      throw new dev.spindle.runtime.state.StateException.Unavailable(pointer, "no watch handshake from the server in "
          + timeout, null);
    }
    if (first instanceof Throwable t) {
      close();
      throw WireErrors.fromStatus(asStatus(t), pointer, WireErrors.Op.WATCH);
    }
    if (first instanceof WatchResponse r && r.getEventCount() > 0) {
      accept(r); // a server that skips the handshake: keep the events
    }
    call.request(1);
    return this;
  }

  private void start() {
    stub.watch(request, new ClientResponseObserver<WatchRequest, WatchResponse>() {
      @Override
      public void beforeStart(ClientCallStreamObserver<WatchRequest> requestStream) {
        call = requestStream;
        requestStream.disableAutoRequestWithInitial(1);
      }

      @Override
      public void onNext(WatchResponse value) {
        inbox.add(value);
      }

      @Override
      public void onError(Throwable t) {
        inbox.add(t);
      }

      @Override
      public void onCompleted() {
        inbox.add(COMPLETED);
      }
    });
  }

  @Override
  public Event next() throws InterruptedException {
    return read(Long.MAX_VALUE, true);
  }

  @Override
  public Event poll(Duration timeout) throws InterruptedException {
    try {
      return read(System.nanoTime() + Math.max(timeout.toNanos(), 0), false);
    } catch (ClosedException e) {
      return null;
    }
  }

  @Override
  public List<Event> nextBatch(int max) throws InterruptedException {
    readLock.lockInterruptibly();
    try {
      fill(Long.MAX_VALUE);
      var batch = new ArrayList<Event>();
      while (batch.size() < max && !pending.isEmpty()) {
        batch.add(pending.poll());
      }
      pendingCount = pending.size();
      return batch;
    } finally {
      readLock.unlock();
    }
  }

  private Event read(long deadline, boolean block) throws InterruptedException {
    readLock.lockInterruptibly();
    try {
      fill(block ? Long.MAX_VALUE : deadline);
      Event e = pending.poll();
      pendingCount = pending.size();
      return e;
    } finally {
      readLock.unlock();
    }
  }

  private void fill(long deadline) throws InterruptedException {
    while (pending.isEmpty()) {
      if (closed || ended) {
        throw new ClosedException(ended ? "the watch ended with an ERRORED event" : "the watch is closed");
      }
      Object item;
      if (deadline == Long.MAX_VALUE) {
        item = inbox.take();
      } else {
        long left = deadline - System.nanoTime();
        item = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
        if (item == null) {
          return;
        }
      }
      if (item instanceof WatchResponse r) {
        accept(r);
        if (!ended) {
          call.request(1);
        }
      } else if (item == COMPLETED) {
        if (!ended) {
          recover(Status.UNAVAILABLE.withDescription("the server ended the watch stream"));
        }
      } else if (item instanceof Throwable t) {
        if (!closed) {
          recover(Status.fromThrowable(t));
        }
      }
    }
  }

  private void accept(WatchResponse response) {
    for (var wireEvent : response.getEventList()) {
      Event e;
      try {
        e = fromWire(wireEvent);
      } catch (RuntimeException decode) {
        fail("cannot decode a watch event: " + decode.getMessage());
        return;
      }
      if (e.bookmark() != null) {
        lastBookmark = e.bookmark();
      }
      if (e.type() == EventType.NOOP && hideNoop) {
        continue;
      }
      pending.add(e);
      if (e.type() == EventType.ERRORED) {
        ended = true;
        call.cancel("watch ended", null);
        return;
      }
    }
  }

  /** Re-establishes a dropped stream from the last bookmark, or ends the watch with ERRORED. */
  private void recover(Status status) throws InterruptedException {
    if (FINAL.contains(status.getCode()) || lastBookmark == null) {
      fail(status.getCode() + ": " + status.getDescription());
      return;
    }
    long deadline = System.nanoTime() + resume.giveUpAfter().toNanos();
    Duration delay = resume.initialDelay();
    while (!closed) {
      request = request.toBuilder()
          .setOptions(request.getOptions().toBuilder()
              .setBootstrapContents(false).setTailEvents(0).setBootstrapBookmark(false)
              .setStartFromBookmark(ByteString.copyFrom(lastBookmark.bytes())))
          .build();
      inbox.clear();
      start();
      Object first = inbox.poll(resume.handshakeTimeout().toNanos(), TimeUnit.NANOSECONDS);
      if (first instanceof WatchResponse r) {
        accept(r);
        if (!ended) {
          call.request(1);
        }
        return;
      }
      call.cancel("retrying", null);
      Status again = first instanceof Throwable t ? Status.fromThrowable(t) : Status.UNAVAILABLE;
      if (FINAL.contains(again.getCode()) || System.nanoTime() > deadline) {
        fail("resuming after " + status.getCode() + ": " + again.getCode() + ": " + again.getDescription());
        return;
      }
      Thread.sleep(delay);
      delay = delay.multipliedBy(2).compareTo(resume.maxDelay()) > 0 ? resume.maxDelay() : delay.multipliedBy(2);
    }
  }

  private void fail(String why) {
    pending.add(Event.errored(pointer.kind().pointer(""), "namespace \"" + pointer.namespace() + "\" type \""
        + pointer.type() + "\": " + why));
    ended = true;
    if (call != null) {
      call.cancel("watch failed", null);
    }
  }

  private Event fromWire(dev.spindle.api.cosi.Event w) {
    EventType type = EventType.values()[w.getEventTypeValue()];
    Bookmark bookmark = w.hasBookmark() ? Bookmark.of(w.getBookmark().toByteArray()) : null;
    ResourcePointer kindPointer = pointer.kind().pointer("");
    return switch (type) {
      case ERRORED -> Event.errored(kindPointer, w.getError());
      case BOOTSTRAPPED -> Event.bootstrapped(kindPointer, bookmark);
      case NOOP -> Event.noop(kindPointer, bookmark);
      case CREATED -> Event.created(wire.fromWire(w.getResource()), bookmark);
      case UPDATED -> new Event(EventType.UPDATED, pointerOf(w.getResource()), wire.fromWire(w.getResource()),
          w.hasOld() ? wire.fromWire(w.getOld()) : null, null, bookmark);
      case DESTROYED -> {
        var md = w.getResource().getMetadata();
        if (md.getVersion().equals("undefined")) {
          yield Event.absent(pointerOf(w.getResource()));
        }
        Resource<?> last = wire.fromWire(w.getResource());
        yield Event.destroyed(last, bookmark);
      }
    };
  }

  private static ResourcePointer pointerOf(dev.spindle.api.cosi.Resource r) {
    var md = r.getMetadata();
    return new ResourcePointer(md.getNamespace(), md.getType(), md.getId());
  }

  private static StatusRuntimeException asStatus(Throwable t) {
    return t instanceof StatusRuntimeException s ? s : Status.fromThrowable(t).asRuntimeException(
        Status.trailersFromThrowable(t));
  }

  @Override
  public boolean isClosed() {
    return closed || (ended && pendingCount == 0);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    var c = call;
    if (c != null) {
      c.cancel("closed by the client", null);
    }
    inbox.add(CLOSED);
  }
}
