package dev.spindle.platform.network;

/**
 * The kernel's route vocabulary ({@code linux/rtnetlink.h}): route types ({@code RTN_*}), protocols
 * ({@code RTPROT_*}), the reserved tables ({@code RT_TABLE_*}) and the {@code rtm_flags} bits ({@code RTNH_F_*},
 * {@code RTM_F_*}) of {@link RouteMessage}. Scopes are {@link Ifa}'s {@code SCOPE_*}.
 */
public final class Rtn {
  public static final int UNSPEC = 0;
  public static final int UNICAST = 1;
  public static final int LOCAL = 2;
  public static final int BROADCAST = 3;
  public static final int ANYCAST = 4;
  public static final int MULTICAST = 5;
  public static final int BLACKHOLE = 6;
  public static final int UNREACHABLE = 7;
  public static final int PROHIBIT = 8;
  public static final int THROW = 9;
  public static final int NAT = 10;
  public static final int XRESOLVE = 11;

  public static final int PROT_UNSPEC = 0;
  public static final int PROT_REDIRECT = 1;
  /** Routes the kernel makes itself, e.g. for an address's subnet. */
  public static final int PROT_KERNEL = 2;
  /** What {@code ip route add} sends unless told otherwise. */
  public static final int PROT_BOOT = 3;
  public static final int PROT_STATIC = 4;
  public static final int PROT_RA = 9;
  public static final int PROT_DHCP = 16;

  public static final int TABLE_UNSPEC = 0;
  public static final int TABLE_DEFAULT = 253;
  public static final int TABLE_MAIN = 254;
  public static final int TABLE_LOCAL = 255;

  public static final int F_DEAD = 0x1;
  public static final int F_PERVASIVE = 0x2;
  /** The gateway is on the link even though no route says so. */
  public static final int F_ONLINK = 0x4;
  public static final int F_OFFLOAD = 0x8;
  /** The route's link has no carrier. */
  public static final int F_LINKDOWN = 0x10;
  public static final int F_UNRESOLVED = 0x20;
  public static final int F_TRAP = 0x40;
  public static final int F_NOTIFY = 0x100;
  public static final int F_CLONED = 0x200;
  public static final int F_EQUALIZE = 0x400;
  public static final int F_PREFIX = 0x800;

  /** The metric the kernel gives an IPv6 route added without one ({@code IP6_RT_PRIO_USER}). */
  public static final int IP6_PRIORITY_USER = 1024;
  /** The metric of the IPv6 routes the kernel makes for addresses ({@code IP6_RT_PRIO_ADDRCONF}). */
  public static final int IP6_PRIORITY_ADDRCONF = 256;

  private Rtn() {}
}
