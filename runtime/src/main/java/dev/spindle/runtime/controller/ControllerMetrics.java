package dev.spindle.runtime.controller;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Micrometer meters of one controller, tagged {@code controller=<name>}: input events that woke it (before
 * coalescing), reconciles, errors, reconcile duration and the time of the last success (epoch seconds).
 */
final class ControllerMetrics {
  final Counter triggers;
  final Counter reconciles;
  final Counter errors;
  final Timer duration;
  private final AtomicLong lastSuccessMillis = new AtomicLong();

  ControllerMetrics(MeterRegistry registry, String controller) {
    triggers = Counter.builder("spindle.controller.triggers").tag("controller", controller)
        .description("input events that asked for a reconcile, before coalescing").register(registry);
    reconciles = Counter.builder("spindle.controller.reconciles").tag("controller", controller)
        .description("reconciles run").register(registry);
    errors = Counter.builder("spindle.controller.errors").tag("controller", controller)
        .description("reconciles that failed").register(registry);
    duration = Timer.builder("spindle.controller.reconcile.duration").tag("controller", controller)
        .description("time spent in reconcile").register(registry);
    Gauge.builder("spindle.controller.last.success", lastSuccessMillis, v -> v.get() / 1000.0)
        .tag("controller", controller).description("epoch seconds of the last successful reconcile")
        .register(registry);
  }

  void success(long epochMillis) {
    lastSuccessMillis.set(epochMillis);
  }

  long lastSuccessMillis() {
    return lastSuccessMillis.get();
  }
}
