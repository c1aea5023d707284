package dev.spindle.it;

import dev.spindle.api.WireResources;
import dev.spindle.api.auth.ClientConfig;
import dev.spindle.api.auth.TlsContexts;
import dev.spindle.api.client.GrpcState;
import dev.spindle.runtime.meta.NamespaceSpec;
import dev.spindle.runtime.meta.ResourceDefinitionSpec;
import dev.spindle.runtime.resource.ResourceRegistry;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A GrpcState over mutual TLS with the admin context a daemon wrote into its client configuration. */
final class AdminClient implements AutoCloseable {
  private final ManagedChannel channel;
  private final GrpcState state;

  private AdminClient(ManagedChannel channel) {
    this.channel = channel;
    this.state = new GrpcState(channel, new WireResources(ResourceRegistry.of(List.of(NamespaceSpec.DEFINITION,
        ResourceDefinitionSpec.DEFINITION))));
  }

  static AdminClient connect(Path clientConfig) throws IOException {
    var context = ClientConfig.read(clientConfig).currentContext();
    String endpoint = context.endpoints().getFirst();
    int colon = endpoint.lastIndexOf(':');
    return new AdminClient(NettyChannelBuilder.forAddress(endpoint.substring(0, colon),
        Integer.parseInt(endpoint.substring(colon + 1))).sslContext(TlsContexts.client(context)).build());
  }

  GrpcState state() {
    return state;
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
