package dev.spindle.platform.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The address table of {@link FakeRtnetlink}, with the kernel's rules for what identifies an address, what a request
 * may set and what the kernel derives itself ({@code net/ipv4/devinet.c}, {@code net/ipv6/addrconf.c}). Not
 * thread-safe: the fake holds its lock around every call.
 */
final class FakeAddresses {
  /** The flags an IPv6 request may set ({@code IFA_F_*} accepted by {@code inet6_rtm_newaddr}); others are dropped. */
  private static final int V6_SETTABLE = Ifa.F_NODAD | Ifa.F_HOMEADDRESS | Ifa.F_MANAGETEMPADDR
      | Ifa.F_NOPREFIXROUTE | Ifa.F_MCAUTOJOIN | Ifa.F_OPTIMISTIC;
  private static final byte[] V4_LOOPBACK = {127, 0, 0, 1};
  private static final byte[] V6_LOOPBACK = v6Loopback();

  private final List<AddressMessage> table = new ArrayList<>();

  void put(AddressMessage address) {
    table.add(address);
  }

  /** As a dump orders them: IPv4 before IPv6, by link, then in the order they were added. */
  List<AddressMessage> all() {
    return table.stream().sorted(Comparator.comparingInt(AddressMessage::family)
        .thenComparingInt(AddressMessage::index)).toList();
  }

  static String describe(AddressMessage a) {
    return AddressMessage.text(a.own()) + "/" + a.prefixLength() + " on link " + a.index();
  }

  /** Adds (or, with {@code replace}, updates) an address on {@code link}; returns what a dump now shows. */
  AddressMessage write(AddressMessage request, LinkMessage link, boolean replace, String doing)
      throws NetlinkException {
    validate(request, doing);
    Optional<AddressMessage> existing = table.stream().filter(a -> sameForAdd(a, request)).findFirst();
    if (existing.isPresent()) {
      if (!replace) {
        throw new NetlinkException(Errno.EEXIST, doing);
      }
      AddressMessage old = existing.get();
      var updated = old.toBuilder().priority(request.priority());
      if (request.family() == Ifa.AF_INET6) {
        updated.flags((old.flags() & ~V6_SETTABLE) | (request.flags() & V6_SETTABLE));
      }
      AddressMessage stored = lifetimes(updated, request).build();
      table.set(table.indexOf(old), stored);
      return stored;
    }
    AddressMessage stored = request.family() == Ifa.AF_INET ? newV4(request, link) : newV6(request);
    table.add(stored);
    return stored;
  }

  /**
   * Deletes the address with the request's own address and prefix length on its link; returns what went, in the
   * order the kernel reports it. Deleting a primary IPv4 address deletes its secondaries first, as the kernel does
   * with the default {@code promote_secondaries=0}.
   */
  List<AddressMessage> delete(AddressMessage request, String doing) throws NetlinkException {
    byte[] own = request.own();
    AddressMessage found = table.stream()
        .filter(a -> a.index() == request.index() && a.family() == request.family()
            && a.prefixLength() == request.prefixLength() && Arrays.equals(a.own(), own))
        .findFirst().orElseThrow(() -> new NetlinkException(Errno.EADDRNOTAVAIL, doing));
    var gone = new ArrayList<AddressMessage>();
    if (found.family() == Ifa.AF_INET && !found.hasFlags(Ifa.F_TEMPORARY)) {
      table.stream().filter(a -> a != found && a.index() == found.index() && a.family() == Ifa.AF_INET
              && a.hasFlags(Ifa.F_TEMPORARY) && a.prefixLength() == found.prefixLength()
              && sameNetwork(a.own(), own, found.prefixLength()))
          .forEach(gone::add);
    }
    gone.add(found);
    table.removeAll(gone);
    return gone;
  }

  /** A link came up: the loopback gets 127.0.0.1/8 and ::1/128, an Ethernet link its EUI-64 link-local address. */
  List<AddressEvent> linkUp(LinkMessage link) {
    var added = new ArrayList<AddressMessage>();
    if (link.type() == Arphrd.LOOPBACK) {
      added.add(AddressMessage.of(link.index(), V4_LOOPBACK, 8).toBuilder().scope(Ifa.SCOPE_HOST)
          .flags(Ifa.F_PERMANENT).label(link.name()).build());
      added.add(AddressMessage.builder(Ifa.AF_INET6, link.index()).address(V6_LOOPBACK).prefixLength(128)
          .scope(Ifa.SCOPE_HOST).flags(Ifa.F_PERMANENT).build());
    } else if (link.type() == Arphrd.ETHER && link.hardwareAddr().length == 6) {
      added.add(AddressMessage.builder(Ifa.AF_INET6, link.index()).address(linkLocal(link.hardwareAddr()))
          .prefixLength(64).scope(Ifa.SCOPE_LINK).flags(Ifa.F_PERMANENT).build());
    }
    added.removeIf(a -> table.stream().anyMatch(t -> sameForAdd(t, a)));
    table.addAll(added);
    return added.stream().map(a -> new AddressEvent(AddressEvent.Change.NEW, a)).toList();
  }

