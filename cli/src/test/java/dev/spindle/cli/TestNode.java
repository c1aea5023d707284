package dev.spindle.cli;

import dev.spindle.api.machine.ConfigApplier;
import dev.spindle.api.machine.MachineService;

import dev.spindle.api.WireResources;
import dev.spindle.api.server.MutualTlsServer;
import dev.spindle.api.auth.ClientConfig;
import dev.spindle.api.auth.ClientContext;
import dev.spindle.api.auth.Pki;
import dev.spindle.api.auth.ServerNames;
import dev.spindle.api.auth.StateDirectoryPki;
import dev.spindle.runtime.meta.MetaResources;
import dev.spindle.runtime.resource.ResourceRegistry;
import dev.spindle.runtime.state.HistoryOptions;
import dev.spindle.runtime.state.InMemoryState;
import io.grpc.Server;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A node as spindlectl sees it: the COSI State service over an in-memory store, on 127.0.0.1 with mutual TLS and
 * the PKI the daemon keeps in its state directory, callers' roles taken from their certificates. The store's clock
 * is fixed so that golden outputs can show exact times.
 */
final class TestNode implements AutoCloseable {
  static final Instant CLOCK = Instant.parse("2024-05-06T07:08:09Z");

  final InMemoryState state = new InMemoryState(InstantSource.fixed(CLOCK), HistoryOptions.DEFAULT);
  final Path stateDir;
  final Pki pki;
  private final Server server;

  private TestNode(Path stateDir) throws IOException {
    this(stateDir, null);
  }

  /** {@code applier}: also serve {@code machine.MachineService} over it (null: the State service only). */
  private TestNode(Path stateDir, ConfigApplier applier) throws IOException {
    this.stateDir = stateDir;
    this.pki = new StateDirectoryPki(stateDir, ServerNames.loopback()).loadOrCreate().pki();
    MetaResources.publishDefaults(state);
    TestTypes.ALL.forEach(definition -> MetaResources.publish(state, definition));
    var registry = ResourceRegistry.of(TestTypes.ALL);
    var builder = MutualTlsServer.builder(new InetSocketAddress("127.0.0.1", 0), pki, state,
        new WireResources(registry));
    if (applier != null) {
      builder.addService(MutualTlsServer.authenticated(pki, new MachineService(applier, () -> "test-node")));
    }
    this.server = builder.build().start();
  }

  static TestNode start(Path stateDir) throws IOException {
    return new TestNode(stateDir);
  }

  static TestNode start(Path stateDir, ConfigApplier applier) throws IOException {
    return new TestNode(stateDir, applier);
  }

  int port() {
    return server.getPort();
  }

  String endpoint() {
    return "127.0.0.1:" + port();
  }

  /** The admin config the daemon writes on first start. */
  Path writeAdminConfig(Path file) throws IOException {
    ClientConfig.forAdmin("test", List.of(endpoint()), pki).write(file);
    return file;
  }

  static Path writeConfig(Path file, ClientContext context) throws IOException {
    new ClientConfig("test", Map.of("test", context)).write(file);
    return file;
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
