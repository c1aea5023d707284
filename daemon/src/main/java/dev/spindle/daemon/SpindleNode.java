package dev.spindle.daemon;

import dev.spindle.api.WireResources;
import dev.spindle.api.auth.ClientConfig;
import dev.spindle.api.auth.ClientContext;
import dev.spindle.api.auth.ServerNames;
import dev.spindle.api.auth.StateDirectoryPki;
import dev.spindle.api.server.MutualTlsServer;
import dev.spindle.api.machine.ConfigRejectedException;
import dev.spindle.api.machine.MachineService;
import dev.spindle.controllers.config.ConfigPreview;
import dev.spindle.controllers.runtime.OutboundHttp;
import dev.spindle.runtime.controller.Controller;
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
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.network.HostnameStatus;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
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
  private volatile OutboundHttp outbound;
  private volatile NetworkPorts network;
  private volatile boolean ready;

  public boolean ready() {
    return ready;
  }

  /** The node's outbound HTTP client (proxies and CA bundle from the configuration), for the services that call out. */
  public OutboundHttp outbound() {
    return outbound;
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
    outbound = new OutboundHttp();
    network = options.platform().networkPorts();
    List<Controller> controllers = NodeControllers.all(options, outbound, network);
    controllers.forEach(runtime::register);
    var store = new MachineConfigStore(options.stateDirectory());
    var applier = new NodeConfigApplier(state, new MachineConfigParsing(), new ConfigPreview(controllers), store);
    // before the controllers start, so their first pass already sees the configuration
    loadConfiguration(options, store, applier);
    runtime.start();

    var pki = new StateDirectoryPki(options.stateDirectory(), ServerNames.of(options.serverNames())).loadOrCreate();
    pki.notes().forEach(note -> LOG.info("pki: {}", note));
    var health = new HealthStatusManager();
    server = MutualTlsServer.builder(options.listen(), pki.pki(), state, new WireResources(registry),
            Map.of(MachineConfig.DEFINITION.type(), "through apply-config"))
        .maxInboundMessageSize(MachineService.MAX_REQUEST_BYTES)
        .addService(MutualTlsServer.authenticated(pki.pki(), new MachineService(applier, this::hostname)))
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

  /**
   * {@code --config FILE} replaces the stored configuration; without it the one {@code apply-config} last stored is
   * used. An invalid file stops the start with every problem, before anything runs.
   */
  private static void loadConfiguration(DaemonOptions options, MachineConfigStore store, NodeConfigApplier applier)
      throws IOException {
    String source;
    String text;
    if (options.config() != null) {
      source = options.config().toString();
      text = readConfigFile(options.config());
    } else {
      var stored = store.load();
      if (stored.isEmpty()) {
        LOG.info("no machine configuration: running on defaults until apply-config");
        return;
      }
      source = store.path().toString();
      text = stored.get();
    }
    try {
      var outcome = applier.apply(text, source, false);
      outcome.warnings().forEach(w -> LOG.warn("machine configuration: {}", w));
      LOG.info("machine configuration loaded from {}", source);
    } catch (ConfigRejectedException rejected) {
      throw new IllegalStateException("the machine configuration is invalid:\n" + String.join("\n",
          rejected.problems()));
    }
  }

  private static String readConfigFile(Path file) throws IOException {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (NoSuchFileException e) {
      throw new IOException("--config " + file + ": no such file", e);
    } catch (CharacterCodingException e) {
      throw new IOException("--config " + file + ": not UTF-8 text", e);
    }
  }

  /** The node's name for apply-config replies: the host name status once the network pipeline has one. */
  private String hostname() {
    return state.find(HostnameStatus.DEFINITION, "hostname").map(r -> r.spec().hostname()).orElse("");
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
    if (network != null) {
      network.close(); // after the controllers: nothing uses the ports any more
    }
    if (outbound != null) {
      outbound.close();
    }
    if (state != null) {
      state.close();
    }
    LOG.info("spindled stopped");
  }
}
