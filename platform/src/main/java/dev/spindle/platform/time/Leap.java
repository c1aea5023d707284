package dev.spindle.platform.time;

/** The NTP leap indicator of a server's answer (RFC 5905 §7.3), numbered as on the wire. */
public enum Leap {
  NONE,
  /** The last minute of the day has 61 seconds. */
  ADD_SECOND,
  /** The last minute of the day has 59 seconds. */
  DELETE_SECOND,
  /** The server's clock is not synchronized: its answer must not be used. */
  UNSYNCHRONIZED;

  public static Leap of(int indicator) {
    return values()[indicator & 3];
  }
}
