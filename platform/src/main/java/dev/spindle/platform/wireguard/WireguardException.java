package dev.spindle.platform.wireguard;

import dev.spindle.platform.network.Errno;
import java.util.Objects;

/**
 * A WireGuard request the device refused or could not be reached for. The message says what was being done to which
 * device, then the reason: {@code configuring wg0: ENODEV}. It never contains key material.
 */
public final class WireguardException extends Exception {
  private final Errno errno;
  private final String doing;

  public WireguardException(Errno errno, String doing) {
    super(doing + ": " + errno.name());
    this.errno = Objects.requireNonNull(errno, "errno");
    this.doing = doing;
  }

  public WireguardException(Errno errno, String doing, Throwable cause) {
    super(doing + ": " + errno.name() + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"), cause);
    this.errno = Objects.requireNonNull(errno, "errno");
    this.doing = doing + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
  }

  /** What was being done, without the reason: {@code configuring wg0}. */
  public String doing() {
    return doing;
  }

  /** {@link Errno#ENODEV} when there is no such device; otherwise what the device answered. */
  public Errno errno() {
    return errno;
  }
}
