package dev.spindle.cli;

import dev.spindle.api.WireResources;
import dev.spindle.api.auth.TlsContexts;
import dev.spindle.api.client.GrpcState;
import dev.spindle.api.client.ResumePolicy;
import dev.spindle.runtime.resource.ResourceRegistry;
import dev.spindle.runtime.state.State;
import io.grpc.ChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettySslContextChannelCredentials;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
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

  record NodeClient(String name, HostPort address, State state, ManagedChannel channel) {}

  private final List<NodeClient> clients = new ArrayList<>();
  private final List<ManagedChannel> channels = new ArrayList<>();
  /**
   * The channels' I/O thread, owned here rather than grpc's shared group so that {@link #close} can end it: grpc
   * releases its shared group a second after the last channel, and a thread still waiting in epoll when
   * {@code System.exit} runs makes HotSpot's exit wait 300 ms for it. NIO rather than grpc's default epoll
   * transport: one thread serves all nodes just as well, and with epoll not even probed (see
   * {@link Spindlectl#main}) no native transport library is extracted and loaded on each run.
   */
  private final EventLoopGroup eventLoop = new NioEventLoopGroup(1);

  private NodeClients() {}

  static NodeClients open(Targets targets) {
    StartupTrace.mark("client config read");
    ChannelCredentials credentials;
    try {
      var cas = targets.credentials().caCertificates();
      var key = targets.credentials().clientCertificate();
      StartupTrace.mark("PEM certificates and key decoded");
      credentials = NettySslContextChannelCredentials.create(TlsContexts.client(cas, key));
      StartupTrace.mark("TLS context built");
    } catch (SSLException | IllegalArgumentException e) {
      throw new CliException(ExitStatus.ERROR, "context \"" + targets.contextName() + "\" of " + targets.configPath()
          + ": " + e.getMessage(), e);
    }
    var wire = new WireResources(new ResourceRegistry());
    var result = new NodeClients();
    for (Targets.Target target : targets.nodes()) {
      ManagedChannel channel = NettyChannelBuilder.forAddress(target.address().host(), target.address().port(),
              credentials)
          .eventLoopGroup(result.eventLoop)
          .channelType(NioSocketChannel.class)
          .build();
      result.channels.add(channel);
      result.clients.add(new NodeClient(target.name(), target.address(),
          new GrpcState(channel, wire, CALL_TIMEOUT, ResumePolicy.DEFAULT), channel));
    }
    StartupTrace.mark("channels built");
    return result;
  }

  List<NodeClient> all() {
    return List.copyOf(clients);
  }

  @Override
  public void close() {
    channels.forEach(ManagedChannel::shutdownNow);
    try {
      for (ManagedChannel channel : channels) {
        channel.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      // No quiet period: the channels are shut down, so no more work comes. Waiting for the thread to end is what
      // keeps the JVM's exit quick (see eventLoop); the wait is short, as the thread has nothing left to do.
      eventLoop.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
      StartupTrace.mark("channels closed");
    }
  }
}
