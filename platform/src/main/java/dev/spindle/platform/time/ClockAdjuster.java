package dev.spindle.platform.time;

import java.time.Duration;

/**
 * The port that moves the node's wall clock ({@code CLOCK_REALTIME}). Only the daemon on {@code --platform linux}
 * with an explicit flag gets the real {@link dev.spindle.platform.time.linux.LinuxClock}; everywhere else the sync
 * controller has none and only reports what it measured, or a {@link SimulatedClock} in tests.
 */
public interface ClockAdjuster {
  /** Steps the wall clock by {@code offset} (forward when positive). */
  void step(Duration offset) throws ClockException;
}
