package dev.spindle.api.client;

import dev.spindle.api.WireResources;
import dev.spindle.api.server.Access;
import dev.spindle.api.server.StateService;
import dev.spindle.runtime.resource.ResourceRegistry;
import dev.spindle.runtime.state.InMemoryState;
import dev.spindle.runtime.state.PathSpec;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** A State service over an in-memory store, and a {@link GrpcState} client of it, in-process or over TCP loopback. */
final class LoopbackServer implements AutoCloseable {
  static final ResourceRegistry REGISTRY = ResourceRegistry.of(List.of(PathSpec.DEFINITION, SecretSpec.DEFINITION));

  final InMemoryState store;
  final Server server;
  final ManagedChannel channel;
  final GrpcState client;

  private LoopbackServer(InMemoryState store, Server server, ManagedChannel channel) {
    this.store = store;
    this.server = server;
    this.channel = channel;
    this.client = new GrpcState(channel, new WireResources(REGISTRY));
  }

  private static StateService service(InMemoryState store, Supplier<Access> access) {
    return new StateService(store, new WireResources(REGISTRY), access);
  }

  static LoopbackServer inProcess(Supplier<Access> access) throws Exception {
    var store = new InMemoryState();
    String name = InProcessServerBuilder.generateName();
    Server server = InProcessServerBuilder.forName(name).executor(Executors.newVirtualThreadPerTaskExecutor())
        .addService(service(store, access)).build().start();
    return new LoopbackServer(store, server, InProcessChannelBuilder.forName(name).build());
  }

  static LoopbackServer tcp(Supplier<Access> access) throws Exception {
    var store = new InMemoryState();
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .executor(Executors.newVirtualThreadPerTaskExecutor()).addService(service(store, access)).build().start();
    var channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    return new LoopbackServer(store, server, channel);
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow();
    server.shutdownNow();
    channel.awaitTermination(5, TimeUnit.SECONDS);
    server.awaitTermination(5, TimeUnit.SECONDS);
  }
}
