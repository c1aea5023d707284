package dev.spindle.runtime.controller;

/** Whether other controllers may write the same output type. */
public enum OutputKind {
  /** This controller is the only writer of the type; a second declaration is refused at registration. */
  EXCLUSIVE,
  /** Several controllers write the type; each resource still has one owner, enforced by the state. */
  SHARED
}
