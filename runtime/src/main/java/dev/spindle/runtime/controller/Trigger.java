package dev.spindle.runtime.controller;

/**
 * Asks the runtime for another reconcile of the controller that obtained it through {@link ReconcileContext#trigger()}.
 * It is how events from outside the state (kernel notifications, a long-lived client's callbacks) reach the loop:
 * the controller hands the trigger to the service it owns, and the next reconcile re-reads everything (reconciles are
 * level-triggered, so the trigger carries no payload).
 *
 * <p>Safe to call from any thread, never blocks, and coalesces with any reconcile already pending, exactly like an
 * input event. It stays valid for the controller's lifetime; after the runtime has stopped it does nothing.
 */
@FunctionalInterface
public interface Trigger {
  void fire();
}
