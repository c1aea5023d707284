package dev.spindle.platform.network;

/**
 * RFC 2863 operational states ({@code IF_OPER_*} in {@code linux/if.h}), the values of
 * {@link LinkMessage#operState()}. Drivers that do not track carrier (loopback, dummy) stay {@link #UNKNOWN} while up.
 */
public final class IfOper {
  public static final int UNKNOWN = 0;
  public static final int NOTPRESENT = 1;
  public static final int DOWN = 2;
  public static final int LOWERLAYERDOWN = 3;
  public static final int TESTING = 4;
  public static final int DORMANT = 5;
  public static final int UP = 6;

  private IfOper() {}
}
