package dev.spindle.api.server;

import com.google.protobuf.ByteString;
import dev.spindle.api.WireQueries;
import dev.spindle.api.WireResources;
import dev.spindle.api.cosi.EventType;
import dev.spindle.api.cosi.WatchRequest;
import dev.spindle.api.cosi.WatchResponse;
import dev.spindle.runtime.resource.ResourceKind;
import dev.spindle.runtime.state.Bookmark;
import dev.spindle.runtime.state.Event;
import dev.spindle.runtime.state.State;
import dev.spindle.runtime.state.Watch;
import dev.spindle.runtime.state.WatchKindOptions;
import dev.spindle.runtime.state.WatchOptions;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.List;

/**
 * One server-side Watch call: opens the watch (errors are reported before anything is sent), sends the empty
 * handshake response, then pumps events on a virtual thread. The pump sends only while the transport is ready, so a
 * slow client makes its own watch fall behind the history (and receive ERRORED) instead of growing server memory.
 * After an ERRORED event the stream is completed; clients that asked for {@code api_version} 0 cannot receive
 * ERRORED, so their stream ends with an ABORTED status carrying the reason.
 */
final class WatchStream {
  private final State state;
  private final WireResources wire;
  private final WatchRequest request;
  private final ServerCallStreamObserver<WatchResponse> observer;
  private final FlowControl flow;
  private Watch watch;

  WatchStream(State state, WireResources wire, WatchRequest request,
      ServerCallStreamObserver<WatchResponse> observer) {
    this.state = state;
    this.wire = wire;
    this.request = request;
    this.observer = observer;
    this.flow = new FlowControl(observer);
  }

  void start() {
    watch = open();
    flow.onCancel(watch::close);
    observer.onNext(WatchResponse.getDefaultInstance());
    Thread.ofVirtual().name("spindle-grpc-watch-" + request.getType()).start(this::pump);
  }

  private Watch open() {
    var kind = new ResourceKind(request.getNamespace(), request.getType());
    var o = request.getOptions();
    Bookmark bookmark = o.hasStartFromBookmark() ? Bookmark.of(o.getStartFromBookmark().toByteArray()) : null;
    if (request.hasId()) {
      if (o.getBootstrapContents()) {
        throw new UnsupportedOperationException("bootstrap contents is not implemented for resource watch");
      }
      if (o.getLabelQueryCount() > 0) {
        throw new UnsupportedOperationException("label queries are not implemented for resource watch");
      }
      return state.watch(kind.pointer(request.getId()), new WatchOptions(o.getTailEvents(), bookmark));
    }
    var query = WireQueries.fromWire(o.getLabelQueryList(), o.getIdQuery());
    return state.watchKind(kind, new WatchKindOptions(query, o.getBootstrapContents(), o.getBootstrapBookmark(),
        o.getTailEvents(), bookmark));
  }

  private void pump() {
    boolean aggregated = request.getOptions().getAggregated();
    try {
      while (!flow.cancelled()) {
        List<Event> batch = watch.nextBatch(aggregated ? 1024 : 64);
        var response = WatchResponse.newBuilder();
        for (Event e : batch) {
          if (e.type() == dev.spindle.runtime.state.EventType.ERRORED && request.getApiVersion() < 1) {
            send(response);
            observer.onError(Status.ABORTED.withDescription(e.error()).asRuntimeException());
            return;
          }
          if (request.getApiVersion() < 1 && e.type() == dev.spindle.runtime.state.EventType.BOOTSTRAPPED) {
            continue;
          }
          response.addEvent(toWire(e));
          if (!aggregated) {
            send(response);
            response = WatchResponse.newBuilder();
          }
          if (e.type() == dev.spindle.runtime.state.EventType.ERRORED) {
            send(response);
            observer.onCompleted();
            return;
          }
        }
        if (aggregated) {
          send(response);
        }
      }
    } catch (Watch.ClosedException | InterruptedException e) {
      // the client went away
    } catch (RuntimeException e) {
      if (!flow.cancelled()) {
        observer.onError(Status.INTERNAL.withDescription("watch of " + request.getType() + ": " + e)
            .asRuntimeException());
      }
    } finally {
      watch.close();
    }
  }

  private void send(WatchResponse.Builder response) throws InterruptedException {
    if (response.getEventCount() == 0) {
      return;
    }
    flow.awaitReady();
    observer.onNext(response.build());
  }

  private dev.spindle.api.cosi.Event toWire(Event e) {
    var b = dev.spindle.api.cosi.Event.newBuilder().setEventType(EventType.forNumber(e.type().ordinal()));
    if (e.resource() != null) {
      b.setResource(wire.toWire(e.resource()));
    } else if (e.type() != dev.spindle.runtime.state.EventType.ERRORED) {
      b.setResource(WireResources.tombstone(e.pointer()));
    }
    if (e.old() != null) {
      b.setOld(wire.toWire(e.old()));
    }
    if (e.error() != null) {
      b.setError(e.error());
    }
    if (e.bookmark() != null) {
      b.setBookmark(ByteString.copyFrom(e.bookmark().bytes()));
    }
    return b.build();
  }
}
