package dev.spindle.runtime.controller;

/**
 * A controller: it declares its inputs and outputs and reconciles outputs from inputs. The runtime owns the loop; it
 * calls {@link #reconcile} once at start and again whenever an input changes (bursts are coalesced), retries failures
 * with exponential backoff, and refuses writes to undeclared outputs.
 *
 * <p>Reconciles are level-triggered: a reconcile reads the current inputs through the context and writes what
 * should exist, without relying on which event woke it. Events from outside the state reach the loop through the
 * context's {@link Trigger}.
 *
 * <p>A controller that owns long-lived services (a netlink subscription, a discovery client) starts them in
 * {@link #reconcile} and implements {@link AutoCloseable}: the runtime closes it on the controller's own thread after
 * its last reconcile, when the runtime is closed.
 */
public interface Controller {
  /**
   * The runtime name, also the owner of every resource the controller writes. Derived from the class as
   * {@code <last package segment>.<SimpleName>} (e.g. {@code network.LinkSpecController}), as Talos names them.
   */
  default String name() {
    Class<?> c = getClass();
    String pkg = c.getPackageName();
    String last = pkg.substring(pkg.lastIndexOf('.') + 1);
    return last.isEmpty() ? c.getSimpleName() : last + "." + c.getSimpleName();
  }

  Declaration declare();

  Result reconcile(ReconcileContext ctx) throws Exception;
}
