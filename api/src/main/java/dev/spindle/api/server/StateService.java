package dev.spindle.api.server;

import dev.spindle.api.WireErrors;
import dev.spindle.api.WireErrors.Op;
import dev.spindle.api.WireQueries;
import dev.spindle.api.WireResources;
import dev.spindle.api.cosi.CreateRequest;
import dev.spindle.api.cosi.CreateResponse;
import dev.spindle.api.cosi.DestroyRequest;
import dev.spindle.api.cosi.DestroyResponse;
import dev.spindle.api.cosi.GetRequest;
import dev.spindle.api.cosi.GetResponse;
import dev.spindle.api.cosi.ListRequest;
import dev.spindle.api.cosi.ListResponse;
import dev.spindle.api.cosi.StateGrpc;
import dev.spindle.api.cosi.TeardownAndDestroyRequest;
import dev.spindle.api.cosi.TeardownAndDestroyResponse;
import dev.spindle.api.cosi.TeardownRequest;
import dev.spindle.api.cosi.TeardownResponse;
import dev.spindle.api.cosi.UpdateRequest;
import dev.spindle.api.cosi.UpdateResponse;
import dev.spindle.api.cosi.WatchRequest;
import dev.spindle.api.cosi.WatchResponse;
import dev.spindle.runtime.resource.Phase;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceDefinition;
import dev.spindle.runtime.resource.ResourceKind;
import dev.spindle.runtime.resource.ResourcePointer;
import dev.spindle.runtime.state.State;
import dev.spindle.runtime.state.StateException;
import dev.spindle.runtime.state.UpdateOptions;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The COSI {@code cosi.resource.State} service over any {@link State}. Status codes follow COSI so that Go clients
 * classify errors as they do against machined; reads of sensitive types need {@link Access#mayReadSensitive()} and
 * every write needs {@link Access#mayWrite()}. Types with their own write path (the machine configuration, changed
 * only through {@code apply-config}, which validates and stores it) are read-only here, for admins too.
 */
public final class StateService extends StateGrpc.StateImplBase {
  private static final Duration TEARDOWN_WITHOUT_DEADLINE = Duration.ofHours(1);

  private final State state;
  private final WireResources wire;
  private final Supplier<Access> access;
  private final Map<String, String> readOnlyTypes;

  public StateService(State state, WireResources wire, Supplier<Access> access) {
    this(state, wire, access, Map.of());
  }

  /** @param readOnlyTypes type → how it is changed instead ({@code "through apply-config"}) */
  public StateService(State state, WireResources wire, Supplier<Access> access, Map<String, String> readOnlyTypes) {
    this.state = state;
    this.wire = wire;
    this.access = access;
    this.readOnlyTypes = Map.copyOf(readOnlyTypes);
  }

  @Override
  public void get(GetRequest request, StreamObserver<GetResponse> response) {
    var pointer = pointer(request.getNamespace(), request.getType(), request.getId());
    run(response, Op.GET, pointer, () -> {
      checkRead(pointer.kind());
      response.onNext(GetResponse.newBuilder().setResource(wire.toWire(state.get(pointer))).build());
      response.onCompleted();
    });
  }

  @Override
  public void list(ListRequest request, StreamObserver<ListResponse> response) {
    var kind = kind(request.getNamespace(), request.getType());
    var flow = new FlowControl((ServerCallStreamObserver<ListResponse>) response);
    run(response, Op.LIST, kind.pointer(""), () -> {
      checkRead(kind);
      var query = WireQueries.fromWire(request.getOptions().getLabelQueryList(), request.getOptions().getIdQuery());
      List<Resource<?>> resources = state.list(kind, query);
      // Sent from a thread of its own: gRPC delivers readiness on the call's executor, which a handler that
      // waits for readiness would block.
      Thread.ofVirtual().name("spindle-grpc-list-" + kind.type()).start(() -> run(response, Op.LIST, kind.pointer(""),
          () -> {
            for (Resource<?> r : resources) {
              flow.awaitReady();
              response.onNext(ListResponse.newBuilder().setResource(wire.toWire(r)).build());
            }
            response.onCompleted();
          }));
    });
  }

  @Override
  public void create(CreateRequest request, StreamObserver<CreateResponse> response) {
    run(response, Op.CREATE, pointerOf(request.getResource()), () -> {
      checkWrite(pointerOf(request.getResource()));
      Resource<?> created = state.create(wire.fromWire(request.getResource()), request.getOptions().getOwner());
      response.onNext(CreateResponse.newBuilder().setResource(wire.toWire(created)).build());
      response.onCompleted();
    });
  }

  @Override
  public void update(UpdateRequest request, StreamObserver<UpdateResponse> response) {
    run(response, Op.UPDATE, pointerOf(request.getNewResource()), () -> {
      checkWrite(pointerOf(request.getNewResource()));
      var options = request.getOptions();
      Phase expected = options.hasExpectedPhase() ? Phase.parse(options.getExpectedPhase()) : null;
      Resource<?> updated = state.update(wire.fromWire(request.getNewResource()),
          new UpdateOptions(options.getOwner(), expected));
      response.onNext(UpdateResponse.newBuilder().setResource(wire.toWire(updated)).build());
      response.onCompleted();
    });
  }

  @Override
  public void destroy(DestroyRequest request, StreamObserver<DestroyResponse> response) {
    var pointer = pointer(request.getNamespace(), request.getType(), request.getId());
    run(response, Op.DESTROY, pointer, () -> {
      checkWrite(pointer);
      state.destroy(pointer, request.getOptions().getOwner());
      response.onNext(DestroyResponse.getDefaultInstance());
      response.onCompleted();
    });
  }

  @Override
  public void teardown(TeardownRequest request, StreamObserver<TeardownResponse> response) {
    var pointer = pointer(request.getNamespace(), request.getType(), request.getId());
    run(response, Op.TEARDOWN, pointer, () -> {
      checkWrite(pointer);
      boolean ready = state.teardown(pointer, request.getOptions().getOwner());
      response.onNext(TeardownResponse.newBuilder().setDestroyReady(ready).build());
      response.onCompleted();
    });
  }

  @Override
  public void teardownAndDestroy(TeardownAndDestroyRequest request,
      StreamObserver<TeardownAndDestroyResponse> response) {
    var pointer = pointer(request.getNamespace(), request.getType(), request.getId());
    run(response, Op.TEARDOWN_AND_DESTROY, pointer, () -> {
      checkWrite(pointer);
      Deadline deadline = Context.current().getDeadline();
      Duration timeout = deadline == null ? TEARDOWN_WITHOUT_DEADLINE
          : Duration.ofNanos(Math.max(deadline.timeRemaining(TimeUnit.NANOSECONDS), 0));
      Thread handler = Thread.currentThread();
      Context.current().addListener(ctx -> handler.interrupt(), Runnable::run);
      try {
        state.teardownAndDestroy(pointer, request.getOptions().getOwner(), timeout);
      } catch (TimeoutException e) {
        throw Status.DEADLINE_EXCEEDED.withDescription("waiting for finalizers of " + pointer).asRuntimeException();
      } catch (InterruptedException e) {
        throw Status.CANCELLED.withDescription("cancelled while waiting for finalizers of " + pointer)
            .asRuntimeException();
      }
      response.onNext(TeardownAndDestroyResponse.getDefaultInstance());
      response.onCompleted();
    });
  }

  @Override
  public void watch(WatchRequest request, StreamObserver<WatchResponse> response) {
    var kind = kind(request.getNamespace(), request.getType());
    var pointer = request.hasId() ? kind.pointer(request.getId()) : kind.pointer("");
    run(response, Op.WATCH, pointer, () -> {
      checkRead(kind);
      new WatchStream(state, wire, request, (ServerCallStreamObserver<WatchResponse>) response).start();
    });
  }

  // ---- helpers ------------------------------------------------------------------------------------------------

  @FunctionalInterface
  private interface Call {
    void run() throws Exception;
  }

  /** Runs a call body, turning every failure into the status COSI uses for it. */
  private static void run(StreamObserver<?> response, Op op, ResourcePointer pointer, Call body) {
    try {
      if (pointer.namespace().isEmpty() || pointer.type().isEmpty()) {
        throw new IllegalArgumentException("namespace and type are required");
      }
      body.run();
    } catch (StateException e) {
      response.onError(WireErrors.toStatus(e, op));
    } catch (StatusRuntimeException e) {
      response.onError(e);
    } catch (UnsupportedOperationException e) {
      response.onError(Status.UNIMPLEMENTED.withDescription(e.getMessage()).asRuntimeException());
    } catch (IllegalArgumentException e) {
      response.onError(Status.INVALID_ARGUMENT.withDescription(pointer + ": " + e.getMessage()).asRuntimeException());
    } catch (Exception e) {
      response.onError(Status.INTERNAL.withDescription(pointer + ": " + e).withCause(e).asRuntimeException());
    }
  }

  private void checkRead(ResourceKind kind) {
    if (access.get().mayReadSensitive()) {
      return;
    }
    boolean sensitive = wire.registry().find(kind.type()).map(ResourceDefinition::sensitive).orElse(false);
    if (sensitive) {
      throw new StateException.AccessDenied(kind.pointer(""), "reading " + kind.type()
          + " requires the os:admin role: the resource type is sensitive");
    }
  }

  private void checkWrite(ResourcePointer pointer) {
    Access caller = access.get();
    if (!caller.mayWrite()) {
      throw new StateException.AccessDenied(pointer, "writing " + pointer + " requires the os:admin role ("
          + caller.caller() + " may only read)");
    }
    String instead = readOnlyTypes.get(pointer.type());
    if (instead != null) {
      throw new StateException.AccessDenied(pointer, pointer.type() + " is read-only over the State API; it changes "
          + instead);
    }
  }

  private static ResourceKind kind(String namespace, String type) {
    return new ResourceKind(namespace, type);
  }

  private static ResourcePointer pointer(String namespace, String type, String id) {
    return kind(namespace, type).pointer(id);
  }

  private static ResourcePointer pointerOf(dev.spindle.api.cosi.Resource resource) {
    var md = resource.getMetadata();
    return new ResourcePointer(md.getNamespace(), md.getType(), md.getId());
  }
}
