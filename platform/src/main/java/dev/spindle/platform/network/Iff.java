package dev.spindle.platform.network;

/** The kernel's interface flags ({@code IFF_*} in {@code linux/if.h}), the bits of {@link LinkMessage#flags()}. */
public final class Iff {
  public static final int UP = 1;
  public static final int BROADCAST = 1 << 1;
  public static final int LOOPBACK = 1 << 3;
  public static final int POINTOPOINT = 1 << 4;
  public static final int RUNNING = 1 << 6;
  public static final int NOARP = 1 << 7;
  public static final int PROMISC = 1 << 8;
  public static final int MASTER = 1 << 10;
  public static final int SLAVE = 1 << 11;
  public static final int MULTICAST = 1 << 12;
  public static final int LOWER_UP = 1 << 16;
  public static final int DORMANT = 1 << 17;

  private Iff() {}
}
