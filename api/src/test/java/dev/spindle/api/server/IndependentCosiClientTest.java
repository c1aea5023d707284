package dev.spindle.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.api.WireResources;
import dev.spindle.runtime.meta.MetaResources;
import dev.spindle.runtime.meta.NamespaceSpec;
import dev.spindle.runtime.meta.ResourceDefinitionSpec;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceRegistry;
import dev.spindle.runtime.state.InMemoryState;
import dev.spindle.runtime.state.PathSpec;
import independent.cosi.CosiClientProto;
import independent.cosi.StateGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A COSI client built only from the protocol's field numbers ({@code src/test/proto/independent}, its own generated
 * stubs, no Spindle code) lists, gets and watches through the server over TCP.
 */
class IndependentCosiClientTest {
  private final InMemoryState store = new InMemoryState();
  private Server server;
  private ManagedChannel channel;
  private StateGrpc.StateBlockingStub cosi;

  @BeforeEach
  void start() throws Exception {
    var registry = ResourceRegistry.of(List.of(PathSpec.DEFINITION, NamespaceSpec.DEFINITION,
        ResourceDefinitionSpec.DEFINITION));
    MetaResources.publishDefaults(store);
    MetaResources.publish(store, PathSpec.DEFINITION);
    store.create(Resource.of(PathSpec.DEFINITION, "var/run", new PathSpec("tmpfs")));
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .executor(Executors.newVirtualThreadPerTaskExecutor())
        .addService(new StateService(store, new WireResources(registry), () -> Access.ADMIN)).build().start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    cosi = StateGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void listsResourceDefinitionsWithProtobufSpecs() throws Exception {
    var definitions = new ArrayList<CosiClientProto.ResourceDefinitionSpec>();
    cosi.list(CosiClientProto.ListRequest.newBuilder().setNamespace("meta")
        .setType("ResourceDefinitions.meta.cosi.dev").build()).forEachRemaining(r -> {
          assertThat(r.getResource().getMetadata().getVersion()).isEqualTo("1");
          assertThat(r.getResource().getMetadata().getPhase()).isEqualTo("running");
          assertThat(r.getResource().getMetadata().getOwner()).isEqualTo("meta");
          assertThat(r.getResource().getSpec().getYamlSpec()).contains("displayType:");
          try {
            definitions.add(CosiClientProto.ResourceDefinitionSpec.parseFrom(r.getResource().getSpec().getProtoSpec()));
          } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
          }
        });

    assertThat(definitions).extracting(CosiClientProto.ResourceDefinitionSpec::getResourceType)
        .containsExactly("Namespaces.meta.cosi.dev", "Paths.os.spindle.dev", "ResourceDefinitions.meta.cosi.dev");
    var rd = definitions.get(2);
    assertThat(rd.getDisplayType()).isEqualTo("ResourceDefinition");
    assertThat(rd.getDefaultNamespace()).isEqualTo("meta");
    assertThat(rd.getAliasesList()).containsExactly("api-resources", "resourcedefinition", "rd", "rds");
    assertThat(rd.getPrintColumnsList()).singleElement().satisfies(c -> {
      assertThat(c.getName()).isEqualTo("Aliases");
      assertThat(c.getJsonPath()).isEqualTo("{.aliases[:]}");
    });
    assertThat(rd.getSensitivity()).isEqualTo(CosiClientProto.ResourceDefinitionSpec.Sensitivity.NON_SENSITIVE);
  }

  @Test
  void getsOneResource() {
    var response = cosi.get(CosiClientProto.GetRequest.newBuilder().setNamespace("default")
        .setType("Paths.os.spindle.dev").setId("var/run").build());
    assertThat(response.getResource().getMetadata().getId()).isEqualTo("var/run");
    assertThat(response.getResource().getSpec().getYamlSpec()).isEqualTo("note: tmpfs\n");
  }

  @Test
  void watchSendsTheHandshakeThenBootstrapThenChanges() {
    Iterator<CosiClientProto.WatchResponse> stream = cosi.watch(CosiClientProto.WatchRequest.newBuilder()
        .setNamespace("default").setType("Paths.os.spindle.dev").setApiVersion(1)
        .setOptions(CosiClientProto.WatchOptions.newBuilder().setBootstrapContents(true)).build());

    assertThat(stream.next().getEventCount()).as("the empty ready handshake").isZero();
    var created = stream.next().getEvent(0);
    assertThat(created.getEventType()).isEqualTo(CosiClientProto.EventType.CREATED);
    assertThat(created.getResource().getMetadata().getId()).isEqualTo("var/run");
    var bootstrapped = stream.next().getEvent(0);
    assertThat(bootstrapped.getEventType()).isEqualTo(CosiClientProto.EventType.BOOTSTRAPPED);
    assertThat(bootstrapped.getBookmark().size()).isEqualTo(16);

    store.updateWithConflicts(PathSpec.DEFINITION.pointer("var/run"), r -> r.withSpec(new PathSpec("ramfs")));
    var updated = stream.next().getEvent(0);
    assertThat(updated.getEventType()).isEqualTo(CosiClientProto.EventType.UPDATED);
    assertThat(updated.getResource().getSpec().getYamlSpec()).isEqualTo("note: ramfs\n");
    assertThat(updated.getOld().getSpec().getYamlSpec()).isEqualTo("note: tmpfs\n");
    assertThat(updated.hasBookmark()).isTrue();
  }

  @Test
  void apiVersionZeroClientsGetNoBootstrappedMarker() {
    Iterator<CosiClientProto.WatchResponse> stream = cosi.watch(CosiClientProto.WatchRequest.newBuilder()
        .setNamespace("default").setType("Paths.os.spindle.dev")
        .setOptions(CosiClientProto.WatchOptions.newBuilder().setBootstrapContents(true)).build());

    assertThat(stream.next().getEventCount()).isZero();
    assertThat(stream.next().getEvent(0).getEventType()).isEqualTo(CosiClientProto.EventType.CREATED);
    store.create(Resource.of(PathSpec.DEFINITION, "var/lib", PathSpec.empty()));
    var next = stream.next().getEvent(0);
    assertThat(next.getEventType()).isEqualTo(CosiClientProto.EventType.CREATED);
    assertThat(next.getResource().getMetadata().getId()).isEqualTo("var/lib");
  }

  @Test
  void singleResourceWatchOfAMissingResourceStartsWithATombstone() {
    Iterator<CosiClientProto.WatchResponse> stream = cosi.watch(CosiClientProto.WatchRequest.newBuilder()
        .setNamespace("default").setType("Paths.os.spindle.dev").setId("missing").setApiVersion(1).build());

    assertThat(stream.next().getEventCount()).isZero();
    var first = stream.next().getEvent(0);
    assertThat(first.getEventType()).isEqualTo(CosiClientProto.EventType.DESTROYED);
    assertThat(first.getResource().getMetadata().getVersion()).isEqualTo("undefined");
    assertThat(first.getResource().getMetadata().getPhase()).isEqualTo("running");
    assertThat(first.getResource().hasSpec()).isTrue();
  }
}
