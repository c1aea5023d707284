package dev.spindle.benchmarks;

import dev.spindle.api.WireResources;
import dev.spindle.api.server.MutualTlsServer;
import dev.spindle.api.auth.AuthInterceptor;
import dev.spindle.api.auth.ClientContext;
import dev.spindle.api.auth.Pki;
import dev.spindle.api.auth.ServerNames;
import dev.spindle.api.auth.TlsContexts;
import dev.spindle.api.server.StateService;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceKind;
import dev.spindle.runtime.resource.ResourcePointer;
import dev.spindle.runtime.resource.ResourceRegistry;
import dev.spindle.runtime.state.InMemoryState;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The server side of the API probes, wired as the daemon wires it ({@code SpindleNode}): an {@link InMemoryState}
 * holding {@code resources} {@link LinkStatusLikeSpec LinkStatus-sized} resources (ids {@code eth0} …), a
 * {@link StateService} behind {@link AuthInterceptor#mutualTls}, a Netty server on {@code 127.0.0.1:0} with the
 * daemon's TLS context and a virtual-thread-per-call executor. The PKI is generated in memory
 * ({@link Pki#generate}). The {@link LinkStatusLikeSpec#DEFINITION} is registered, so specs go out as protobuf and
 * YAML, and a client with the same registry decodes them back into records.
 */
final class ApiServerFixture implements AutoCloseable {
  static final String OWNER = "network.LinkStatusController";

  final Pki pki;
  final ResourceRegistry registry;
  final WireResources wire;
  final InMemoryState state;
  final Server server;
  private final ExecutorService executor;

  private ApiServerFixture(Pki pki, ResourceRegistry registry, InMemoryState state, Server server,
      ExecutorService executor) {
    this.pki = pki;
    this.registry = registry;
    this.wire = new WireResources(registry);
    this.state = state;
    this.server = server;
    this.executor = executor;
  }

  static ResourceRegistry registry() {
    return ResourceRegistry.of(List.of(LinkStatusLikeSpec.DEFINITION));
  }

  static ResourceKind kind() {
    return LinkStatusLikeSpec.DEFINITION.kind();
  }

  static ResourcePointer pointer(int i) {
    return kind().pointer(LinkStatusLikeSpec.id(i));
  }

  static ApiServerFixture start(int resources) throws IOException {
    var pki = Pki.generate(ServerNames.loopback());
    var registry = registry();
    var state = new InMemoryState();
    for (int i = 0; i < resources; i++) {
      state.create(Resource.of(LinkStatusLikeSpec.DEFINITION, LinkStatusLikeSpec.id(i), LinkStatusLikeSpec.sample(i)),
          OWNER);
    }
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    Server server = MutualTlsServer.builder(new InetSocketAddress("127.0.0.1", 0), pki, state,
        new WireResources(registry)).executor(executor).build().start();
    return new ApiServerFixture(pki, registry, state, server, executor);
  }

  String endpoint() {
    return "127.0.0.1:" + server.getPort();
  }

  /** The admin client context (certificate with role os:admin, trusting only this CA), as spindlectl would use. */
  ClientContext adminContext() {
    return ClientContext.of(List.of(endpoint()), pki.ca().certificate(), pki.admin());
  }

  /** A new TCP + TLS channel to {@code context}'s first endpoint, built as a client built from a config would. */
  static ManagedChannel channel(ClientContext context) throws IOException {
    return Grpc.newChannelBuilder(context.endpoints().getFirst(), TlsContexts.channelCredentials(context)).build();
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.shutdownNow();
    state.close();
  }
}
