package dev.spindle.api.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.api.WireResources;
import dev.spindle.api.server.Access;
import dev.spindle.api.server.StateService;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.state.Event;
import dev.spindle.runtime.state.EventType;
import dev.spindle.runtime.state.InMemoryState;
import dev.spindle.runtime.state.PathSpec;
import dev.spindle.runtime.state.Watch;
import dev.spindle.runtime.state.WatchKindOptions;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A watch whose stream drops (the server restarts over the same store) resumes from its bookmark. */
class GrpcWatchResumeTest {
  private final InMemoryState store = new InMemoryState();
  private Server server;
  private ManagedChannel channel;

  private Server serve(int port) throws IOException {
    return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
        .executor(Executors.newVirtualThreadPerTaskExecutor())
        .addService(new StateService(store, new WireResources(LoopbackServer.REGISTRY), () -> Access.ADMIN))
        .build().start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void droppedStreamResumesWithoutLossOrDuplicates() throws Exception {
    server = serve(0);
    int port = server.getPort();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    var client = new GrpcState(channel, new WireResources(LoopbackServer.REGISTRY), Duration.ofSeconds(10),
        new ResumePolicy(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(20),
            Duration.ofSeconds(5)));
    var kind = PathSpec.DEFINITION.kind();

    try (Watch watch = client.watchKind(kind, WatchKindOptions.DEFAULT)) {
      store.create(Resource.of(PathSpec.DEFINITION, "before", PathSpec.empty()));
      assertThat(next(watch).pointer().id()).isEqualTo("before");

      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      store.create(Resource.of(PathSpec.DEFINITION, "while-down", PathSpec.empty()));
      server = serve(port);
      store.create(Resource.of(PathSpec.DEFINITION, "after", PathSpec.empty()));

      assertThat(next(watch).pointer().id()).isEqualTo("while-down");
      assertThat(next(watch).pointer().id()).isEqualTo("after");
      assertThat(watch.poll(Duration.ofMillis(300))).as("no duplicate after the resume").isNull();
    }
  }

  @Test
  void watchThatCannotResumeEndsWithErrored() throws Exception {
    server = serve(0);
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    var client = new GrpcState(channel, new WireResources(LoopbackServer.REGISTRY), Duration.ofSeconds(10),
        new ResumePolicy(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(500),
            Duration.ofSeconds(1)));

    try (Watch watch = client.watchKind(PathSpec.DEFINITION.kind(), WatchKindOptions.DEFAULT)) {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      Event e = watch.poll(Duration.ofSeconds(10));
      assertThat(e).isNotNull();
      assertThat(e.type()).isEqualTo(EventType.ERRORED);
      assertThat(e.error()).contains("namespace \"default\" type \"Paths.os.spindle.dev\"");
      assertThat(watch.poll(Duration.ofMillis(50))).isNull();
      assertThat(watch.isClosed()).isTrue();
    }
  }

  private static Event next(Watch watch) throws InterruptedException {
    Event e = watch.poll(Duration.ofSeconds(10));
    assertThat(e).as("an event within 10 s").isNotNull();
    assertThat(e.type()).as("%s", e).isEqualTo(EventType.CREATED);
    return e;
  }
}
