package dev.spindle.controllers;

import dev.spindle.runtime.testing.ControllerHarness;

/**
 * Runs a {@link ControllerHarness} by hand instead of as an extension, for tests that must prepare the node (a
 * command line file, a root directory) before the controllers start, or start them twice over the same files to
 * model a restart. The harness's own checks (no thread, no watch left) run at the end as usual.
 */
public final class HarnessRun {
  private HarnessRun() {}

  @FunctionalInterface
  public interface Body {
    void run(ControllerHarness h) throws Exception;
  }

  public static void with(ControllerHarness h, Body body) throws Exception {
    h.beforeEach(null);
    try {
      body.run(h);
    } finally {
      h.afterEach(null);
    }
  }
}
