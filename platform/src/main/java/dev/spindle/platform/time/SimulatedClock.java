package dev.spindle.platform.time;

import dev.spindle.platform.network.Errno;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulated node's wall clock: the JVM's clock plus an offset, which {@link #step} moves as
 * {@code clock_settime} would move the kernel's. {@link FakeSntp} measures against it, so after a step the next query
 * sees the corrected offset, as it would on a real node. {@link #refuseSteps} models a daemon without CAP_SYS_TIME.
 */
public final class SimulatedClock implements ClockAdjuster {
  private final AtomicReference<Duration> offset;
  private volatile Errno refusal;

  /** A clock {@code offset} away from true time (negative: behind). */
  public SimulatedClock(Duration offset) {
    this.offset = new AtomicReference<>(offset);
  }

  public Instant now() {
    return Instant.now().plus(offset.get());
  }

  /** How far the clock is from true time (negative: behind). */
  public Duration offset() {
    return offset.get();
  }

  /** From now on steps fail with this errno ({@code null}: they succeed again). */
  public void refuseSteps(Errno errno) {
    this.refusal = errno;
  }

  @Override
  public void step(Duration by) throws ClockException {
    Errno refused = refusal;
    if (refused != null) {
      throw new ClockException("setting the simulated clock", refused);
    }
    offset.updateAndGet(current -> current.plus(by));
  }
}
