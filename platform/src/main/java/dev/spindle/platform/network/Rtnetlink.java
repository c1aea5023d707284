package dev.spindle.platform.network;

import java.util.List;

/**
 * The kernel's routing netlink, in OS vocabulary: links, addresses and routes (rules join as further methods and
 * listener callbacks). Implemented by the Linux adapter (netlink through {@code java.lang.foreign}) and by
 * {@link FakeRtnetlink}; {@code RtnetlinkContract} keeps the two honest.
 *
 * <p>Every request either succeeds or throws a {@link NetlinkException} with the kernel's {@link Errno}.
 */
public interface Rtnetlink extends AutoCloseable {
  /** Every link in the network namespace ({@code RTM_GETLINK} dump), in index order. */
  List<LinkMessage> links() throws NetlinkException;

  /** One link by name; {@link Errno#ENODEV} if there is none. */
  LinkMessage link(String name) throws NetlinkException;

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
   * Starts delivering link, address and route events to {@code listener} until the subscription is closed. Events that
   * happen before this returns may be missed, so subscribe first and dump after.
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

    /**
     * Events may have been lost (the socket overran: {@link Errno#ENOBUFS}) or could not be read. The subscription
     * stays open; the listener must resync by dumping, because no event describes what was missed.
     */
    void onError(NetlinkException error);
  }
}
