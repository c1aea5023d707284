package dev.spindle.platform.network;

/**
 * The Linux error numbers netlink answers with, named as in {@code errno.h}, so callers branch on the enum and never
 * on message text. A number not listed here is {@link #UNKNOWN}; {@link NetlinkException#number()} keeps it.
 */
public enum Errno {
  EPERM(1), ENOENT(2), ESRCH(3), EINTR(4), EIO(5), ENXIO(6), EAGAIN(11), ENOMEM(12), EACCES(13), EFAULT(14),
  EBUSY(16), EEXIST(17), ENODEV(19), EINVAL(22), ENOSPC(28), ERANGE(34), ENOTEMPTY(39), ELOOP(40), EMSGSIZE(90), EPROTONOSUPPORT(93),
  EOPNOTSUPP(95), EAFNOSUPPORT(97), EADDRINUSE(98), EADDRNOTAVAIL(99), ENETDOWN(100), ENETUNREACH(101),
  ENOBUFS(105), ENOTCONN(107), ETIMEDOUT(110), EHOSTUNREACH(113), EALREADY(114),
  /** Any number without a constant here. */
  UNKNOWN(-1);

  private final int number;

  Errno(int number) {
    this.number = number;
  }

  /** The positive Linux number ({@code -1} for {@link #UNKNOWN}). */
  public int number() {
    return number;
  }

  /** The constant for a positive errno, or for the negative error netlink puts in an {@code NLMSG_ERROR}. */
  public static Errno of(int number) {
    int positive = Math.abs(number);
    for (Errno e : values()) {
      if (e.number == positive) {
        return e;
      }
    }
    return UNKNOWN;
  }
}
