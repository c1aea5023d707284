package dev.spindle.daemon;

import dev.spindle.api.WireResources;
import dev.spindle.api.auth.ClientConfig;
import dev.spindle.api.auth.ClientContext;
import dev.spindle.api.auth.ServerNames;
import dev.spindle.api.auth.StateDirectoryPki;
import dev.spindle.api.server.MutualTlsServer;
import dev.spindle.controllers.network.NetworkControllers;
import dev.spindle.platform.network.NetlinkException;
import dev.spindle.runtime.controller.ControllerRuntime;
import dev.spindle.runtime.controller.RuntimeOptions;
import dev.spindle.runtime.meta.MetaResources;
import dev.spindle.runtime.resource.ResourceDefinition;
import dev.spindle.runtime.resource.ResourceRegistry;
import dev.spindle.runtime.state.InMemoryState;
import io.grpc.Server;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node: the state, the controller runtime with every controller that exists, and the COSI State API over mutual
 * TLS. Readiness means the API is listening and the controllers run.
 */
@ApplicationScoped
public class SpindleNode {
  private static final Logger LOG = LoggerFactory.getLogger(SpindleNode.class);

  @Inject
  MeterRegistry meters;

  private volatile InMemoryState state;
  private volatile ControllerRuntime runtime;
  private volatile Server server;
  private volatile boolean ready;

  public boolean ready() {
    return ready;
  }

  public int grpcPort() {
    return server == null ? -1 : server.getPort();
  }

  public synchronized void start(DaemonOptions options) throws IOException, NetlinkException {
    long started = System.nanoTime();
    var registry = ResourceRegistry.of(NodeResources.definitions());
    state = new InMemoryState();
    state.bindTo(meters);
    publishMeta(registry);

    runtime = new ControllerRuntime(state, meters, RuntimeOptions.DEFAULT);
    NetworkControllers.all(options.platform().rtnetlink()).forEach(runtime::register);
    runtime.start();

    var pki = new StateDirectoryPki(options.stateDirectory(), ServerNames.of(options.serverNames())).loadOrCreate();
    pki.notes().forEach(note -> LOG.info("pki: {}", note));
    var health = new HealthStatusManager();
    server = MutualTlsServer.builder(options.listen(), pki.pki(), state, new WireResources(registry))
        .addService(health.getHealthService())
        .addService(ProtoReflectionServiceV1.newInstance())
        .build()
        .start();
    writeClientConfig(options, pki.pki());
    ready = true;
    LOG.info("spindled ready in {} ms: platform {}, COSI State API on {}:{} (mutual TLS), state directory {} ({})",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), options.platform().text(),
        options.listen().getHostString(), server.getPort(), options.stateDirectory(),
        pki.outcome().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
  }

  private void publishMeta(ResourceRegistry registry) {
    for (ResourceDefinition<?> definition : registry.all()) {
      MetaResources.publish(state, definition);
    }
    MetaResources.publishDefaults(state);
    NodeResources.namespaces().forEach((ns, description) -> MetaResources.publishNamespace(state, ns, description));
  }

  /**
   * Adds (or refreshes) this node's admin context in the client configuration, keeping every other context: an
   * existing file is merged, never replaced.
   */
  private void writeClientConfig(DaemonOptions options, dev.spindle.api.auth.Pki pki) throws IOException {
    String endpoint = options.listen().getHostString() + ":" + server.getPort();
    ClientContext admin = ClientConfig.forAdmin(options.contextName(), List.of(endpoint), pki).currentContext();
    var contexts = new HashMap<String, ClientContext>();
    if (Files.exists(options.clientConfig())) {
      contexts.putAll(ClientConfig.read(options.clientConfig()).contexts());
    }
    contexts.put(options.contextName(), admin);
    new ClientConfig(options.contextName(), contexts).write(options.clientConfig());
    LOG.info("admin client configuration: context \"{}\" in {}", options.contextName(), options.clientConfig());
  }

  public synchronized void stop() {
    ready = false;
    if (server != null) {
      server.shutdown();
      try {
        if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
          server.shutdownNow();
        }
      } catch (InterruptedException e) {
        server.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
    if (runtime != null) {
      runtime.close();
    }
    if (state != null) {
      state.close();
    }
    LOG.info("spindled stopped");
  }
}