  /** A link went down: with the default {@code keep_addr_on_down=0} its IPv6 addresses go; IPv4 ones stay. */
  List<AddressEvent> linkDown(LinkMessage link) {
    return remove(a -> a.index() == link.index() && a.family() == Ifa.AF_INET6);
  }

  /** A link was deleted: all its addresses go. */
  List<AddressEvent> removeLink(int index) {
    return remove(a -> a.index() == index);
  }

  private List<AddressEvent> remove(java.util.function.Predicate<AddressMessage> which) {
    var gone = table.stream().filter(which).toList();
    table.removeAll(gone);
    return gone.stream().map(a -> new AddressEvent(AddressEvent.Change.DELETED, a)).toList();
  }

  private static void validate(AddressMessage a, String doing) throws NetlinkException {
    int length = a.family() == Ifa.AF_INET ? 4 : 16;
    boolean v4 = a.family() == Ifa.AF_INET;
    byte[] own = a.own();
    boolean badLength = (a.address().length != 0 && a.address().length != length)
        || (a.local().length != 0 && a.local().length != length) || own.length != length;
    if ((v4 && a.local().length == 0) || badLength || a.prefixLength() > length * 8
        || a.validLifetime() == 0 || a.preferredLifetime() > a.validLifetime()) {
      throw new NetlinkException(Errno.EINVAL, doing);
    }
  }

  /** IPv4: the same local address and prefix length on the link; IPv6: the same address on the link. */
  private static boolean sameForAdd(AddressMessage stored, AddressMessage request) {
    if (stored.index() != request.index() || stored.family() != request.family()) {
      return false;
    }
    boolean v4 = request.family() == Ifa.AF_INET;
    return Arrays.equals(stored.own(), request.own()) && (!v4 || stored.prefixLength() == request.prefixLength());
  }

  private AddressMessage newV4(AddressMessage request, LinkMessage link) {
    var a = request.toBuilder();
    if (request.address().length == 0) {
      a.address(request.local());
    }
    if (request.label().isEmpty()) {
      a.label(link.name());
    }
    int flags = request.flags() & ~Ifa.F_TEMPORARY;
    // a second address in a subnet the link already has is secondary (IFA_F_SECONDARY shares the bit)
    if (table.stream().anyMatch(t -> t.index() == request.index() && t.family() == Ifa.AF_INET
        && t.prefixLength() == request.prefixLength() && sameNetwork(t.own(), request.own(), request.prefixLength()))) {
      flags |= Ifa.F_TEMPORARY;
    }
    return lifetimes(a.flags(flags), request).build();
  }

  private static AddressMessage newV6(AddressMessage request) {
    byte[] own = request.own();
    var a = request.toBuilder().address(own).local(null).label(null).scope(v6Scope(own))
        .flags(request.flags() & V6_SETTABLE);
    return lifetimes(a, request).build();
  }

  /** Sets the lifetimes and the flags the kernel derives from them: permanent when infinite, deprecated at 0. */
  private static AddressMessage.Builder lifetimes(AddressMessage.Builder a, AddressMessage request) {
    int flags = a.build().flags() & ~(Ifa.F_PERMANENT | Ifa.F_DEPRECATED);
    if (request.validLifetime() == Ifa.INFINITE_LIFETIME) {
      flags |= Ifa.F_PERMANENT;
    }
    if (request.preferredLifetime() == 0) {
      flags |= Ifa.F_DEPRECATED;
    }
    return a.flags(flags).preferredLifetime(request.preferredLifetime()).validLifetime(request.validLifetime());
  }

  /** {@code ipv6_addr_scope}: loopback is host, fe80::/10 link, fec0::/10 site, everything else universe. */
  private static int v6Scope(byte[] ip) {
    if (Arrays.equals(ip, V6_LOOPBACK)) {
      return Ifa.SCOPE_HOST;
    }
    if ((ip[0] & 0xff) == 0xfe && (ip[1] & 0xc0) == 0x80) {
      return Ifa.SCOPE_LINK;
    }
    if ((ip[0] & 0xff) == 0xfe && (ip[1] & 0xc0) == 0xc0) {
      return Ifa.SCOPE_SITE;
    }
    return Ifa.SCOPE_UNIVERSE;
  }

  static boolean sameNetwork(byte[] a, byte[] b, int bits) {
    for (int i = 0; i < a.length && bits > 0; i++, bits -= 8) {
      int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
      if ((a[i] & mask) != (b[i] & mask)) {
        return false;
      }
    }
    return true;
  }

  /** fe80::/64 with the modified EUI-64 interface id of {@code mac} (RFC 4291 appendix A). */
  static byte[] linkLocal(byte[] mac) {
    byte[] ip = new byte[16];
    ip[0] = (byte) 0xfe;
    ip[1] = (byte) 0x80;
    ip[8] = (byte) (mac[0] ^ 0x02);
    ip[9] = mac[1];
    ip[10] = mac[2];
    ip[11] = (byte) 0xff;
    ip[12] = (byte) 0xfe;
    ip[13] = mac[3];
    ip[14] = mac[4];
    ip[15] = mac[5];
    return ip;
  }

  private static byte[] v6Loopback() {
    byte[] ip = new byte[16];
    ip[15] = 1;
    return ip;
  }
}
