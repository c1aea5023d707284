package dev.spindle.platform.time;

/** A time query that gave no usable answer; callers branch on {@link #reason()}, never on the message. */
public final class SntpException extends Exception {
  /** Why there is no answer. */
  public enum Reason {
    /** The name did not resolve. */
    UNRESOLVED,
    /** Nothing came back within the timeout. */
    TIMEOUT,
    /** Stratum 0: the server refuses service ("kiss-o'-death", RFC 5905 §7.4). */
    KISS_OF_DEATH,
    /** The server says its own clock is not synchronized (leap indicator 3) or its stratum is above 15. */
    UNSYNCHRONIZED,
    /** The socket failed. */
    IO
  }

  private final Reason reason;

  public SntpException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public SntpException(Reason reason, String message) {
    this(reason, message, null);
  }

  public Reason reason() {
    return reason;
  }
}
