package dev.spindle.platform.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * The routing tables of {@link FakeRtnetlink}, with the kernel's rules ({@code net/ipv4/fib_frontend.c},
 * {@code fib_trie.c}, {@code net/ipv6/route.c}, {@code addrconf.c}) for the routes it makes itself and for what a
 * request may add or delete. Not thread-safe: the fake holds its lock around every call.
 *
 * <p>Kernel-made routes: an IPv4 address gets its {@code local} route in the local table at once; on an up link also
 * its prefix route in main (scope link, the address's metric; on a loopback a {@code local} route in the local table)
 * unless it is a /32, secondary or {@code noprefixroute}, and a {@code broadcast} route for its broadcast address. An
 * IPv6 address gets its {@code local} route (metric 0) and its prefix route (metric 256, or the address's) in main;
 * an up Ethernet link gets {@code multicast ff00::/8} in the local table. Taking a link down removes every route over
 * it but the IPv4 local ones, as this kernel does; deleting a link's last IPv4 address removes every IPv4 route over
 * it.
 *
 * <p>Simplifications: no multipath routes, no route cache, no policy rules (lookups for a gateway use the route's own
 * table, then main); the gateway check ignores metrics and longest-prefix order.
 */
final class FakeRoutes {
  private static final byte[] V6_MULTICAST = v6Multicast();

  private final List<RouteMessage> table = new ArrayList<>();

  /** As a dump orders them: IPv4 before IPv6, by table, then in the order they were added. */
  List<RouteMessage> all() {
    return table.stream().sorted(Comparator.comparingInt(RouteMessage::family)
        .thenComparing(RouteMessage::table, Integer::compareUnsigned)).toList();
  }

  /** Stores a route as given (the simulated node's static routes); no checks, no events. */
  void put(RouteMessage route) {
    table.add(route);
  }

  /** Adds (or, with {@code replace}, replaces) a route after the kernel's checks; returns what a dump now shows. */
  RouteMessage write(RouteMessage request, boolean replace, IntFunction<LinkMessage> links, String doing)
      throws NetlinkException {
    RouteMessage route = normalize(request, links, doing);
    Optional<RouteMessage> existing = table.stream().filter(r -> sameKey(r, route)).findFirst();
    if (existing.isPresent()) {
      if (!replace) {
        throw new NetlinkException(Errno.EEXIST, doing);
      }
      table.set(table.indexOf(existing.get()), route);
    } else {
      table.add(route);
    }
    return route;
  }

  /** Deletes the first route matching the request's key and every field it sets; {@code ESRCH} if there is none. */
  RouteMessage delete(RouteMessage request, String doing) throws NetlinkException {
    int t = request.table() == Rtn.TABLE_UNSPEC ? Rtn.TABLE_MAIN : request.table();
    RouteMessage found = table.stream()
        .filter(r -> r.family() == request.family() && r.table() == t && r.dstLength() == request.dstLength()
            && Arrays.equals(r.dst(), request.dst()) && r.tos() == request.tos()
            && (request.priority() == 0 || r.priority() == request.priority())
            && (request.gateway().length == 0 || Arrays.equals(r.gateway(), request.gateway()))
            && (request.outIndex() == 0 || r.outIndex() == request.outIndex())
            && (request.protocol() == 0 || r.protocol() == request.protocol())
            && (request.type() == 0 || r.type() == request.type()))
        .findFirst().orElseThrow(() -> new NetlinkException(Errno.ESRCH, doing));
    table.remove(found);
    return found;
  }

  private RouteMessage normalize(RouteMessage request, IntFunction<LinkMessage> links, String doing)
      throws NetlinkException {
    boolean v4 = request.family() == Ifa.AF_INET;
    if (!v4 && request.family() != Ifa.AF_INET6) {
      throw new NetlinkException(Errno.EAFNOSUPPORT, doing);
    }
    int length = v4 ? 4 : 16;
    if (request.dstLength() > length * 8 || (request.dst().length != 0 && request.dst().length != length)
        || (request.gateway().length != 0 && request.gateway().length != length)) {
      throw new NetlinkException(Errno.EINVAL, doing);
    }
    if (request.outIndex() != 0 && links.apply(request.outIndex()) == null) {
      throw new NetlinkException(Errno.ENODEV, doing);
    }
    var route = request.toBuilder();
    int t = request.table() == Rtn.TABLE_UNSPEC ? Rtn.TABLE_MAIN : request.table();
    route.table(t).flags(request.flags() & Rtn.F_ONLINK);
    if (!v4) {
      route.scope(Ifa.SCOPE_UNIVERSE).priority(request.priority() == 0 ? Rtn.IP6_PRIORITY_USER : request.priority());
    }
    if (request.gateway().length > 0 && !request.hasFlags(Rtn.F_ONLINK)) {
      RouteMessage via = connected(request.family(), t, request.gateway(), request.outIndex())
          .orElseThrow(() -> new NetlinkException(v4 ? Errno.ENETUNREACH : Errno.EHOSTUNREACH, doing));
      route.outIndex(via.outIndex());
    } else if (request.outIndex() == 0 && needsLink(request.type())) {
      throw new NetlinkException(Errno.ENODEV, doing);
    }
    return route.build();
  }

  private static boolean needsLink(int type) {
    return type != Rtn.BLACKHOLE && type != Rtn.UNREACHABLE && type != Rtn.PROHIBIT && type != Rtn.THROW;
  }

  /** A directly connected route (no gateway) in {@code t} or main that covers {@code ip}, on {@code index} if set. */
  private Optional<RouteMessage> connected(int family, int t, byte[] ip, int index) {
    return table.stream().filter(r -> r.family() == family && (r.table() == t || r.table() == Rtn.TABLE_MAIN)
            && r.type() == Rtn.UNICAST && r.gateway().length == 0 && r.outIndex() != 0
            && (index == 0 || r.outIndex() == index) && r.dst().length == ip.length
            && FakeAddresses.sameNetwork(r.dst(), ip, r.dstLength()))
        .findFirst();
  }

  /** The routes the kernel makes for {@code address} on {@code link}; returns their events. */
  List<RouteEvent> addressAdded(AddressMessage address, LinkMessage link) {
    var made = new ArrayList<RouteMessage>();
    byte[] own = address.own();
    boolean up = link.hasFlags(Iff.UP);
    if (address.family() == Ifa.AF_INET) {
      made.add(kernel(Ifa.AF_INET, Rtn.TABLE_LOCAL, Rtn.LOCAL, Ifa.SCOPE_HOST, own, 32, link, own, 0));
      if (up) {
        made.addAll(v4LinkRoutes(address, link));
      }
    } else if (up) {
      made.add(kernel(Ifa.AF_INET6, Rtn.TABLE_LOCAL, Rtn.LOCAL, Ifa.SCOPE_UNIVERSE, own, 128, link, null, 0));
      if (address.prefixLength() < 128 && !address.hasFlags(Ifa.F_NOPREFIXROUTE)) {
        made.add(kernel(Ifa.AF_INET6, Rtn.TABLE_MAIN, Rtn.UNICAST, Ifa.SCOPE_UNIVERSE,
            network(own, address.prefixLength()), address.prefixLength(), link, null,
            address.priority() != 0 ? address.priority() : Rtn.IP6_PRIORITY_ADDRCONF));
      }
    }
    return addAll(made);
  }

  /**
   * The IPv4 routes that exist only while the link is up ({@code fib_add_ifaddr}): a broadcast route for the
   * address's broadcast address; unless secondary, the prefix route (unless {@code noprefixroute}) and, below /31, a
   * broadcast route for the subnet's broadcast address.
   */
  private static List<RouteMessage> v4LinkRoutes(AddressMessage address, LinkMessage link) {
    var made = new ArrayList<RouteMessage>();
    byte[] own = address.own();
    int len = address.prefixLength();
    byte[] broadcast = address.broadcast();
    if (broadcast.length == 4 && !Arrays.equals(broadcast, new byte[] {-1, -1, -1, -1})) {
      made.add(kernel(Ifa.AF_INET, Rtn.TABLE_LOCAL, Rtn.BROADCAST, Ifa.SCOPE_LINK, broadcast, 32, link, own, 0));
    }
    if (len < 32 && !address.hasFlags(Ifa.F_TEMPORARY)) {
      if (!address.hasFlags(Ifa.F_NOPREFIXROUTE)) {
        boolean loopback = link.hasFlags(Iff.LOOPBACK);
        made.add(kernel(Ifa.AF_INET, loopback ? Rtn.TABLE_LOCAL : Rtn.TABLE_MAIN,
            loopback ? Rtn.LOCAL : Rtn.UNICAST, loopback ? Ifa.SCOPE_HOST : Ifa.SCOPE_LINK, network(own, len), len,
            link, own, address.priority()));
      }
      if (len < 31) {
        made.add(kernel(Ifa.AF_INET, Rtn.TABLE_LOCAL, Rtn.BROADCAST, Ifa.SCOPE_LINK, subnetBroadcast(own, len), 32,
            link, own, 0));
      }
    }
    return made;
  }

  private static byte[] subnetBroadcast(byte[] ip, int bits) {
    byte[] net = network(ip, bits);
    byte[] host = network(new byte[] {-1, -1, -1, -1}, bits);
    for (int i = 0; i < 4; i++) {
      net[i] = (byte) (net[i] | ~host[i]);
    }
    return net;
  }

  /** The routes the kernel made for {@code address} go with it. */
  List<RouteEvent> addressRemoved(AddressMessage address) {
    byte[] own = address.own();
    byte[] net = network(own, address.prefixLength());
    return remove(r -> r.protocol() == Rtn.PROT_KERNEL && r.outIndex() == address.index()
        && r.family() == address.family()
        && ((r.type() == Rtn.LOCAL && Arrays.equals(r.dst(), own) && r.dstLength() == own.length * 8)
            || (address.family() == Ifa.AF_INET && Arrays.equals(r.prefSrc(), own))
            || (address.family() == Ifa.AF_INET6 && r.type() == Rtn.UNICAST
                && r.dstLength() == address.prefixLength() && Arrays.equals(r.dst(), net))));
  }

  /**
   * The link's last IPv4 address went: the kernel flushes every IPv4 route over the link ({@code fib_disable_ip}),
   * in every table, configured ones included.
   */
  List<RouteEvent> lastV4AddressGone(int index) {
    return remove(r -> r.family() == Ifa.AF_INET && r.outIndex() == index);
  }

  /** A link came up: its IPv4 addresses' link routes return, an Ethernet link gets ff00::/8. */
  List<RouteEvent> linkUp(LinkMessage link, List<AddressMessage> v4Addresses) {
    var made = new ArrayList<RouteMessage>();
    v4Addresses.forEach(a -> made.addAll(v4LinkRoutes(a, link)));
    if (link.type() == Arphrd.ETHER) {
      made.add(kernel(Ifa.AF_INET6, Rtn.TABLE_LOCAL, Rtn.MULTICAST, Ifa.SCOPE_UNIVERSE, V6_MULTICAST, 8, link, null,
          Rtn.IP6_PRIORITY_ADDRCONF));
    }
    return addAll(made);
  }

  /** A link went down: every route over it goes but the IPv4 local ones. */
  List<RouteEvent> linkDown(int index) {
    return remove(r -> r.outIndex() == index && !(r.family() == Ifa.AF_INET && r.type() == Rtn.LOCAL));
  }

  /** A link was deleted: every route over it goes. */
  List<RouteEvent> removeLink(int index) {
    return remove(r -> r.outIndex() == index);
  }

  private List<RouteEvent> addAll(List<RouteMessage> made) {
    var added = new ArrayList<RouteEvent>();
    for (RouteMessage r : made) {
      if (table.stream().noneMatch(t -> sameKey(t, r) && t.outIndex() == r.outIndex())) {
        table.add(r);
        added.add(new RouteEvent(RouteEvent.Change.NEW, r));
      }
    }
    return added;
  }

  private List<RouteEvent> remove(Predicate<RouteMessage> which) {
    var gone = table.stream().filter(which).toList();
    table.removeAll(gone);
    return gone.stream().map(r -> new RouteEvent(RouteEvent.Change.DELETED, r)).toList();
  }

  /** What identifies a route for {@code NLM_F_EXCL}: table, destination, source, tos and metric. */
  private static boolean sameKey(RouteMessage a, RouteMessage b) {
    return a.family() == b.family() && a.table() == b.table() && a.dstLength() == b.dstLength()
        && Arrays.equals(a.dst(), b.dst()) && a.srcLength() == b.srcLength() && Arrays.equals(a.src(), b.src())
        && a.tos() == b.tos() && a.priority() == b.priority();
  }

  private static RouteMessage kernel(int family, int table, int type, int scope, byte[] dst, int dstLength,
      LinkMessage link, byte[] prefSrc, int priority) {
    return RouteMessage.builder(family).table(table).type(type).scope(scope).protocol(Rtn.PROT_KERNEL).dst(dst)
        .dstLength(dstLength).outIndex(link.index()).prefSrc(prefSrc).priority(priority).build();
  }

  static byte[] network(byte[] ip, int bits) {
    byte[] net = ip.clone();
    for (int i = 0; i < net.length; i++, bits -= 8) {
      int mask = bits >= 8 ? 0xff : bits <= 0 ? 0 : (0xff << (8 - bits)) & 0xff;
      net[i] = (byte) (net[i] & mask);
    }
    return net;
  }

  private static byte[] v6Multicast() {
    byte[] ip = new byte[16];
    ip[0] = (byte) 0xff;
    return ip;
  }
}
