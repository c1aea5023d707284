package dev.spindle.runtime.controller;

import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourcePointer;
import dev.spindle.runtime.resource.ResourceReader;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;

/**
 * What a controller may do during one reconcile. Reads are limited to declared inputs and outputs, writes to declared
 * outputs, finalizers to strong inputs; anything else throws {@link UndeclaredAccessException}. Every write is made
 * with the controller's name as owner.
 */
public interface ReconcileContext extends ResourceReader {
  String controllerName();

  /** A logger named after the controller; the runtime also puts {@code controller} in the MDC. */
  Logger logger();

  /**
   * The controller's {@link Trigger}: the same object on every reconcile, kept by services the controller owns to
   * ask for a reconcile when something outside the state changes.
   */
  Trigger trigger();

  /**
   * Makes the output exist with this spec, labels and annotations: creates it, updates it if any of those differ,
   * and otherwise writes nothing. Either way it counts as touched for cleanup. Returns the stored resource.
   */
  <S> Resource<S> put(Resource<S> desired);

  /** Read-modify-write of an output: creates it from {@code initial} if absent; a change that alters nothing writes nothing. */
  <S> Resource<S> modify(Resource<S> initial, UnaryOperator<Resource<S>> change);

  /** Starts tearing an output down; true if it has no finalizers and may be destroyed. */
  boolean teardown(ResourcePointer pointer);

  void destroy(ResourcePointer pointer);

  /** Tears an output down and destroys it if no finalizers hold it; true if it is gone (or was already). */
  boolean teardownAndDestroy(ResourcePointer pointer);

  /** Holds a strong input from being destroyed until the finalizer is removed. */
  void addFinalizers(ResourcePointer pointer, String... finalizers);

  /** Releases a strong input; a missing resource is not an error. */
  void removeFinalizers(ResourcePointer pointer, String... finalizers);
}
