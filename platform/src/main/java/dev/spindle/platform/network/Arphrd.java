package dev.spindle.platform.network;

/** Link hardware types ({@code ARPHRD_*} in {@code linux/if_arp.h}), the values of {@link LinkMessage#type()}. */
public final class Arphrd {
  public static final int ETHER = 1;
  public static final int LOOPBACK = 772;
  /** No link-layer header: WireGuard, tun. */
  public static final int NONE = 65534;

  private Arphrd() {}
}
