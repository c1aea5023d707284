package dev.spindle.api.client;

import com.google.protobuf.ByteString;
import dev.spindle.api.WireErrors;
import dev.spindle.api.WireErrors.Op;
import dev.spindle.api.WireQueries;
import dev.spindle.api.WireResources;
import dev.spindle.api.cosi.CreateOptions;
import dev.spindle.api.cosi.CreateRequest;
import dev.spindle.api.cosi.DestroyOptions;
import dev.spindle.api.cosi.DestroyRequest;
import dev.spindle.api.cosi.GetOptions;
import dev.spindle.api.cosi.GetRequest;
import dev.spindle.api.cosi.ListOptions;
import dev.spindle.api.cosi.ListRequest;
import dev.spindle.api.cosi.ListResponse;
import dev.spindle.api.cosi.StateGrpc;
import dev.spindle.api.cosi.TeardownAndDestroyOptions;
import dev.spindle.api.cosi.TeardownAndDestroyRequest;
import dev.spindle.api.cosi.TeardownOptions;
import dev.spindle.api.cosi.TeardownRequest;
import dev.spindle.api.cosi.UpdateRequest;
import dev.spindle.api.cosi.WatchRequest;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceKind;
import dev.spindle.runtime.resource.ResourcePointer;
import dev.spindle.runtime.resource.ResourceQuery;
import dev.spindle.runtime.state.State;
import dev.spindle.runtime.state.StateException;
import dev.spindle.runtime.state.UpdateOptions;
import dev.spindle.runtime.state.Watch;
import dev.spindle.runtime.state.WatchKindOptions;
import dev.spindle.runtime.state.WatchOptions;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link State} served by a remote {@code cosi.resource.State} service: the same contract as the in-memory store
 * (it passes the same conformance suite), over gRPC. Specs of types in the registry come back as their records;
 * others as {@link dev.spindle.api.RawSpec}. Teardown and TeardownAndDestroy use their RPCs and fall back to the
 * generic algorithms on servers that do not implement them.
 */
public final class GrpcState implements State {
  private final StateGrpc.StateBlockingStub blocking;
  private final StateGrpc.StateStub async;
  private final WireResources wire;
  private final Duration callTimeout;
  private final ResumePolicy resume;
  private volatile boolean teardownRpc = true;

  public GrpcState(Channel channel, WireResources wire) {
    this(channel, wire, Duration.ofSeconds(30), ResumePolicy.DEFAULT);
  }

  public GrpcState(Channel channel, WireResources wire, Duration callTimeout, ResumePolicy resume) {
    this.blocking = StateGrpc.newBlockingStub(channel);
    this.async = StateGrpc.newStub(channel);
    this.wire = wire;
    this.callTimeout = callTimeout;
    this.resume = resume;
  }

