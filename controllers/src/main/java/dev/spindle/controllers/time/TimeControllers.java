package dev.spindle.controllers.time;

import dev.spindle.platform.time.ClockAdjuster;
import dev.spindle.platform.time.Sntp;
import dev.spindle.runtime.controller.Controller;
import java.util.List;
import java.util.Optional;

/** Every controller of the time domain, wired to the ports it needs; the daemon registers them all. */
public final class TimeControllers {
  private TimeControllers() {}

  /** {@code clock} is empty unless the daemon may set the node's clock ({@code --platform linux --set-clock}). */
  public static List<Controller> all(Sntp sntp, Optional<ClockAdjuster> clock) {
    return List.of(new TimeSyncController(sntp, clock, TimeSyncTimings.DEFAULT));
  }
}
