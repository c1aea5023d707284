package dev.spindle.benchmarks;

import com.google.protobuf.ByteString;
import dev.spindle.api.WireResources;
import dev.spindle.api.auth.ClientContext;
import dev.spindle.api.auth.Pki;
import dev.spindle.api.auth.ServerNames;
import dev.spindle.api.machine.ConfigApplier;
import dev.spindle.api.machine.ConfigRejectedException;
import dev.spindle.api.machine.MachineService;
import dev.spindle.api.proto.machine.ApplyConfigurationRequest;
import dev.spindle.api.proto.machine.MachineServiceGrpc;
import dev.spindle.api.server.MutualTlsServer;
import dev.spindle.benchmarks.ApplyConfigWorkload.Expectation;
import dev.spindle.controllers.config.ConfigPreview;
import dev.spindle.resources.config.ConfigProblem;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.config.MachineConfigParser;
import dev.spindle.resources.config.ValidationMode;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.ControllerRuntime;
import dev.spindle.runtime.controller.RuntimeOptions;
import dev.spindle.runtime.resource.Phase;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceChange;
import dev.spindle.runtime.resource.ResourceKind;
import dev.spindle.runtime.resource.ResourcePointer;
import dev.spindle.runtime.resource.ResourceRegistry;
import dev.spindle.runtime.state.Event;
import dev.spindle.runtime.state.InMemoryState;
import dev.spindle.runtime.state.StateReader;
import dev.spindle.runtime.state.UpdateOptions;
import dev.spindle.runtime.state.Watch;
import dev.spindle.runtime.state.WatchKindOptions;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * How long {@code apply-config} takes on the simulated node until every resource it changes has its new value: the
 * issue's target is ≤ 100 ms from the start of the apply to all resulting Spec resources updated. A main class, like
 * {@link ControllerChainLatency}: it needs a latency distribution of single, sequential applies.
 *
 * <p>Set-up: an {@link InMemoryState} and a {@link ControllerRuntime} running the real controllers of the simulated
 * node ({@link ApplyConfigWorkload#nodeControllers()}, one line per domain). Each apply is a corporate-proxy
 * configuration (environment, trusted root, resolvers, time servers, host name) whose nameserver, time server, host
 * name and {@code no_proxy} carry the iteration's number, so every final resource changes every time. The apply is
 * what the daemon's {@code NodeConfigApplier} does, step for step: {@link MachineConfigParser#check} (container
 * mode), a {@link ConfigPreview} of the changes, the text stored as {@code config.yaml} (temporary file, fsync,
 * rename, fsync of the directory; {@code --no-store} leaves it out), and one {@code state.modify} of the
 * {@link MachineConfig}. With {@code --grpc} the configuration goes as {@code spindlectl apply-config} sends it: a
 * {@code machine.MachineService/ApplyConfiguration} call over mutual TLS on loopback to the same node side, served as
 * the daemon serves it ({@link MutualTlsServer}, virtual threads).
 *
 * <p>Done means: (1) every final resource the preview predicted (those outside {@code config} and the
 * {@code *-config} namespaces) has a new version, exists or is gone, as predicted; (2) the final specs, their
 * statuses and the rendered {@code resolv.conf} hold the values of this configuration. Kind watches (with bootstrap)
 * on those kinds keep the latest resources; the thread that receives the completing event stamps the time, so
 * nothing in the measured path polls or sleeps. Reported: p50/p90/p99/max of the whole apply and of its parts.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.spindle.benchmarks.ApplyConfigLatency [--applies 500]
 * [--warmup 200] [--no-store] [--grpc] [--gap-ms 0]}.
 */
public final class ApplyConfigLatency {
  private static final long TARGET_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long APPLY_TIMEOUT_SECONDS = 10;


  private final int applies;
  private final int warmup;
  private final boolean store;
  private final boolean grpc;
  private final long gapNanos;

  private final InMemoryState state = new InMemoryState();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Map<ResourcePointer, Resource<?>> latest = new ConcurrentHashMap<>();
  private final Set<ResourceKind> watched = ConcurrentHashMap.newKeySet();
  private final List<Watch> watches = new ArrayList<>();
  private volatile String failure;
  private Target target; // guarded by this

  private final Histogram total = Latencies.histogram();
  private final Histogram reply = Latencies.histogram();
  private final Histogram parse = Latencies.histogram();
  private final Histogram preview = Latencies.histogram();
  private final Histogram stored = Latencies.histogram();
  private final Histogram publish = Latencies.histogram();
  private final Histogram propagate = Latencies.histogram();
  private long predictedFinal;

