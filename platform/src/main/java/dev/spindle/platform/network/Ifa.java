package dev.spindle.platform.network;

/**
 * The kernel's address flags ({@code IFA_F_*} in {@code linux/if_addr.h}), the bits of {@link AddressMessage#flags()},
 * and the scopes ({@code RT_SCOPE_*} in {@code linux/rtnetlink.h}) of {@link AddressMessage#scope()}.
 */
public final class Ifa {
  /** Also {@code IFA_F_SECONDARY} for IPv4: the kernel sets it on a second address in the same subnet. */
  public static final int F_TEMPORARY = 0x01;
  public static final int F_NODAD = 0x02;
  public static final int F_OPTIMISTIC = 0x04;
  public static final int F_DADFAILED = 0x08;
  public static final int F_HOMEADDRESS = 0x10;
  public static final int F_DEPRECATED = 0x20;
  public static final int F_TENTATIVE = 0x40;
  /** Set by the kernel on an address with an infinite valid lifetime. */
  public static final int F_PERMANENT = 0x80;
  public static final int F_MANAGETEMPADDR = 0x100;
  public static final int F_NOPREFIXROUTE = 0x200;
  public static final int F_MCAUTOJOIN = 0x400;
  public static final int F_STABLE_PRIVACY = 0x800;

  public static final int SCOPE_UNIVERSE = 0;
  public static final int SCOPE_SITE = 200;
  public static final int SCOPE_LINK = 253;
  public static final int SCOPE_HOST = 254;
  public static final int SCOPE_NOWHERE = 255;

  public static final int AF_INET = 2;
  public static final int AF_INET6 = 10;

  /** {@code INFINITY_LIFE_TIME}: the lifetime of an address that does not expire. */
  public static final long INFINITE_LIFETIME = 0xFFFF_FFFFL;

  private Ifa() {}
}
