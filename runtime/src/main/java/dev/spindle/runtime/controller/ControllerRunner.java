package dev.spindle.runtime.controller;

import dev.spindle.runtime.state.State;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The loop of one controller on its own virtual thread. Triggers set a single dirty flag, so any number of input
 * events that arrive while a reconcile runs cause exactly one more reconcile. Failures are logged once here, with the
 * controller name, and retried after an exponential backoff that input events do not shorten. When the loop ends, an
 * {@link AutoCloseable} controller is closed on the same thread, so closing never races a reconcile.
 */
final class ControllerRunner implements Runnable {
  private final Controller controller;
  private final String name;
  private final Declaration declaration;
  private final State state;
  private final Backoff backoff;
  private final Logger logger;
  final ControllerMetrics metrics;
  private final AtomicBoolean dirty = new AtomicBoolean(true);
  private final Trigger external = this::trigger;
  private volatile Thread thread;
  private volatile boolean stopped;
  private long requeueAt;
  private int failures;

  ControllerRunner(Controller controller, Declaration declaration, State state, MeterRegistry registry,
      Backoff backoff) {
    this.controller = controller;
    this.name = controller.name();
    this.declaration = declaration;
    this.state = state;
    this.backoff = backoff;
    this.logger = LoggerFactory.getLogger("spindle.controller." + name);
    this.metrics = new ControllerMetrics(registry, name);
  }

  String name() {
    return name;
  }

  Declaration declaration() {
    return declaration;
  }

  Thread start() {
    thread = Thread.ofVirtual().name("spindle-controller-" + name).unstarted(this);
    thread.start();
    return thread;
  }

  /** Asks for a reconcile; never blocks, coalesces with any reconcile already pending. */
  void trigger() {
    metrics.triggers.increment();
    if (dirty.compareAndSet(false, true)) {
      Thread t = thread;
      if (t != null) {
        LockSupport.unpark(t);
      }
    }
  }

  void stop() {
    stopped = true;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }

  @Override
  public void run() {
    MDC.put("controller", name);
    logger.debug("controller starting");
    try {
      while (awaitWork()) {
        reconcileOnce();
      }
    } finally {
      closeController();
      logger.debug("controller stopped");
      MDC.remove("controller");
    }
  }

  private void closeController() {
    if (controller instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        logger.warn("controller \"{}\" failed to close", name, e);
      }
    }
  }

  private boolean awaitWork() {
    while (!stopped) {
      if (dirty.getAndSet(false)) {
        return true;
      }
      if (requeueAt != 0) {
        long wait = requeueAt - System.nanoTime();
        if (wait <= 0) {
          requeueAt = 0;
          return true;
        }
        LockSupport.parkNanos(this, wait);
      } else {
        LockSupport.park(this);
      }
      Thread.interrupted(); // an interrupt only means "look at stopped"
    }
    return false;
  }

  private void reconcileOnce() {
    requeueAt = 0;
    var ctx = new ControllerContext(state, name, declaration, logger, external);
    Timer.Sample sample = Timer.start();
    try {
      Result result = controller.reconcile(ctx);
      ctx.cleanupUntouched();
      failures = 0;
      metrics.success(System.currentTimeMillis());
      if (result instanceof Result.RequeueAfter(Duration delay)) {
        requeueAt = System.nanoTime() + Math.max(delay.toNanos(), 1);
      }
    } catch (Throwable t) {
      if (stopped) {
        return; // interrupted by shutdown, not a failure
      }
      failures++;
      metrics.errors.increment();
      Duration delay = backoff.delay(failures);
      logger.error("controller \"{}\" failed (attempt {}), retrying in {} ms", name, failures, delay.toMillis(), t);
      pause(delay);
      dirty.set(true);
    } finally {
      sample.stop(metrics.duration);
      metrics.reconciles.increment();
    }
  }

  private void pause(Duration delay) {
    long deadline = System.nanoTime() + delay.toNanos();
    long left;
    while (!stopped && (left = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(this, left);
      Thread.interrupted();
    }
  }
}