  ApplyConfigLatency(int applies, int warmup, boolean store, boolean grpc, long gapNanos) {
    this.applies = applies;
    this.warmup = warmup;
    this.store = store;
    this.grpc = grpc;
    this.gapNanos = gapNanos;
  }

  public static void main(String[] args) throws Exception {
    int applies = 500;
    int warmup = 200;
    boolean store = true;
    boolean grpc = false;
    long gapMillis = 0;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1].replace("_", "") : null;
      switch (args[i]) {
        case "--applies" -> applies = Integer.parseInt(value);
        case "--warmup" -> warmup = Integer.parseInt(value);
        case "--gap-ms" -> gapMillis = Long.parseLong(value);
        case "--no-store" -> {
          store = false;
          continue;
        }
        case "--grpc" -> {
          grpc = true;
          continue;
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + " (use --applies N --warmup N --gap-ms N --no-store --grpc)");
      }
      i++;
    }
    if (applies < 1 || warmup < 0 || gapMillis < 0) {
      throw new IllegalArgumentException("applies must be positive; warmup and gap-ms not negative");
    }
    new ApplyConfigLatency(applies, warmup, store, grpc, TimeUnit.MILLISECONDS.toNanos(gapMillis)).run(System.out);
    System.exit(0); // the runtime's and the watchers' threads are closed; do not wait on stray daemon threads
  }

  void run(PrintStream out) throws Exception {
    Machine.print(out);
    Path dir = Files.createTempDirectory("spindle-apply-config-");
    List<Controller> controllers = ApplyConfigWorkload.nodeControllers(dir);
    out.printf(Locale.ROOT, "apply-config on the simulated node: %d controllers; %d warm-up + %d measured applies "
        + "of a %d-line corporate-proxy configuration, %s; config.yaml %s; gap %d ms%n", controllers.size(), warmup,
        applies, ApplyConfigWorkload.config(1).lines().count(),
        grpc ? "sent over machine.MachineService/ApplyConfiguration (mutual TLS, loopback)" : "applied in process",
        store ? "stored with fsync" : "not stored",
        TimeUnit.NANOSECONDS.toMillis(gapNanos));
    var configPreview = new ConfigPreview(controllers);
    Server server = null;
    ManagedChannel channel = null;
    try (var runtime = new ControllerRuntime(state, registry, RuntimeOptions.DEFAULT)) {
      controllers.forEach(runtime::register);
      runtime.start();
      for (Expectation e : ApplyConfigWorkload.expectations(1)) {
        watch(new ResourceKind(e.pointer().namespace(), e.pointer().type()));
      }
      var node = new NodeSide(configPreview, dir);
      if (grpc) {
        var pki = Pki.generate(ServerNames.loopback());
        var executor = Executors.newVirtualThreadPerTaskExecutor();
        var wire = new WireResources(ResourceRegistry.of(List.of(MachineConfig.DEFINITION)));
        server = MutualTlsServer.builder(new InetSocketAddress("127.0.0.1", 0), pki, state, wire)
            .addService(MutualTlsServer.authenticated(pki, new MachineService(node, () -> "bench")))
            .executor(executor).build().start();
        channel = ApiServerFixture.channel(ClientContext.of(List.of("127.0.0.1:" + server.getPort()),
            pki.ca().certificate(), pki.admin()));
      }
      var stub = channel == null ? null : MachineServiceGrpc.newBlockingStub(channel);
      for (int i = 0; i < warmup + applies; i++) {
        // 1..250, never the same number twice in a row, so each apply changes every final resource
        int n = i % 250 + 1;
        apply(n, i >= warmup, node, stub);
        if (gapNanos > 0) {
          LockSupport.parkNanos(gapNanos);
        }
      }
      double errors = registry.find("spindle.controller.errors").counters().stream()
          .mapToDouble(c -> c.count()).sum();
      out.println();
      out.printf(Locale.ROOT, "MEASURED: %,d applies, each predicting %.1f final resource changes (preview) and "
          + "checked on %d final resources; controller errors %.0f%n", applies, predictedFinal / (double) applies,
          ApplyConfigWorkload.expectations(1).size(), errors);
      Latencies.print(out, "apply start -> every final resource at its new value", total);
      out.printf(Locale.ROOT, "  target p99 <= 100 ms: %s%n", Latencies.verdict(total.getValueAtPercentile(99)
          <= TARGET_NANOS));
      if (grpc) {
        Latencies.print(out, "  ApplyConfiguration reply received (mutual TLS, loopback)", reply);
      }
      Latencies.print(out, "  parse + validate (MachineConfigParser.check)", parse);
      Latencies.print(out, "  preview (ConfigPreview.changes)", preview);
      if (store) {
        Latencies.print(out, "  store config.yaml (write, fsync, rename, fsync dir)", stored);
      }
      Latencies.print(out, "  publish (the state.modify call of the MachineConfig)", publish);
      Latencies.print(out, "  publish start -> every final resource updated (the controllers)", propagate);
    } finally {
      if (channel != null) {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      if (server != null) {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      watches.forEach(Watch::close);
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
      state.close();
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
  }

  /** When the node side of one apply passed each step ({@link System#nanoTime()}). */
  record Stamps(long start, long parsed, long previewed, long stored, long published, int predictedFinal) {}

  /**
   * The node's side, as the daemon's NodeConfigApplier: validate whole, preview, store, replace the MachineConfig in
   * one write. It arms the completion check just before the write, with the preview's predictions.
   */
  private final class NodeSide implements ConfigApplier {
    private final ConfigPreview configPreview;
    private final Path dir;
    volatile List<Expectation> expectedNext;
    volatile CompletableFuture<Long> doneNext;
    volatile Stamps stamps;

    NodeSide(ConfigPreview configPreview, Path dir) {
      this.configPreview = configPreview;
      this.dir = dir;
    }

    @Override
    public synchronized Outcome apply(String text, String source, boolean dryRun) throws ConfigRejectedException {
      long t0 = System.nanoTime();
      var result = MachineConfigParser.check(text, source, ValidationMode.CONTAINER);
      long t1 = System.nanoTime();
      if (!result.valid()) {
        throw new ConfigRejectedException(result.errors().stream().map(ConfigProblem::message).toList());
      }
      MachineConfig config = result.config();
      List<ResourceChange> changes = configPreview.changes(new StateReader(state), config);
      long t2 = System.nanoTime();
      if (store) {
        try {
          save(dir, text);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      long t3 = System.nanoTime();
      List<Predicted> predicted = finalChanges(changes);
      arm(new Target(predicted, expectedNext, doneNext));
      var resource = Resource.of(MachineConfig.DEFINITION, MachineConfig.ID, config);
      state.modify(resource, current -> current.withSpec(config), UpdateOptions.DEFAULT);
      long t4 = System.nanoTime();
      stamps = new Stamps(t0, t1, t2, t3, t4, predicted.size());
      evaluate(t4); // in case the controllers were faster than the watchers' wake-up
      return new Outcome(result.warnings().stream().map(ConfigProblem::message).toList(), changes);
    }
  }

  private void apply(int n, boolean measured, NodeSide node, MachineServiceGrpc.MachineServiceBlockingStub stub)
      throws Exception {
    String text = ApplyConfigWorkload.config(n);
    var done = new CompletableFuture<Long>();
    node.expectedNext = ApplyConfigWorkload.expectations(n);
    node.doneNext = done;

    long start = System.nanoTime();
    if (stub == null) {
      node.apply(text, "apply-config", false);
    } else {
      stub.withDeadlineAfter(APPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS).applyConfiguration(
          ApplyConfigurationRequest.newBuilder().setData(ByteString.copyFromUtf8(text))
              .setMode(ApplyConfigurationRequest.Mode.AUTO).build());
    }
    long replied = System.nanoTime();
    long end;
    try {
      end = done.get(APPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("configuration " + n + ": not every final resource reached its new value within "
          + APPLY_TIMEOUT_SECONDS + " s; waiting for " + pending() + (failure == null ? "" : "; " + failure));
    }
    if (measured) {
      Stamps s = node.stamps;
      predictedFinal += s.predictedFinal();
      total.recordValue(end - start);
      reply.recordValue(replied - start);
      parse.recordValue(s.parsed() - s.start());
      preview.recordValue(s.previewed() - s.parsed());
      stored.recordValue(s.stored() - s.previewed());
      publish.recordValue(s.published() - s.stored());
      // from the start of the write: on two cores the controllers often finish before modify has returned
      propagate.recordValue(end - s.stored());
    }
  }

  /** What NodeConfigApplier's MachineConfigStore does: temporary file 0600, fsync, atomic rename, fsync directory. */
  private static void save(Path dir, String text) throws IOException {
    Path file = dir.resolve("config.yaml");
    Path temp = Files.createTempFile(dir, ".config-", ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      channel.write(StandardCharsets.UTF_8.encode(text));
      channel.force(true);
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
      directory.force(true);
    }
  }

  private static boolean isFinal(ResourcePointer pointer) {
    return !pointer.namespace().equals(MachineConfig.NAMESPACE) && !pointer.namespace().endsWith("-config");
  }

  /** The preview's final changes, each with the version it had before, checked against what is watched. */
  private List<Predicted> finalChanges(List<ResourceChange> changes) {
    var out = new ArrayList<Predicted>();
    for (ResourceChange c : changes) {
      if (!isFinal(c.pointer())) {
        continue;
      }
      var kind = new ResourceKind(c.pointer().namespace(), c.pointer().type());
      if (!watched.contains(kind)) {
        throw new IllegalStateException("the preview predicts a change of " + c.pointer() + ", a kind this probe "
            + "does not watch: add its final resources to expectations()");
      }
      long before = state.find(c.pointer()).map(Resource::version).orElse(0L);
      out.add(new Predicted(c, before));
    }
    return out;
  }

  record Predicted(ResourceChange change, long versionBefore) {
    boolean reached(Map<ResourcePointer, Resource<?>> latest) {
      Resource<?> now = latest.get(change.pointer());
      return switch (change.action()) {
        case CREATED -> now != null && now.metadata().phase() == Phase.RUNNING;
        case UPDATED -> now != null && now.version() > versionBefore;
        case DESTROYED -> now == null;
      };
    }
  }

  record Target(List<Predicted> predicted, List<Expectation> expected,
      CompletableFuture<Long> done) {
    boolean reached(Map<ResourcePointer, Resource<?>> latest) {
      for (Predicted p : predicted) {
        if (!p.reached(latest)) {
          return false;
        }
      }
      for (Expectation e : expected) {
        Resource<?> now = latest.get(e.pointer());
        if (now == null || now.metadata().phase() != Phase.RUNNING || !e.reached().test(now.spec())) {
          return false;
        }
      }
      return true;
    }
  }

  private synchronized void arm(Target t) {
    target = t;
  }

  private synchronized void evaluate(long now) {
    if (target != null && target.reached(latest)) {
      target.done().complete(now);
      target = null;
    }
  }

  private synchronized String pending() {
    if (target == null) {
      return "nothing";
    }
    var left = new LinkedHashSet<String>();
    target.predicted().stream().filter(p -> !p.reached(latest)).forEach(p -> left.add(p.change().toString()));
    for (Expectation e : target.expected()) {
      Resource<?> now = latest.get(e.pointer());
      if (now == null || !e.reached().test(now.spec())) {
        left.add(e.pointer() + " to hold " + e.what() + " (has " + (now == null ? "nothing" : now.spec()) + ")");
      }
    }
    return String.join("; ", left);
  }

  /** A kind watch that keeps {@link #latest} and completes the armed target from the thread that sees it reached. */
  private void watch(ResourceKind kind) throws InterruptedException {
    if (!watched.add(kind)) {
      return;
    }
    Watch watch = state.watchKind(kind, WatchKindOptions.bootstrap());
    watches.add(watch);
    var bootstrapped = new CompletableFuture<Void>();
    Thread.ofPlatform().name("apply-watch-" + kind.type()).daemon().start(() -> {
      try {
        while (true) {
          List<Event> batch = watch.nextBatch(256);
          long now = System.nanoTime();
          for (Event e : batch) {
            switch (e.type()) {
              case CREATED, UPDATED -> latest.put(e.resource().pointer(), e.resource());
              case DESTROYED -> latest.remove(e.resource().pointer());
              case BOOTSTRAPPED -> bootstrapped.complete(null);
              case ERRORED -> {
                failure = "watch of " + kind + " ended: " + e.error();
                return;
              }
              default -> {
                // bookmarks and no-ops carry nothing to keep
              }
            }
          }
          evaluate(now);
        }
      } catch (Watch.ClosedException | InterruptedException ended) {
        // closed at the end of the run
      } catch (RuntimeException e) {
        failure = "watch of " + kind + " failed: " + e;
      }
    });
    try {
      bootstrapped.get(APPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the watch of " + kind + " did not bootstrap", e);
    }
  }
}
