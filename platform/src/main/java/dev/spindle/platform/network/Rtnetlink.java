package dev.spindle.platform.network;

import java.util.List;

/**
 * The kernel's routing netlink, in OS vocabulary: links, addresses, routes and policy routing rules. Implemented by the
 * Linux adapter (netlink through {@code java.lang.foreign}) and by {@link FakeRtnetlink}; {@code RtnetlinkContract}
 * keeps the two honest.
 *
 * <p>Every request either succeeds or throws a {@link NetlinkException} with the kernel's {@link Errno}.
 */
public interface Rtnetlink extends AutoCloseable {
  /** Every link in the network namespace ({@code RTM_GETLINK} dump), in index order. */
  List<LinkMessage> links() throws NetlinkException;

  /** One link by name; {@link Errno#ENODEV} if there is none. */
  LinkMessage link(String name) throws NetlinkException;

  /**
   * {@code ip link add}: creates the link {@code request} describes ({@code RTM_NEWLINK} with
   * {@code NLM_F_CREATE|NLM_F_EXCL}). {@link Errno#EEXIST} if the name (or a veth peer's name) is taken,
   * {@link Errno#EINVAL} for an invalid name or setting, {@link Errno#ENODEV} if the master or lower link does not
   * exist, {@link Errno#EOPNOTSUPP} if the kernel has no driver for the kind (its module is not loaded: the kernel
   * answers so for an unknown kind). A veth creates both ends, each with the other as its
   * {@link LinkMessage#parentIndex()}.
   */
  void createLink(LinkRequest request) throws NetlinkException;

  /**
   * {@code ip link set}: changes the set fields of link {@code index} and leaves the rest ({@code RTM_NEWLINK} without
   * {@code NLM_F_CREATE}). {@link Errno#ENODEV} if there is no such link; a rename to a taken name (any link's name or
   * altname, the link's own altnames included) is {@link Errno#EEXIST}, of a link that is up {@link Errno#EBUSY} on
   * kernels before 6.2 (later ones rename it); a master that is neither a bridge nor a bond is {@link Errno#EOPNOTSUPP}, an unknown master {@link Errno#EINVAL}, a bridge as a
   * bridge port {@link Errno#ELOOP}; an alias over 255 bytes {@link Errno#ERANGE}; an MTU outside the device's range
   * {@link Errno#EINVAL}; a multicast or zero MAC {@link Errno#EADDRNOTAVAIL}; kind data of another kind, or that the
   * driver cannot change, {@link Errno#EOPNOTSUPP} (see {@link LinkChange#info()}). The kernel applies the fields in
   * its own order (kind data, hardware address, MTU, name, alias, up/down, master) and stops at the first failure, so an earlier field may
   * already be applied when a later one fails.
   */
  void setLink(int index, LinkChange change) throws NetlinkException;

  /**
   * {@code ip link del}: {@link Errno#ENODEV} if there is no link {@code index}; physical and loopback links are
   * {@link Errno#EOPNOTSUPP}. Deleting one end of a veth deletes the other; deleting a master releases its ports.
   */
  void deleteLink(int index) throws NetlinkException;

  /** Every IPv4 and IPv6 address in the network namespace ({@code RTM_GETADDR} dump). */
  List<AddressMessage> addresses() throws NetlinkException;

  /**
   * {@code ip addr add}: {@link Errno#EEXIST} if the link has the address already, {@link Errno#ENODEV} if there is no
   * link {@link AddressMessage#index()}, {@link Errno#EINVAL} for an IPv4 address without IFA_LOCAL.
   */
  void addAddress(AddressMessage address) throws NetlinkException;

  /** {@code ip addr replace}: adds the address, or changes the existing one (lifetimes, flags, broadcast) in place. */
  void replaceAddress(AddressMessage address) throws NetlinkException;

  /**
   * {@code ip addr del}, matching address and prefix length on the link: {@link Errno#EADDRNOTAVAIL} if the link has
   * no such address, {@link Errno#ENODEV} if there is no such link.
   */
  void deleteAddress(AddressMessage address) throws NetlinkException;

  /**
   * Every IPv4 and IPv6 route of every table ({@code RTM_GETROUTE} dump): the local table's routes too, but not the
   * IPv6 route cache.
   */
  List<RouteMessage> routes() throws NetlinkException;

  /**
   * {@code ip route add}: {@link Errno#EEXIST} if the table has a route with the same destination, tos and metric;
   * {@link Errno#ENODEV} if there is no link {@link RouteMessage#outIndex()}; a gateway that no route on the link
   * reaches (and without {@link Rtn#F_ONLINK}) is {@link Errno#ENETUNREACH} for IPv4 (iproute2 prints that as
   * "Nexthop has invalid gateway") and {@link Errno#EHOSTUNREACH} for
   * IPv6, as this kernel answers. Table 0 means main.
   */
  void addRoute(RouteMessage route) throws NetlinkException;

  /** {@code ip route replace}: adds the route, or replaces the one with the same destination, tos and metric. */
  void replaceRoute(RouteMessage route) throws NetlinkException;

  /**
   * {@code ip route del}: removes the first route of the table matching the destination and every field the request
   * sets (metric, gateway, out link, protocol, scope, type); {@link Errno#ESRCH} if none does.
   */
  void deleteRoute(RouteMessage route) throws NetlinkException;

  /**
   * Every IPv4 and IPv6 policy routing rule ({@code RTM_GETRULE} dump), IPv4 first, each family in priority order.
   * A fresh namespace has IPv4 {@code 0 local}, {@code 32766 main}, {@code 32767 default} and IPv6 {@code 0 local},
   * {@code 32766 main}.
   */
  List<RuleMessage> rules() throws NetlinkException;

  /**
   * {@code ip rule add}: {@link Errno#EEXIST} if an identical rule exists; {@link Errno#EAFNOSUPPORT} for a family
   * other than IPv4 and IPv6; {@link Errno#EINVAL} for a to-table rule without a table or a prefix longer than the
   * family's. Without a priority, the kernel gives the rule one below the second rule's.
   */
  void addRule(RuleMessage rule) throws NetlinkException;

  /**
   * {@code ip rule del}: removes the first rule (in priority order) that matches every field the request sets (a
   * priority other than {@link RuleMessage#NO_PRIORITY}, a nonzero table, action, mark, mask, tos, the prefixes and
   * interface names); {@link Errno#ENOENT} if none does.
   */
  void deleteRule(RuleMessage rule) throws NetlinkException;

  /**
   * Starts delivering link, address, route and rule events to {@code listener} until the subscription is closed. Events that happen before this returns may be missed, so subscribe first and dump after.
   */
  Subscription subscribe(Listener listener) throws NetlinkException;

  /** Closes the port and every subscription it handed out. */
  @Override
  void close();

  /**
   * Receives events on the port's event thread; implementations must return quickly (typically by asking for a
   * reconcile). Future event kinds arrive as new default methods, so existing listeners keep compiling.
   */
  interface Listener {
    void onLink(LinkEvent event);

    /** An address was added, changed or deleted. Ignored unless overridden. */
    default void onAddress(AddressEvent event) {}

    /** A route was added, replaced or deleted. Ignored unless overridden. */
    default void onRoute(RouteEvent event) {}

    /** A policy routing rule was added or deleted. Ignored unless overridden. */
    default void onRule(RuleEvent event) {}

    /**
     * Events may have been lost (the socket overran: {@link Errno#ENOBUFS}) or could not be read. The subscription
     * stays open; the listener must resync by dumping, because no event describes what was missed.
     */
    void onError(NetlinkException error);
  }
}
