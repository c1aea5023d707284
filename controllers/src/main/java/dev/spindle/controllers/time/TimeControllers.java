package dev.spindle.controllers.time;

import dev.spindle.platform.time.ClockAdjuster;
import dev.spindle.platform.time.Sntp;
import dev.spindle.runtime.controller.Controller;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Every controller of the time domain, wired to the ports it needs; the daemon registers them all. */
public final class TimeControllers {
  private TimeControllers() {}

  /** {@code clock} is empty unless the daemon may set the node's clock ({@code --platform linux --set-clock}). */
  public static List<Controller> all(Sntp sntp, Optional<ClockAdjuster> clock) {
    return List.of(new TimeSyncController(sntp, clock, TimeSyncTimings.DEFAULT));
  }

  /**
   * The clock port the daemon hands to {@link #all}: the Linux clock only on {@code --platform linux} with
   * {@code --set-clock}; none otherwise, so the simulated node and a linux node without the flag never set the clock.
   * {@code --set-clock} on the simulated platform is refused rather than ignored.
   */
  public static Optional<ClockAdjuster> clock(boolean linuxPlatform, boolean setClock, Supplier<ClockAdjuster> linux) {
    if (setClock && !linuxPlatform) {
      throw new IllegalArgumentException("--set-clock needs --platform linux (the simulated node has no clock to set)");
    }
    return setClock ? Optional.of(linux.get()) : Optional.empty();
  }
}
