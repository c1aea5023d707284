package dev.spindle.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spindle.runtime.controller.Backoff;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.ControllerRuntime;
import dev.spindle.runtime.controller.RuntimeOptions;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceDefinition;
import dev.spindle.runtime.resource.ResourcePointer;
import dev.spindle.runtime.state.InMemoryState;
import dev.spindle.runtime.state.State;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension for controller tests: an in-memory state and a real {@link ControllerRuntime} running the
 * controllers under test, started before each test and closed after it. Closing verifies that the runtime left no
 * thread and no open watch behind.
 *
 * <pre>{@code
 * @RegisterExtension ControllerHarness h = ControllerHarness.with(new HostnameMergeController());
 * @Test void configurationWins() {
 *   h.create(...);
 *   h.awaitSpec(HostnameSpec.DEFINITION, "hostname", spec -> assertThat(spec.hostname()).isEqualTo("x"));
 * }
 * }</pre>
 */
public final class ControllerHarness implements BeforeEachCallback, AfterEachCallback {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final List<Controller> controllers;
  private Backoff backoff = new Backoff(Duration.ofMillis(20), Duration.ofMillis(500), 2, 0.2);
  private Duration timeout = DEFAULT_TIMEOUT;
  private InMemoryState state;
  private ControllerRuntime runtime;
  private SimpleMeterRegistry registry;

  private ControllerHarness(List<Controller> controllers) {
    this.controllers = controllers;
  }

  public static ControllerHarness with(Controller... controllers) {
    return new ControllerHarness(new ArrayList<>(List.of(controllers)));
  }

  /** Replaces the short test backoff (20 ms doubling to 500 ms). */
  public ControllerHarness backoff(Backoff b) {
    this.backoff = b;
    return this;
  }

  public ControllerHarness timeout(Duration t) {
    this.timeout = t;
    return this;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    state = new InMemoryState();
    registry = new SimpleMeterRegistry();
    state.bindTo(registry);
    runtime = new ControllerRuntime(state, registry, RuntimeOptions.DEFAULT.withBackoff(backoff));
    controllers.forEach(runtime::register);
    runtime.start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    runtime.close();
    assertThat(runtime.liveThreads()).as("controller runtime threads left running after close").isZero();
    assertThat(state.watchers()).as("watches left open after the runtime closed").isZero();
  }

  public State state() {
    return state;
  }

  public InMemoryState inMemoryState() {
    return state;
  }

  public ControllerRuntime runtime() {
    return runtime;
  }

  public SimpleMeterRegistry registry() {
    return registry;
  }

  /** Registers one more controller while the runtime runs. */
  public void register(Controller controller) {
    runtime.register(controller);
  }

  public <S> Resource<S> create(Resource<S> resource) {
    return state.create(resource);
  }

  public <S> Resource<S> create(ResourceDefinition<S> definition, String id, S spec) {
    return state.create(Resource.of(definition, id, spec));
  }

  /** Replaces the spec of an unowned resource, retrying on conflicts. */
  public <S> Resource<S> updateSpec(ResourceDefinition<S> definition, String id, S spec) {
    return state.<S>updateWithConflicts(definition.pointer(id), r -> r.withSpec(spec));
  }

  public void destroy(ResourcePointer pointer) {
    state.destroy(pointer);
  }

  /** Waits until the resource exists and satisfies the assertion. */
  public <S> Resource<S> awaitResource(ResourceDefinition<S> definition, String id, Consumer<Resource<S>> assertion) {
    await().atMost(timeout).pollInterval(Duration.ofMillis(5)).ignoreExceptions().untilAsserted(() -> {
      Resource<S> r = state.find(definition, id).orElseThrow(() -> new AssertionError(definition.pointer(id)
          + " does not exist"));
      assertion.accept(r);
    });
    return state.get(definition, id);
  }

  public <S> Resource<S> awaitResource(ResourcePointer pointer, ResourceDefinition<S> definition,
      Consumer<Resource<S>> assertion) {
    await().atMost(timeout).pollInterval(Duration.ofMillis(5)).ignoreExceptions().untilAsserted(() -> {
      Resource<S> r = definition.cast(state.get(pointer));
      assertion.accept(r);
    });
    return definition.cast(state.get(pointer));
  }

  /** Waits until the resource exists and its spec satisfies the assertion. */
  public <S> S awaitSpec(ResourceDefinition<S> definition, String id, Consumer<S> assertion) {
    return awaitResource(definition, id, r -> assertion.accept(r.spec())).spec();
  }

  public void awaitNoResource(ResourcePointer pointer) {
    await().atMost(timeout).pollInterval(Duration.ofMillis(5))
        .untilAsserted(() -> assertThat(state.find(pointer)).as("%s", pointer).isEmpty());
  }

  /** Waits until the resources of the definition's default namespace satisfy the assertion. */
  public <S> List<Resource<S>> awaitResources(ResourceDefinition<S> definition, Consumer<List<Resource<S>>> assertion) {
    await().atMost(timeout).pollInterval(Duration.ofMillis(5))
        .untilAsserted(() -> assertion.accept(state.list(definition)));
    return state.list(definition);
  }
}
