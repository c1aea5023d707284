package dev.spindle.runtime.controller;

/** How a controller depends on an input kind. */
public enum InputKind {
  /** Any change wakes the controller; it may not put finalizers on the input. */
  WEAK,
  /** Any change wakes the controller, and it may put finalizers on the input to delay its destruction. */
  STRONG,
  /**
   * Only a resource that is tearing down with no finalizers left wakes the controller: the moment it may destroy it.
   * Used by controllers that tear down their own outputs and wait for consumers to let go.
   */
  DESTROY_READY
}
