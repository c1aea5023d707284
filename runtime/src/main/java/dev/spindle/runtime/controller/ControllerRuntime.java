package dev.spindle.runtime.controller;

import dev.spindle.runtime.resource.ResourceKind;
import dev.spindle.runtime.state.State;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs controllers against a {@link State}. Each controller gets a virtual thread; each distinct input kind gets one
 * watch for the whole runtime. Registration checks the output declarations (one writer per exclusive type) and may
 * happen before or after {@link #start()}. {@link #close()} stops every thread it started and waits for them.
 *
 * <pre>{@code
 * try (var runtime = new ControllerRuntime(state)) {
 *   runtime.register(new LinkStatusController(rtnl));
 *   runtime.start();
 *   ...
 * }
 * }</pre>
 */
public final class ControllerRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ControllerRuntime.class);

  private final State state;
  private final MeterRegistry registry;
  private final RuntimeOptions options;
  private final Map<String, ControllerRunner> runners = new LinkedHashMap<>();
  private final Map<ResourceKind, KindWatcher> watchers = new HashMap<>();
  private final Map<String, String> exclusiveOutputs = new HashMap<>();
  private final Map<String, Set<String>> sharedOutputs = new HashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private boolean started;
  private boolean closed;

  public ControllerRuntime(State state) {
    this(state, new SimpleMeterRegistry(), RuntimeOptions.DEFAULT);
  }

  public ControllerRuntime(State state, MeterRegistry registry, RuntimeOptions options) {
    this.state = state;
    this.registry = registry;
    this.options = options;
  }

  /** Registers a controller; if the runtime is running, the controller starts at once with an initial reconcile. */
  public synchronized void register(Controller controller) {
    if (closed) {
      throw new IllegalStateException("the controller runtime is closed");
    }
    String name = controller.name();
    if (runners.containsKey(name)) {
      throw new IllegalArgumentException("a controller named \"" + name + "\" is already registered");
    }
    Declaration declaration = controller.declare();
    claimOutputs(name, declaration.outputs());
    var runner = new ControllerRunner(controller, declaration, state, registry, options.backoff());
    runners.put(name, runner);
    for (Input input : effectiveInputs(declaration)) {
      KindWatcher watcher = watchers.get(input.resourceKind());
      if (watcher == null) {
        watcher = new KindWatcher(input.resourceKind(), state); // registers the watch now: no event is missed
        watchers.put(input.resourceKind(), watcher);
        if (started) {
          threads.add(watcher.start());
        }
      }
      watcher.add(runner, input);
    }
    if (started) {
      threads.add(runner.start());
    }
  }

  /** Outputs with cleanup are also watched for destroy-readiness, so deferred destroys run when consumers let go. */
  private static List<Input> effectiveInputs(Declaration declaration) {
    var inputs = new ArrayList<>(declaration.inputs());
    for (Output out : declaration.outputs()) {
      if (out.cleanup() != null
          && inputs.stream().noneMatch(in -> in.resourceKind().equals(out.cleanup()) && in.id() == null)) {
        inputs.add(new Input(out.cleanup(), null, InputKind.DESTROY_READY));
      }
    }
    return inputs;
  }

  private void claimOutputs(String name, List<Output> outputs) {
    for (Output out : outputs) {
      String exclusive = exclusiveOutputs.get(out.type());
      if (exclusive != null) {
        throw new OutputConflictException(out.type(), exclusive, name, "it is already declared exclusive");
      }
      Set<String> shared = sharedOutputs.get(out.type());
      if (out.kind() == OutputKind.EXCLUSIVE && shared != null) {
        throw new OutputConflictException(out.type(), String.join(", ", shared), name,
            "it is already declared shared");
      }
    }
    for (Output out : outputs) {
      if (out.kind() == OutputKind.EXCLUSIVE) {
        exclusiveOutputs.put(out.type(), name);
      } else {
        sharedOutputs.computeIfAbsent(out.type(), t -> new TreeSet<>()).add(name);
      }
    }
  }

  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("the controller runtime is already started");
    }
    if (closed) {
      throw new IllegalStateException("the controller runtime is closed");
    }
    started = true;
    watchers.values().forEach(w -> threads.add(w.start()));
    runners.values().forEach(r -> threads.add(r.start()));
    LOG.info("controller runtime started with {} controllers watching {} kinds", runners.size(), watchers.size());
  }

  public synchronized List<String> controllers() {
    return List.copyOf(runners.keySet());
  }

  /** Threads started by this runtime that are still alive; zero after {@link #close()}. */
  public synchronized int liveThreads() {
    return (int) threads.stream().filter(Thread::isAlive).count();
  }

  /** Stops every controller and watch, waiting up to the shutdown timeout for their threads to end. */
  @Override
  public void close() {
    List<Thread> toJoin;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      watchers.values().forEach(KindWatcher::stop);
      runners.values().forEach(ControllerRunner::stop);
      toJoin = List.copyOf(threads);
    }
    long deadline = System.nanoTime() + options.shutdownTimeout().toNanos();
    for (Thread t : toJoin) {
      try {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !t.join(Duration.ofNanos(left))) {
          LOG.warn("thread {} did not stop within {}", t.getName(), options.shutdownTimeout());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
