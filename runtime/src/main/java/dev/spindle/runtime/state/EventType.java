package dev.spindle.runtime.state;

/** Watch event types, numbered as {@code cosi.resource.EventType}. */
public enum EventType {
  CREATED,
  UPDATED,
  DESTROYED,
  /** Ends the bootstrap snapshot of a kind watch. */
  BOOTSTRAPPED,
  /** The watch failed (for instance it fell behind the history) and has ended. */
  ERRORED,
  /** Carries only a bookmark: the resume point of a kind watch that asked for one. */
  NOOP
}
