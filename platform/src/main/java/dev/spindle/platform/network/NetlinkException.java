package dev.spindle.platform.network;

import java.util.Objects;

/**
 * A request the kernel (or a fake of it) refused, or an event stream that lost events. The message says what was
 * being done to what, then the errno: {@code renaming link eth0 to lan0: EBUSY}.
 */
public final class NetlinkException extends Exception {
  private final Errno errno;
  private final int number;

  public NetlinkException(Errno errno, String doing) {
    this(errno, errno.number(), doing);
  }

  /** For a raw errno from the kernel, which may have no {@link Errno} constant. */
  public NetlinkException(int number, String doing) {
    this(Errno.of(number), Math.abs(number), doing);
  }

  private NetlinkException(Errno errno, int number, String doing) {
    super(doing + ": " + (errno == Errno.UNKNOWN ? "errno " + number : errno.name()));
    this.errno = Objects.requireNonNull(errno, "errno");
    this.number = number;
  }

  public Errno errno() {
    return errno;
  }

  /** The Linux errno as reported, even when it is {@link Errno#UNKNOWN}. */
  public int number() {
    return number;
  }
}
