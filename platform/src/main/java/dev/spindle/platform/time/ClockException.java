package dev.spindle.platform.time;

import dev.spindle.platform.network.Errno;

/** The clock could not be read or set; {@link #errno()} says why ({@code EPERM} without CAP_SYS_TIME). */
public final class ClockException extends Exception {
  private final Errno errno;

  public ClockException(String message, Errno errno) {
    super(message + ": " + errno);
    this.errno = errno;
  }

  public Errno errno() {
    return errno;
  }
}
