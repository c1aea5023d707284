package dev.spindle.platform.network.linux;

import dev.spindle.platform.network.AddressEvent;
import dev.spindle.platform.network.AddressMessage;
import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.Ifa;
import dev.spindle.platform.network.LinkChange;
import dev.spindle.platform.network.LinkEvent;
import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.network.LinkRequest;
import dev.spindle.platform.network.NetlinkException;
import dev.spindle.platform.network.RouteEvent;
import dev.spindle.platform.network.RouteMessage;
import dev.spindle.platform.network.Rtnetlink;
import dev.spindle.platform.network.RuleEvent;
import dev.spindle.platform.network.RuleMessage;
import dev.spindle.platform.network.Subscription;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link Rtnetlink} on the Linux kernel: {@code NETLINK_ROUTE} sockets through {@code java.lang.foreign}
 * ({@link NetlinkSocket}), messages through the pure codecs ({@link NlMsg}, {@link IfInfoMsg}, {@link RtAttr},
 * {@link LinkCodec}, {@link AddressCodec}, {@link RouteCodec}, {@link RuleCodec}). Links, addresses, routes and rules.
 *
 * <p>Requests ({@link #links()}, {@link #link(String)}) share one socket and are serialized. Each
 * {@linkplain #subscribe subscription} has its own socket bound to {@code RTMGRP_LINK}, {@code RTMGRP_IPV4_IFADDR} and
 * {@code RTMGRP_IPV6_IFADDR}, {@code RTMGRP_IPV4_ROUTE} and {@code RTMGRP_IPV6_ROUTE}, the IPv4 and IPv6 rule groups,
 * and its own reader thread. The
 * reader is a <em>platform</em> daemon thread, not a virtual one: it blocks in a native {@code poll(2)}, and a virtual
 * thread blocked in a foreign call pins its carrier for as long as it waits. The reader polls the socket together
 * with an eventfd, so closing a subscription wakes it at once (netlink sockets do not support {@code shutdown(2)},
 * and {@code close(2)} does not wake a blocked {@code recv}).
 *
 * <p>Only {@code AF_UNSPEC} link messages are reported: the bridge's {@code AF_BRIDGE} port notifications, which the
 * kernel also multicasts to {@code RTMGRP_LINK} (an {@code RTM_DELLINK} among them when a port leaves its bridge),
 * are not link changes and are skipped.
 */
public final class LinuxRtnetlink implements Rtnetlink {
  private static final int DUMP_ATTEMPTS = 5;
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final int netnsFd;
  private final ReentrantLock lock = new ReentrantLock();
  private final NetlinkSocket requests;
  private final Set<EventSubscription> subscriptions = ConcurrentHashMap.newKeySet();
  private int seq = (int) (System.nanoTime() & 0x3fffffff);
  private volatile boolean closed;

  private LinuxRtnetlink(int netnsFd) throws NetlinkException {
    this.netnsFd = netnsFd;
    this.requests = newSocket(0);
  }

  /** The port in the network namespace of the calling thread. */
  public static LinuxRtnetlink open() throws NetlinkException {
    return new LinuxRtnetlink(-1);
  }

  /**
   * The port in the network namespace {@code netnsFile} names ({@code /var/run/netns/<name>} as {@code ip netns add}
   * makes it, or {@code /proc/<pid>/ns/net}). Needs {@code CAP_SYS_ADMIN}.
   *
   * <p>A socket belongs to the namespace it was created in, so only socket creation happens inside the namespace:
   * {@code setns(2)} moves just the calling OS thread, so each socket (now, and for every later
   * {@link #subscribe}) is created on a short-lived <em>platform</em> thread that enters the namespace, opens the
   * socket and returns to the namespace it started in ({@code /proc/thread-self/ns/net}, opened first). The caller's
   * own thread (virtual or not) never changes namespace. The namespace file stays open until {@link #close()}, so the
   * namespace outlives an {@code ip netns del} for as long as the port does.
   */
  public static LinuxRtnetlink inNamespace(Path netnsFile) throws NetlinkException {
    int fd = NetlinkSocket.openFile(netnsFile.toString());
    try {
      return new LinuxRtnetlink(fd);
    } catch (NetlinkException | RuntimeException e) {
      NetlinkSocket.closeFd(fd);
      throw e;
    }
  }

  private NetlinkSocket newSocket(int groups) throws NetlinkException {
    return NetlinkSocket.openIn(netnsFd, NetlinkSocket.NETLINK_ROUTE, groups);
  }

  @Override
  public List<LinkMessage> links() throws NetlinkException {
    for (int attempt = 1; ; attempt++) {
      List<LinkMessage> links = new ArrayList<>();
      boolean interrupted = false;
      for (NlMsg.Message m : exchange(LinkCodec::dumpRequest, "dumping links")) {
        interrupted |= (m.header().flags() & NlMsg.NLM_F_DUMP_INTR) != 0;
        decodeLink(m, "dumping links", links);
      }
      if (!interrupted || attempt == DUMP_ATTEMPTS) {
        links.sort(Comparator.comparingInt(LinkMessage::index));
        return links;
      }
    }
  }

  @Override
  public LinkMessage link(String name) throws NetlinkException {
    String doing = "getting link " + name;
    List<LinkMessage> found = new ArrayList<>();
    for (NlMsg.Message m : exchange(seq -> LinkCodec.getRequest(seq, name), doing)) {
      decodeLink(m, doing, found);
    }
    if (found.size() != 1) {
      throw new NetlinkException(Errno.EIO, doing + ": " + found.size() + " answers");
    }
    return found.getFirst();
  }

  @Override
  public List<AddressMessage> addresses() throws NetlinkException {
    String doing = "dumping addresses";
    for (int attempt = 1; ; attempt++) {
      List<AddressMessage> addresses = new ArrayList<>();
      boolean interrupted = false;
      for (NlMsg.Message m : exchange(seq -> AddressCodec.dumpRequest(seq, 0), doing)) {
        interrupted |= (m.header().flags() & NlMsg.NLM_F_DUMP_INTR) != 0;
        if (m.header().type() == AddressCodec.RTM_NEWADDR && isInet(m)) {
          try {
            addresses.add(AddressCodec.decode(m.payload()));
          } catch (MalformedNetlinkException e) {
            throw new NetlinkException(Errno.EIO, doing + ": " + e.getMessage());
          }
        }
      }
      if (!interrupted || attempt == DUMP_ATTEMPTS) {
        return addresses;
      }
    }
  }

  @Override
  public void addAddress(AddressMessage address) throws NetlinkException {
    exchange(seq -> AddressCodec.addRequest(seq, address), "adding address " + describe(address));
  }

  @Override
  public void replaceAddress(AddressMessage address) throws NetlinkException {
    exchange(seq -> AddressCodec.replaceRequest(seq, address), "replacing address " + describe(address));
  }

  @Override
  public void deleteAddress(AddressMessage address) throws NetlinkException {
    exchange(seq -> AddressCodec.deleteRequest(seq, address), "deleting address " + describe(address));
  }

  @Override
  public List<RouteMessage> routes() throws NetlinkException {
    String doing = "dumping routes";
    for (int attempt = 1; ; attempt++) {
      List<RouteMessage> routes = new ArrayList<>();
      boolean interrupted = false;
      for (NlMsg.Message m : exchange(seq -> RouteCodec.dumpRequest(seq, 0), doing)) {
        interrupted |= (m.header().flags() & NlMsg.NLM_F_DUMP_INTR) != 0;
        if (m.header().type() == RouteCodec.RTM_NEWROUTE && isInetRoute(m)) {
          try {
            routes.add(RouteCodec.decode(m.payload()));
          } catch (MalformedNetlinkException e) {
            throw new NetlinkException(Errno.EIO, doing + ": " + e.getMessage());
          }
        }
      }
      if (!interrupted || attempt == DUMP_ATTEMPTS) {
        return routes;
      }
    }
  }

  @Override
  public void addRoute(RouteMessage route) throws NetlinkException {
    exchange(seq -> RouteCodec.addRequest(seq, route), "adding route " + route.describe());
  }

  @Override
  public void replaceRoute(RouteMessage route) throws NetlinkException {
    exchange(seq -> RouteCodec.replaceRequest(seq, route), "replacing route " + route.describe());
  }

  @Override
  public void deleteRoute(RouteMessage route) throws NetlinkException {
    exchange(seq -> RouteCodec.deleteRequest(seq, route), "deleting route " + route.describe());
  }

  @Override
  public void createLink(LinkRequest request) throws NetlinkException {
    exchange(seq -> LinkCodec.createRequest(seq, request),
        "creating link " + request.name() + " type " + request.info().kind());
  }

  @Override
  public void setLink(int index, LinkChange change) throws NetlinkException {
    String doing = "changing link " + index + " (" + change + ")";
    // new kind data is diffed against the current (a bridge's VLAN filtering goes only when it changes)
    var current = change.info() == null ? null
        : links().stream().filter(l -> l.index() == index).findFirst().map(LinkMessage::info).orElse(null);
    exchange(seq -> LinkCodec.setRequest(seq, index, change, current), doing);
  }

  @Override
  public void deleteLink(int index) throws NetlinkException {
    exchange(seq -> LinkCodec.deleteRequest(seq, index), "deleting link " + index);
  }

  /** IPv4 and IPv6 only: the multicast routing families (RTNL_FAMILY_IPMR, IP6MR) have rules of their own. */
  @Override
  public List<RuleMessage> rules() throws NetlinkException {
    String doing = "dumping rules";
    for (int attempt = 1; ; attempt++) {
      List<RuleMessage> rules = new ArrayList<>();
      boolean interrupted = false;
      for (NlMsg.Message m : exchange(RuleCodec::dumpRequest, doing)) {
        interrupted |= (m.header().flags() & NlMsg.NLM_F_DUMP_INTR) != 0;
        if (m.header().type() == RuleCodec.RTM_NEWRULE && isInetRule(m)) {
          try {
            rules.add(RuleCodec.decode(m.payload()));
          } catch (MalformedNetlinkException e) {
            throw new NetlinkException(Errno.EIO, doing + ": " + e.getMessage());
          }
        }
      }
      if (!interrupted || attempt == DUMP_ATTEMPTS) {
        rules.sort(Comparator.comparingInt(RuleMessage::family)); // stable: each family keeps the kernel's order
        return rules;
      }
    }
  }

  @Override
  public void addRule(RuleMessage rule) throws NetlinkException {
    exchange(seq -> RuleCodec.addRequest(seq, rule), "adding rule " + rule.describe());
  }

  @Override
  public void deleteRule(RuleMessage rule) throws NetlinkException {
    exchange(seq -> RuleCodec.deleteRequest(seq, rule), "deleting rule " + rule.describe());
  }

  private static boolean isInetRule(NlMsg.Message m) {
    try {
      int family = FibRuleHdr.decode(m.payload().duplicate()).family();
      return family == Ifa.AF_INET || family == Ifa.AF_INET6;
    } catch (MalformedNetlinkException e) {
      return true; // let the decoder report it
    }
  }

  /** Only IPv4 and IPv6 routes; the multicast routing families (RTNL_FAMILY_IPMR, ...) have no place in the model. */
  private static boolean isInetRoute(NlMsg.Message m) {
    try {
      int family = RtMsg.decode(m.payload().duplicate()).family();
      return family == Ifa.AF_INET || family == Ifa.AF_INET6;
    } catch (MalformedNetlinkException e) {
      return true; // let the decoder report it
    }
  }

  private static String describe(AddressMessage a) {
    return AddressMessage.text(a.own()) + "/" + a.prefixLength() + " on link " + a.index();
  }

  /** Only IPv4 and IPv6 addresses are reported; other families (e.g. AF_PHONET) have no place in the model. */
  private static boolean isInet(NlMsg.Message m) {
    try {
      int family = IfAddrMsg.decode(m.payload().duplicate()).family();
      return family == Ifa.AF_INET || family == Ifa.AF_INET6;
    } catch (MalformedNetlinkException e) {
      return true; // let the decoder report it
    }
  }

  private static void decodeLink(NlMsg.Message m, String doing, List<LinkMessage> into) throws NetlinkException {
    if (m.header().type() != LinkCodec.RTM_NEWLINK) {
      return;
    }
    try {
      if (IfInfoMsg.decode(m.payload().duplicate()).family() == LinkCodec.AF_UNSPEC) {
        into.add(LinkCodec.decode(m.payload()));
      }
    } catch (MalformedNetlinkException e) {
      throw new NetlinkException(Errno.EIO, doing + ": " + e.getMessage());
    }
  }

  /** Sends one request and collects its answer: one message, or a multipart dump up to {@code NLMSG_DONE}. */
  private List<NlMsg.Message> exchange(java.util.function.IntFunction<byte[]> request, String doing)
      throws NetlinkException {
    lock.lock();
    try {
      if (closed) {
        throw new NetlinkException(Errno.EIO, doing + ": port closed");
      }
      int mySeq = ++seq;
      return NlExchange.run(requests, request.apply(mySeq), mySeq, doing);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Subscription subscribe(Listener listener) throws NetlinkException {
    if (closed) {
      throw new NetlinkException(Errno.EIO, "subscribing to links: port closed");
    }
    NetlinkSocket socket = newSocket(
        NetlinkSocket.RTMGRP_LINK | NetlinkSocket.RTMGRP_IPV4_IFADDR | NetlinkSocket.RTMGRP_IPV6_IFADDR
        | NetlinkSocket.RTMGRP_IPV4_ROUTE | NetlinkSocket.RTMGRP_IPV6_ROUTE | NetlinkSocket.RTMGRP_IPV4_RULE
        | NetlinkSocket.RTMGRP_IPV6_RULE);
    int eventFd;
    try {
      eventFd = NetlinkSocket.eventfd();
    } catch (NetlinkException e) {
      socket.close();
      throw e;
    }
    Set<Integer> seen = new HashSet<>();
    try {
      // bound first, dumped second: a link the dump misses arrives as an event, and links that already exist report
      // changes as CHANGED
      for (LinkMessage link : links()) {
        seen.add(link.index());
      }
    } catch (NetlinkException e) {
      socket.close();
      NetlinkSocket.closeFd(eventFd);
      throw e;
    }
    var subscription = new EventSubscription(socket, eventFd, listener, seen);
    subscriptions.add(subscription);
    subscription.start();
    return subscription;
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      requests.close();
      if (netnsFd >= 0) {
        NetlinkSocket.closeFd(netnsFd);
      }
    } finally {
      lock.unlock();
    }
    for (EventSubscription s : subscriptions) {
      s.close();
    }
  }

  /** One socket bound to the link and address groups, and the platform thread that reads it. */
  private final class EventSubscription implements Subscription {
    private final NetlinkSocket socket;
    private final int eventFd;
    private final Listener listener;
    private final Set<Integer> seen;
    private final Object state = new Object();
    private final Thread reader;
    private boolean closed; // guarded by state; once true the fds are, or are about to be, closed

    EventSubscription(NetlinkSocket socket, int eventFd, Listener listener, Set<Integer> seen) {
      this.socket = socket;
      this.eventFd = eventFd;
      this.listener = listener;
      this.seen = seen;
      this.reader = Thread.ofPlatform().daemon().name("rtnetlink-events-" + THREADS.incrementAndGet())
          .unstarted(this::run);
    }

    void start() {
      reader.start();
    }

    private boolean isClosed() {
      synchronized (state) {
        return closed;
      }
    }

    private void run() {
      try {
        while (!isClosed()) {
          int ready = NetlinkSocket.poll(socket.fd(), eventFd);
          if ((ready & 2) != 0 || isClosed()) {
            return;
          }
          drain();
        }
      } catch (NetlinkException e) {
        deliver(e); // unrecoverable: the subscription ends
      } finally {
        synchronized (state) {
          closed = true;
          socket.close();
          NetlinkSocket.closeFd(eventFd);
        }
        subscriptions.remove(this);
      }
    }

    private void drain() throws NetlinkException {
      while (!isClosed()) {
        ByteBuffer datagram;
        try {
          datagram = socket.receive(true);
        } catch (NetlinkException e) {
          if (e.errno() == Errno.ENOBUFS) {
            deliver(new NetlinkException(Errno.ENOBUFS, "receiving link, address and route events"));
            continue;
          }
          throw e;
        }
        if (datagram == null) {
          return;
        }
        try {
          for (NlMsg.Message m : NlMsg.split(datagram)) {
            handle(m);
          }
        } catch (MalformedNetlinkException e) {
          deliver(new NetlinkException(Errno.EIO, "decoding an rtnetlink event: " + e.getMessage()));
        }
      }
    }

    private void handle(NlMsg.Message m) {
      int type = m.header().type();
      if (type == AddressCodec.RTM_NEWADDR || type == AddressCodec.RTM_DELADDR) {
        handleAddress(m);
        return;
      }
      if (type == RouteCodec.RTM_NEWROUTE || type == RouteCodec.RTM_DELROUTE) {
        handleRoute(m);
        return;
      }
      if (type == RuleCodec.RTM_NEWRULE || type == RuleCodec.RTM_DELRULE) {
        handleRule(m);
        return;
      }
      if (type != LinkCodec.RTM_NEWLINK && type != LinkCodec.RTM_DELLINK) {
        return;
      }
      if (IfInfoMsg.decode(m.payload().duplicate()).family() != LinkCodec.AF_UNSPEC) {
        return;
      }
      LinkMessage link = LinkCodec.decode(m.payload());
      LinkEvent.Change change;
      if (type == LinkCodec.RTM_DELLINK) {
        seen.remove(link.index());
        change = LinkEvent.Change.DELETED;
      } else {
        change = seen.add(link.index()) ? LinkEvent.Change.NEW : LinkEvent.Change.CHANGED;
      }
      if (!isClosed()) {
        try {
          listener.onLink(new LinkEvent(change, link));
        } catch (RuntimeException e) {
          // a listener's bug must not end the stream; it is the listener's to report
        }
      }
    }

    private void handleAddress(NlMsg.Message m) {
      if (!isInet(m)) {
        return;
      }
      AddressMessage address = AddressCodec.decode(m.payload());
      var change = m.header().type() == AddressCodec.RTM_DELADDR
          ? AddressEvent.Change.DELETED : AddressEvent.Change.NEW;
      if (!isClosed()) {
        try {
          listener.onAddress(new AddressEvent(change, address));
        } catch (RuntimeException e) {
          // as in handle
        }
      }
    }

    private void handleRoute(NlMsg.Message m) {
      if (!isInetRoute(m)) {
        return;
      }
      RouteMessage route = RouteCodec.decode(m.payload());
      var change = m.header().type() == RouteCodec.RTM_DELROUTE ? RouteEvent.Change.DELETED : RouteEvent.Change.NEW;
      if (!isClosed()) {
        try {
          listener.onRoute(new RouteEvent(change, route));
        } catch (RuntimeException e) {
          // as in handle
        }
      }
    }

    private void handleRule(NlMsg.Message m) {
      if (!isInetRule(m)) {
        return;
      }
      RuleMessage rule = RuleCodec.decode(m.payload());
      var change = m.header().type() == RuleCodec.RTM_DELRULE ? RuleEvent.Change.DELETED : RuleEvent.Change.NEW;
      if (!isClosed()) {
        try {
          listener.onRule(new RuleEvent(change, rule));
        } catch (RuntimeException e) {
          // as in handle
        }
      }
    }

    private void deliver(NetlinkException error) {
      if (!isClosed()) {
        try {
          listener.onError(error);
        } catch (RuntimeException e) {
          // as in handle
        }
      }
    }

    @Override
    public void close() {
      synchronized (state) {
        if (closed) {
          return;
        }
        closed = true;
        NetlinkSocket.signal(eventFd);
      }
      if (Thread.currentThread() != reader) {
        try {
          reader.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
