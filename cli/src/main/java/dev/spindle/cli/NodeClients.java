package dev.spindle.cli;

import dev.spindle.api.WireResources;
import dev.spindle.api.auth.TlsContexts;
import dev.spindle.api.client.GrpcState;
import dev.spindle.api.client.ResumePolicy;
import dev.spindle.runtime.resource.ResourceRegistry;
import dev.spindle.runtime.state.State;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * One gRPC channel and {@link State} per target node, all presenting the context's client certificate. The state
 * knows no spec classes, so every spec arrives as the server's YAML text ({@code RawSpec}) and is printed from it:
 * spindlectl shows any type a node publishes, including types newer than itself.
 */
final class NodeClients implements AutoCloseable {
  /** Per request; a watch waits this long for the server's handshake. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  record NodeClient(String name, HostPort address, State state) {}

  private final List<NodeClient> clients = new ArrayList<>();
  private final List<ManagedChannel> channels = new ArrayList<>();

  private NodeClients() {}

  static NodeClients open(Targets targets) {
    ChannelCredentials credentials;
    try {
      credentials = TlsContexts.channelCredentials(targets.credentials());
    } catch (SSLException | IllegalArgumentException e) {
      throw new CliException(ExitStatus.ERROR, "context \"" + targets.contextName() + "\" of " + targets.configPath()
          + ": " + e.getMessage(), e);
    }
    var wire = new WireResources(new ResourceRegistry());
    var result = new NodeClients();
    for (Targets.Target target : targets.nodes()) {
      ManagedChannel channel = Grpc.newChannelBuilderForAddress(target.address().host(), target.address().port(),
          credentials).build();
      result.channels.add(channel);
      result.clients.add(new NodeClient(target.name(), target.address(),
          new GrpcState(channel, wire, CALL_TIMEOUT, ResumePolicy.DEFAULT)));
    }
    return result;
  }

  List<NodeClient> all() {
    return List.copyOf(clients);
  }

  @Override
  public void close() {
    channels.forEach(ManagedChannel::shutdownNow);
    for (ManagedChannel channel : channels) {
      try {
        channel.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