  private StateGrpc.StateBlockingStub stub() {
    return blocking.withDeadlineAfter(callTimeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public Resource<?> get(ResourcePointer pointer) {
    try {
      var response = stub().get(GetRequest.newBuilder().setNamespace(pointer.namespace()).setType(pointer.type())
          .setId(pointer.id()).setOptions(GetOptions.getDefaultInstance()).build());
      return wire.fromWire(response.getResource());
    } catch (StatusRuntimeException e) {
      throw WireErrors.fromStatus(e, pointer, Op.GET);
    }
  }

  @Override
  public List<Resource<?>> list(ResourceKind kind, ResourceQuery query) {
    var request = ListRequest.newBuilder().setNamespace(kind.namespace()).setType(kind.type())
        .setOptions(ListOptions.newBuilder().addAllLabelQuery(WireQueries.toWire(query))
            .setIdQuery(WireQueries.idToWire(query)))
        .build();
    try {
      var result = new ArrayList<Resource<?>>();
      Iterator<ListResponse> it = stub().list(request);
      while (it.hasNext()) {
        result.add(wire.fromWire(it.next().getResource()));
      }
      return result;
    } catch (StatusRuntimeException e) {
      throw WireErrors.fromStatus(e, kind.pointer(""), Op.LIST);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <S> Resource<S> create(Resource<S> resource, String owner) {
    try {
      var response = stub().create(CreateRequest.newBuilder().setResource(wire.toWire(resource))
          .setOptions(CreateOptions.newBuilder().setOwner(owner == null ? "" : owner)).build());
      return (Resource<S>) wire.fromWire(response.getResource());
    } catch (StatusRuntimeException e) {
      throw WireErrors.fromStatus(e, resource.pointer(), Op.CREATE);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <S> Resource<S> update(Resource<S> resource, UpdateOptions options) {
    var wireOptions = dev.spindle.api.cosi.UpdateOptions.newBuilder().setOwner(options.owner());
    if (options.expectedPhase() != null) {
      wireOptions.setExpectedPhase(options.expectedPhase().text());
    }
    try {
      var response = stub().update(UpdateRequest.newBuilder().setNewResource(wire.toWire(resource))
          .setOptions(wireOptions).build());
      return (Resource<S>) wire.fromWire(response.getResource());
    } catch (StatusRuntimeException e) {
      throw WireErrors.fromStatus(e, resource.pointer(), Op.UPDATE);
    }
  }

  @Override
  public void destroy(ResourcePointer pointer, String owner) {
    try {
      stub().destroy(DestroyRequest.newBuilder().setNamespace(pointer.namespace()).setType(pointer.type())
          .setId(pointer.id()).setOptions(DestroyOptions.newBuilder().setOwner(owner == null ? "" : owner)).build());
    } catch (StatusRuntimeException e) {
      throw WireErrors.fromStatus(e, pointer, Op.DESTROY);
    }
  }

  @Override
  public boolean teardown(ResourcePointer pointer, String owner) {
    if (teardownRpc) {
      try {
        return stub().teardown(TeardownRequest.newBuilder().setNamespace(pointer.namespace())
            .setType(pointer.type()).setId(pointer.id())
            .setOptions(TeardownOptions.newBuilder().setOwner(owner == null ? "" : owner)).build()).getDestroyReady();
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
          throw WireErrors.fromStatus(e, pointer, Op.TEARDOWN);
        }
        teardownRpc = false; // an older server: use the generic algorithm from now on
      }
    }
    return State.super.teardown(pointer, owner);
  }

  @Override
  public void teardownAndDestroy(ResourcePointer pointer, String owner, Duration timeout)
      throws InterruptedException, TimeoutException {
    if (teardownRpc) {
      try {
        blocking.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS).teardownAndDestroy(
            TeardownAndDestroyRequest.newBuilder().setNamespace(pointer.namespace()).setType(pointer.type())
                .setId(pointer.id()).setOptions(TeardownAndDestroyOptions.newBuilder()
                    .setOwner(owner == null ? "" : owner)).build());
        return;
      } catch (StatusRuntimeException e) {
        switch (e.getStatus().getCode()) {
          case DEADLINE_EXCEEDED -> throw new TimeoutException("waiting for finalizers of " + pointer);
          case UNIMPLEMENTED -> teardownRpc = false;
          default -> throw WireErrors.fromStatus(e, pointer, Op.TEARDOWN_AND_DESTROY);
        }
      }
    }
    State.super.teardownAndDestroy(pointer, owner, timeout);
  }

  @Override
  public Watch watch(ResourcePointer pointer, WatchOptions options) {
    var wireOptions = dev.spindle.api.cosi.WatchOptions.newBuilder().setTailEvents(options.tailEvents());
    if (options.startFromBookmark() != null) {
      wireOptions.setStartFromBookmark(ByteString.copyFrom(options.startFromBookmark().bytes()));
    }
    var request = WatchRequest.newBuilder().setNamespace(pointer.namespace()).setType(pointer.type())
        .setId(pointer.id()).setOptions(wireOptions).setApiVersion(1).build();
    return open(request, pointer, false);
  }

  @Override
  public Watch watchKind(ResourceKind kind, WatchKindOptions options) {
    // Always ask for the bootstrap bookmark, so a stream dropped before the first change can still be resumed.
    var wireOptions = dev.spindle.api.cosi.WatchOptions.newBuilder()
        .setBootstrapContents(options.bootstrapContents())
        .setBootstrapBookmark(true)
        .setTailEvents(options.tailEvents())
        .addAllLabelQuery(WireQueries.toWire(options.query()))
        .setIdQuery(WireQueries.idToWire(options.query()))
        .setAggregated(true);
    if (options.startFromBookmark() != null) {
      wireOptions.setStartFromBookmark(ByteString.copyFrom(options.startFromBookmark().bytes()));
    }
    var request = WatchRequest.newBuilder().setNamespace(kind.namespace()).setType(kind.type())
        .setOptions(wireOptions).setApiVersion(1).build();
    return open(request, kind.pointer(""), !options.bootstrapBookmark());
  }

  private Watch open(WatchRequest request, ResourcePointer pointer, boolean hideNoop) {
    try {
      return new GrpcWatch(async, wire, request, pointer, hideNoop, resume).open(callTimeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateException.Unavailable(pointer, "interrupted while opening a watch", e);
    }
  }
}
