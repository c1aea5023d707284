package dev.spindle.platform.network;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A behavioural fake of the kernel's rtnetlink for tests and the simulated node: it keeps links and addresses, refuses
 * what the kernel refuses with the same {@link Errno} ({@code EEXIST}, {@code ENODEV}, {@code EBUSY}, {@code EINVAL},
 * {@code EOPNOTSUPP}, {@code EADDRNOTAVAIL}), notifies subscribers of every change, and injects faults on request.
 *
 * <p>The "kernel side" methods ({@link #addLink}, {@link #setUp}, {@link #setMtu}, {@link #rename}, {@link #delete})
 * stand for changes made outside the port (by {@code ip link}, udev or a cable) and are not part of
 * {@link Rtnetlink}. Events are delivered synchronously on the thread that made the change, after the change is
 * visible to {@link #links()}, so a listener that dumps sees it.
 *
 * <p>Addresses follow the kernel's rules ({@link FakeAddresses}): IPv4 keyed by local address and prefix length,
 * IPv6 by address; labels, IPv6 scopes and the permanent, deprecated and secondary flags derived as the kernel
 * derives them; deleting a primary IPv4 address deletes its secondaries; a link brought up
 * gets its IPv6 link-local address (the loopback 127.0.0.1/8 and ::1 instead), one taken down loses its IPv6
 * addresses (the kernel's default {@code keep_addr_on_down=0}), one deleted loses all of them.
 *
 * <p>Routes follow the kernel's rules too ({@link FakeRoutes}): addresses bring their connected and local routes
 * and take them along when they go, a link taken down loses its routes, a gateway must be reachable over a connected
 * route ({@code ENETUNREACH} for IPv4, {@code EHOSTUNREACH} for IPv6), a duplicate is {@code EEXIST}, a missing route
 * {@code ESRCH}.
 *
 * <p>Links created through the port ({@link #createLink}) follow their drivers ({@link FakeLinkKinds}): a veth
 * creates both ends (the peer registered first, with the lower index), VLANs and macvlans need a lower link and go
 * with it, a bridge, bond or VRF takes ports ({@code EOPNOTSUPP} for any other master, {@code EINVAL} for an unknown
 * one or a VRF in a VRF, {@code ELOOP} for a bridge in a bridge, {@code EPERM} for a bond port that is up), a VRF
 * needs a table ({@code EINVAL}) and cannot change it ({@code EOPNOTSUPP}), deleting a master releases
 * its ports; a bond's settings are checked and applied as the bonding driver does ({@link FakeBond}: the settings
 * {@link BondOption#toSend} picks, with the driver's errnos and side effects). Carrier is derived: a veth has it when
 * its peer is up, a bridge or bond when a port has it, a VLAN or
 * macvlan when its lower link has it. {@link LinkMessage#info()} is what the kernel would dump. Renaming a link
 * that is up works, as since Linux 6.2 ({@link #refuseLiveRename()} brings back the older {@code EBUSY}); an alias
 * of a link that is down raises no event, as in the kernel. {@link #withoutKinds} stands for missing modules.
 * Policy routing rules follow {@link FakeRules} and raise rule events.
 *
 * <p>Simplifications: a physical or dummy link that is up always has carrier; links have no network namespace of their
 * own; IPv6 duplicate address detection finishes at once (no tentative phase); lifetimes do not count down.
 */
public final class FakeRtnetlink implements Rtnetlink {
  private static final int MIN_MTU = 68;
  private static final int MAX_MTU = 65536;
  private static final int IFNAMSIZ = 16;
  private static final int IFALIASZ = 256;
  private static final java.util.Set<String> DEPENDENT_CARRIER =
      java.util.Set.of("veth", "bridge", "bond", "vlan", "macvlan");

  private final TreeMap<Integer, LinkMessage> links = new TreeMap<>();
  private final FakeAddresses addresses = new FakeAddresses();
  private final FakeRoutes routes = new FakeRoutes();
  private final FakeRules rules = new FakeRules();
  private final java.util.Set<String> missingKinds = new java.util.HashSet<>();
  private volatile boolean refuseLiveRename;
  private final List<FakeSubscription> subscriptions = new CopyOnWriteArrayList<>();
  private final Deque<Errno> faults = new ArrayDeque<>();
  private volatile boolean dropping;
  private boolean closed;
  private int lastIndex;

  public FakeRtnetlink() {
    this(List.of());
  }

  public FakeRtnetlink(List<LinkMessage> initial) {
    this(initial, List.of());
  }

  /** Links and the addresses they start with (stored as given, so they must be what a dump would show). */
  public FakeRtnetlink(List<LinkMessage> initialLinks, List<AddressMessage> initialAddresses) {
    this(initialLinks, initialAddresses, List.of());
  }

  /**
   * Links, their addresses, and the routes configured on top: the routes the kernel makes for the addresses are
   * derived (as {@link FakeRoutes} makes them); {@code initialRoutes} are stored as given.
   */
  public FakeRtnetlink(List<LinkMessage> initialLinks, List<AddressMessage> initialAddresses,
      List<RouteMessage> initialRoutes) {
    initialLinks.forEach(link -> links.put(link.index(), link));
    lastIndex = links.isEmpty() ? 0 : links.lastKey();
    links.values().stream().filter(l -> l.hasFlags(Iff.UP)).forEach(l -> routes.linkUp(l, List.of()));
    for (AddressMessage a : initialAddresses) {
      addresses.put(a);
      LinkMessage link = links.get(a.index());
      if (link != null) {
        routes.addressAdded(a, link);
      }
    }
    initialRoutes.forEach(routes::put);
  }

  /** A fake holding {@link SimulatedNode#links()}, {@link SimulatedNode#addresses()} and its routes. */
  public static FakeRtnetlink simulatedNode() {
    return new FakeRtnetlink(SimulatedNode.links(), SimulatedNode.addresses(), SimulatedNode.routes());
  }

  @Override
  public List<LinkMessage> links() throws NetlinkException {
    synchronized (this) {
      checkFault("dumping links");
      return List.copyOf(links.values());
    }
  }

  @Override
  public LinkMessage link(String name) throws NetlinkException {
    synchronized (this) {
      checkFault("getting link " + name);
      return find(name).orElseThrow(() -> new NetlinkException(Errno.ENODEV, "getting link " + name));
    }
  }

  @Override
  public List<AddressMessage> addresses() throws NetlinkException {
    synchronized (this) {
      checkFault("dumping addresses");
      return addresses.all();
    }
  }

  @Override
  public void addAddress(AddressMessage address) throws NetlinkException {
    writeAddress(address, false);
  }

  @Override
  public void replaceAddress(AddressMessage address) throws NetlinkException {
    writeAddress(address, true);
  }

  private void writeAddress(AddressMessage address, boolean replace) throws NetlinkException {
    String doing = (replace ? "replacing address " : "adding address ") + FakeAddresses.describe(address);
    AddressMessage stored;
    var routeEvents = new ArrayList<RouteEvent>();
    synchronized (this) {
      checkFault(doing);
      LinkMessage link = linkAt(address, doing);
      stored = addresses.write(address, link, replace, doing);
      if (replace) {
        routeEvents.addAll(routes.addressRemoved(stored)); // a new metric moves the prefix route
      }
      routeEvents.addAll(routes.addressAdded(stored, link));
    }
    emit(new AddressEvent(AddressEvent.Change.NEW, stored));
    routeEvents.forEach(this::emit);
  }

  @Override
  public void deleteAddress(AddressMessage address) throws NetlinkException {
    String doing = "deleting address " + FakeAddresses.describe(address);
    List<AddressMessage> removed;
    var routeEvents = new ArrayList<RouteEvent>();
    synchronized (this) {
      checkFault(doing);
      linkAt(address, doing);
      removed = addresses.delete(address, doing);
      removed.forEach(a -> routeEvents.addAll(routes.addressRemoved(a)));
      if (address.family() == Ifa.AF_INET && addresses.all().stream()
          .noneMatch(a -> a.index() == address.index() && a.family() == Ifa.AF_INET)) {
        routeEvents.addAll(routes.lastV4AddressGone(address.index()));
      }
    }
    removed.forEach(a -> emit(new AddressEvent(AddressEvent.Change.DELETED, a)));
    routeEvents.forEach(this::emit);
  }

  @Override
  public List<RouteMessage> routes() throws NetlinkException {
    synchronized (this) {
      checkFault("dumping routes");
      return routes.all();
    }
  }

  @Override
  public void addRoute(RouteMessage route) throws NetlinkException {
    writeRoute(route, false);
  }

  @Override
  public void replaceRoute(RouteMessage route) throws NetlinkException {
    writeRoute(route, true);
  }

  private void writeRoute(RouteMessage route, boolean replace) throws NetlinkException {
    String doing = (replace ? "replacing route " : "adding route ") + route.describe();
    RouteMessage stored;
    synchronized (this) {
      checkFault(doing);
      stored = routes.write(route, replace, links::get, doing);
    }
    emit(new RouteEvent(RouteEvent.Change.NEW, stored));
  }

  @Override
  public void deleteRoute(RouteMessage route) throws NetlinkException {
    String doing = "deleting route " + route.describe();
    RouteMessage removed;
    synchronized (this) {
      checkFault(doing);
      if (route.family() != Ifa.AF_INET && route.family() != Ifa.AF_INET6) {
        throw new NetlinkException(Errno.EAFNOSUPPORT, doing);
      }
      if (route.outIndex() != 0 && !links.containsKey(route.outIndex())) {
        throw new NetlinkException(Errno.ENODEV, doing);
      }
      removed = routes.delete(route, doing);
    }
    emit(new RouteEvent(RouteEvent.Change.DELETED, removed));
  }

  @Override
  public void createLink(LinkRequest request) throws NetlinkException {
    String doing = "creating link " + request.name() + " type " + request.info().kind();
    var created = new ArrayList<LinkMessage>();
    synchronized (this) {
      checkFault(doing);
      checkName(request.name(), doing);
      if (missingKinds.contains(request.info().kind())) {
        throw new NetlinkException(Errno.EOPNOTSUPP, doing + ": no " + request.info().module() + " module");
      }
      if (find(request.name()).isPresent()) {
        throw new NetlinkException(Errno.EEXIST, doing);
      }
      if (request.info() instanceof VethInfo veth) {
        checkName(veth.peerName(), doing);
        if (veth.peerName().equals(request.name()) || find(veth.peerName()).isPresent()) {
          throw new NetlinkException(Errno.EEXIST, doing + ": peer " + veth.peerName());
        }
      }
      if (request.masterIndex() != 0) {
        FakeLinkKinds.checkMaster(links, request.masterIndex(), request.up(), doing);
        if (request.info() instanceof BridgeInfo && links.get(request.masterIndex()).kind().equals("bridge")) {
          throw new NetlinkException(Errno.ELOOP, doing + ": a bridge cannot be a bridge port");
        }
        if (request.info() instanceof VrfInfo && links.get(request.masterIndex()).kind().equals("vrf")) {
          throw new NetlinkException(Errno.EINVAL, doing + ": a VRF cannot be enslaved to a VRF");
        }
      }
      FakeLinkKinds.checkUnique(links, request, doing);
      int index = lastIndex + 1;
      if (request.info() instanceof VethInfo veth) {
        // veth_newlink() registers the peer first, so the peer has the lower index and its event comes first
        LinkMessage peer = FakeLinkKinds.create(LinkRequest.of(veth.peerName(), veth), index, links::get, doing)
            .toBuilder().parentIndex(index + 1).build();
        created.add(peer);
        index++;
      }
      LinkMessage link = FakeLinkKinds.create(request, index, links::get, doing);
      created.add(link.parentIndex() == 0 && !created.isEmpty()
          ? link.toBuilder().parentIndex(created.getFirst().index()).build() : link);
      created.forEach(l -> links.put(l.index(), l));
      lastIndex = created.getLast().index();
    }
    created.forEach(l -> emit(LinkEvent.Change.NEW, l));
    String name = request.name();
    if (request.up()) {
      setUp(name, true);
    }
    if (request.masterIndex() != 0) {
      enslave(created.getLast().index(), request.masterIndex(), doing);
    }
  }

  @Override
  public void setLink(int index, LinkChange c) throws NetlinkException {
    String doing = "changing link " + index + " (" + c + ")";
    LinkMessage link;
    synchronized (this) {
      checkFault(doing);
      link = linkAt(index, doing);
    }
    String name = link.name();
    if (c.info() != null) {
      // rtnl_changelink() runs the driver's changelink before do_setlink(); like an alias, the change is announced
      // only for a link that is up
      LinkMessage changed;
      synchronized (this) {
        LinkMessage now = linkAt(index, doing);
        changed = FakeLinkKinds.changeInfo(links, now, c.info(), doing);
        links.put(index, changed);
        if (changed.equals(now) || !now.hasFlags(Iff.UP)) {
          changed = null;
        }
      }
      if (changed != null) {
        emit(LinkEvent.Change.CHANGED, changed);
      }
      refreshCarrier();
    }
    // the order of the kernel's do_setlink(): address, mtu, name, alias, flags, master
    if (c.hardwareAddr() != null) {
      byte[] mac = c.hardwareAddr();
      synchronized (this) {
        LinkMessage now = linkAt(index, doing);
        if (now.type() != Arphrd.ETHER && now.type() != Arphrd.LOOPBACK) { // lo takes one, as eth_mac_addr() does
          throw new NetlinkException(Errno.EOPNOTSUPP, doing + ": no hardware address to set");
        }
        if (mac.length < 6) {
          throw new NetlinkException(Errno.EINVAL, doing + ": hardware address of " + mac.length + " bytes");
        }
        if ((mac[0] & 1) != 0 || java.util.Arrays.equals(mac, new byte[6])) {
          throw new NetlinkException(Errno.EADDRNOTAVAIL, doing + ": not a unicast MAC");
        }
      }
      change(name, doing, l -> l.toBuilder().hardwareAddr(java.util.Arrays.copyOf(mac, 6)).build());
    }
    if (c.mtu() != null) {
      int mtu = c.mtu();
      synchronized (this) {
        LinkMessage now = linkAt(index, doing);
        int max = now.kind().isEmpty() ? MAX_MTU : FakeLinkKinds.MAX_MTU;
        LinkMessage parent = links.get(now.parentIndex());
        if (mtu < MIN_MTU || mtu > max) {
          throw new NetlinkException(Errno.EINVAL, doing + ": mtu " + mtu + " out of range");
        }
        if (parent != null && mtu > parent.mtu() && (now.kind().equals("vlan") || now.kind().equals("macvlan"))) {
          throw new NetlinkException(now.kind().equals("vlan") ? Errno.ERANGE : Errno.EINVAL,
              doing + ": mtu above the lower link's " + parent.mtu());
        }
      }
      change(name, doing, l -> l.toBuilder().mtu(mtu).build());
    }
    if (c.name() != null && !c.name().equals(name)) {
      rename(name, c.name());
      name = c.name();
    }
    if (c.alias() != null) {
      if (c.alias().getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= IFALIASZ) {
        throw new NetlinkException(Errno.ERANGE, doing + ": alias longer than " + (IFALIASZ - 1) + " bytes");
      }
      String alias = c.alias();
      // the kernel announces an alias only through netdev_state_change(), which stays silent for a link that is down
      LinkMessage aliased;
      synchronized (this) {
        LinkMessage now = linkAt(index, doing);
        aliased = now.toBuilder().alias(alias).build();
        links.put(index, aliased);
        if (aliased.equals(now) || !now.hasFlags(Iff.UP)) {
          aliased = null;
        }
      }
      if (aliased != null) {
        emit(LinkEvent.Change.CHANGED, aliased);
      }
    }
    if (c.up() != null) {
      setUp(name, c.up());
    }
    if (c.masterIndex() != null) {
      if (c.masterIndex() == 0) {
        release(index);
      } else {
        synchronized (this) {
          LinkMessage port = linkAt(index, doing);
          FakeLinkKinds.checkMaster(links, c.masterIndex(), port.hasFlags(Iff.UP), doing);
          if (port.kind().equals("bridge") && links.get(c.masterIndex()).kind().equals("bridge")) {
            throw new NetlinkException(Errno.ELOOP, doing + ": a bridge cannot be a bridge port");
          }
          if (port.kind().equals("vrf") && links.get(c.masterIndex()).kind().equals("vrf")) {
            throw new NetlinkException(Errno.EINVAL, doing + ": a VRF cannot be enslaved to a VRF");
          }
        }
        enslave(index, c.masterIndex(), doing);
      }
    }
  }

  @Override
  public void deleteLink(int index) throws NetlinkException {
    String doing = "deleting link " + index;
    LinkMessage link;
    synchronized (this) {
      checkFault(doing);
      link = linkAt(index, doing);
    }
    deleteLink(link, "deleting link " + link.name());
  }

  @Override
  public List<RuleMessage> rules() throws NetlinkException {
    synchronized (this) {
      checkFault("dumping rules");
      return rules.all(name -> find(name).isPresent());
    }
  }

  @Override
  public void addRule(RuleMessage rule) throws NetlinkException {
    String doing = "adding rule " + rule.describe();
    RuleMessage stored;
    synchronized (this) {
      checkFault(doing);
      stored = rules.add(rule, id -> rules.uses(id) || routes.all().stream().anyMatch(r -> r.table() == id), doing);
    }
    emit(new RuleEvent(RuleEvent.Change.NEW, stored));
  }

  @Override
  public void deleteRule(RuleMessage rule) throws NetlinkException {
    String doing = "deleting rule " + rule.describe();
    RuleMessage removed;
    synchronized (this) {
      checkFault(doing);
      removed = rules.delete(rule, doing);
    }
    emit(new RuleEvent(RuleEvent.Change.DELETED, removed));
  }

  /**
   * Makes {@link #createLink} answer {@link Errno#EOPNOTSUPP} for these kinds, as a kernel without their modules
   * ({@code bonding}, {@code 8021q}, {@code vrf}, {@code dummy}, {@code wireguard}) does.
   */
  public synchronized void withoutKinds(String... kinds) {
    missingKinds.addAll(List.of(kinds));
  }

  /** Makes renaming a link that is up {@link Errno#EBUSY}, as kernels before 6.2 answer. */
  public void refuseLiveRename() {
    refuseLiveRename = true;
  }

  private LinkMessage linkAt(int index, String doing) throws NetlinkException {
    LinkMessage link = links.get(index);
    if (link == null) {
      throw new NetlinkException(Errno.ENODEV, doing);
    }
    return link;
  }

  private void enslave(int index, int masterIndex, String doing) throws NetlinkException {
    LinkMessage changed;
    synchronized (this) {
      LinkMessage port = linkAt(index, doing);
      LinkMessage master = linkAt(masterIndex, doing);
      if (port.masterIndex() == masterIndex) {
        return;
      }
      int flags = master.kind().equals("bond") ? port.flags() | Iff.SLAVE : port.flags() & ~Iff.SLAVE;
      changed = port.toBuilder().masterIndex(masterIndex).slaveKind(master.kind()).flags(flags).build();
      links.put(index, changed);
    }
    emit(LinkEvent.Change.CHANGED, changed);
    refreshCarrier();
  }

  private void release(int index) throws NetlinkException {
    LinkMessage changed;
    synchronized (this) {
      LinkMessage port = linkAt(index, "releasing link " + index);
      if (port.masterIndex() == 0) {
        return;
      }
      changed = port.toBuilder().masterIndex(0).slaveKind("").flags(port.flags() & ~Iff.SLAVE).build();
      links.put(index, changed);
    }
    emit(LinkEvent.Change.CHANGED, changed);
    refreshCarrier();
  }

  /** Recomputes every link's carrier (one link's change moves its peer's, master's and upper links') and notifies. */
  private void refreshCarrier() {
    var changed = new java.util.LinkedHashMap<Integer, LinkMessage>();
    synchronized (this) {
      for (int pass = 0; pass < 3; pass++) {
        boolean any = false;
        for (LinkMessage link : List.copyOf(links.values())) {
          if (!link.hasFlags(Iff.UP) || !DEPENDENT_CARRIER.contains(link.kind())) {
            continue; // only an up link's carrier follows other links
          }
          LinkMessage now = FakeLinkKinds.withState(links, link);
          if (!now.equals(link)) {
            links.put(now.index(), now);
            changed.put(now.index(), now);
            any = true;
          }
        }
        if (!any) {
          break;
        }
      }
    }
    changed.values().forEach(l -> emit(LinkEvent.Change.CHANGED, l));
  }

  /** The link an address request names; the family is checked first, as rtnetlink dispatches on it. */
  private LinkMessage linkAt(AddressMessage address, String doing) throws NetlinkException {
    if (address.family() != Ifa.AF_INET && address.family() != Ifa.AF_INET6) {
      throw new NetlinkException(Errno.EAFNOSUPPORT, doing);
    }
    LinkMessage link = links.get(address.index());
    if (link == null) {
      throw new NetlinkException(Errno.ENODEV, doing);
    }
    return link;
  }

  @Override
  public Subscription subscribe(Listener listener) throws NetlinkException {
    synchronized (this) {
      checkFault("subscribing to link events");
      var subscription = new FakeSubscription(listener);
      subscriptions.add(subscription);
      return subscription;
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    subscriptions.forEach(FakeSubscription::close);
  }

  /**
   * Makes the next port call ({@link #links()}, {@link #link}, {@link #addresses()}, {@link #routes()}, the address and
   * route requests, the link and rule requests, {@link #subscribe}) fail with {@code errno}. The kernel-side link
   * methods ({@link #addLink}, {@link #setUp}, ...) are not port calls and
   * never fail so.
   */
  public synchronized void failNext(Errno errno) {
    faults.add(errno);
  }

  /** The socket overran: every subscriber gets {@code onError(ENOBUFS)} and must resync. */
  public void overrun() {
    overrun(() -> { });
  }

  /**
   * Applies {@code lostChanges} without notifying anyone, as if their events had been dropped by the overrun, then
   * reports {@link Errno#ENOBUFS}. Only a resync can discover those changes. Changes made meanwhile by other threads
   * are lost as well.
   */
  public void overrun(KernelChanges lostChanges) {
    dropping = true;
    try {
      lostChanges.apply();
    } catch (NetlinkException e) {
      throw new IllegalStateException("a lost change failed", e);
    } finally {
      dropping = false;
    }
    var error = new NetlinkException(Errno.ENOBUFS, "receiving link, address and route events");
    subscriptions.forEach(s -> s.error(error));
  }

  /** Open subscriptions, so tests can check that owners close theirs. */
  public int subscriptions() {
    return subscriptions.size();
  }

  /**
   * Adds a link like {@code ip link add}: an index of 0 gets the next free one (the kernel never reuses a recent
   * index). {@code EEXIST} if the name or index is taken. Returns the link as stored.
   */
  public LinkMessage addLink(LinkMessage link) throws NetlinkException {
    String doing = "adding link " + link.name();
    LinkMessage added;
    synchronized (this) {
      checkName(link.name(), doing);
      if (find(link.name()).isPresent() || links.containsKey(link.index())) {
        throw new NetlinkException(Errno.EEXIST, doing);
      }
      int index = link.index() != 0 ? link.index() : lastIndex + 1;
      lastIndex = Math.max(lastIndex, index);
      added = link.toBuilder().index(index).build();
      links.put(index, added);
    }
    emit(LinkEvent.Change.NEW, added);
    return added;
  }

  /** {@code ip link add <name> type dummy}: an Ethernet-type link with a random locally administered MAC. */
  public LinkMessage addDummy(String name) throws NetlinkException {
    byte[] mac = FakeLinkKinds.randomMac();
    return addLink(LinkMessage.builder(0, name).type(Arphrd.ETHER).flags(Iff.BROADCAST | Iff.NOARP)
        .hardwareAddr(mac).broadcastAddr(new byte[] {-1, -1, -1, -1, -1, -1}).mtu(1500).qdisc("noop")
        .operState(IfOper.DOWN).kind("dummy").build());
  }

  /**
   * {@code ip link set <name> up|down}. Up sets carrier too; loopback and dummy links, which do not report carrier,
   * go to operstate unknown rather than up. Setting the state a link already has changes nothing and notifies no one.
   */
  public void setUp(String name, boolean up) throws NetlinkException {
    boolean changed = change(name, "setting link " + name + (up ? " up" : " down"),
        link -> FakeLinkKinds.withState(links, link.toBuilder().flags(up ? link.flags() | Iff.UP : link.flags() & ~Iff.UP).build()));
    if (changed) {
      List<AddressEvent> events;
      var routeEvents = new ArrayList<RouteEvent>();
      synchronized (this) {
        LinkMessage link = require(name, "");
        events = up ? addresses.linkUp(link) : addresses.linkDown(link);
        if (up) {
          var v4 = addresses.all().stream().filter(a -> a.index() == link.index() && a.family() == Ifa.AF_INET)
              .toList();
          routeEvents.addAll(routes.linkUp(link, v4));
          events.forEach(e -> routeEvents.addAll(routes.addressAdded(e.address(), link)));
        } else {
          routeEvents.addAll(routes.linkDown(link.index()));
        }
      }
      events.forEach(this::emit);
      routeEvents.forEach(this::emit);
      refreshCarrier();
    }
  }

  /** {@code ip link set <name> mtu <mtu>}; {@code EINVAL} outside the device's range. */
  public void setMtu(String name, int mtu) throws NetlinkException {
    String doing = "setting mtu " + mtu + " on link " + name;
    if (mtu < MIN_MTU || mtu > MAX_MTU) {
      synchronized (this) {
        require(name, doing);
      }
      throw new NetlinkException(Errno.EINVAL, doing);
    }
    change(name, doing, link -> link.toBuilder().mtu(mtu).build());
  }

  /**
   * {@code ip link set <name> name <newName>}. Kernels since 6.2 rename a link that is up; older ones refused with
   * {@code EBUSY}, which {@link #refuseLiveRename()} brings back. A name that is any link's name or altname (the
   * renamed link's own altnames included) is {@code EEXIST}; the altnames stay.
   */
  public void rename(String name, String newName) throws NetlinkException {
    String doing = "renaming link " + name + " to " + newName;
    LinkMessage renamed;
    synchronized (this) {
      LinkMessage link = require(name, doing);
      checkName(newName, doing);
      // the kernel keeps names and altnames in one table: a link's own altname is taken too
      if (find(newName).isPresent() || links.values().stream().anyMatch(l -> l.altNames().contains(newName))) {
        throw new NetlinkException(Errno.EEXIST, doing);
      }
      if (link.hasFlags(Iff.UP) && refuseLiveRename) {
        throw new NetlinkException(Errno.EBUSY, doing);
      }
      renamed = link.toBuilder().name(newName).build();
      links.put(renamed.index(), renamed);
    }
    emit(LinkEvent.Change.CHANGED, renamed);
  }

  /**
   * The index of the link named {@code name} now, empty if there is none: a kernel-side lookup (like reading
   * {@code /sys/class/net/<name>/ifindex}), so it never fails with an injected fault.
   */
  public synchronized java.util.OptionalInt indexOf(String name) {
    return find(name).map(l -> java.util.OptionalInt.of(l.index())).orElse(java.util.OptionalInt.empty());
  }

  /**
   * {@code ip link delete <name>}. Only virtual links (with a kind) can be deleted ({@code EOPNOTSUPP} otherwise).
   * As in the kernel, links stacked on it (VLANs, the veth peer) go with it and its ports are released.
   */
  public void delete(String name) throws NetlinkException {
    String doing = "deleting link " + name;
    LinkMessage link;
    synchronized (this) {
      link = require(name, doing);
    }
    deleteLink(link, doing);
  }

  private void deleteLink(LinkMessage target, String doing) throws NetlinkException {
    var deleted = new ArrayList<LinkMessage>();
    var released = new ArrayList<LinkMessage>();
    var lostAddresses = new ArrayList<AddressEvent>();
    var lostRoutes = new ArrayList<RouteEvent>();
    synchronized (this) {
      LinkMessage link = links.get(target.index());
      if (link == null) {
        throw new NetlinkException(Errno.ENODEV, doing);
      }
      if (link.kind().isEmpty()) {
        throw new NetlinkException(Errno.EOPNOTSUPP, doing);
      }
      deleted.add(links.remove(link.index()));
      deleted.addAll(removeAll(other -> other.parentIndex() == link.index() && !other.kind().isEmpty()));
      deleted.forEach(gone -> lostAddresses.addAll(addresses.removeLink(gone.index())));
      deleted.forEach(gone -> lostRoutes.addAll(routes.removeLink(gone.index())));
      for (LinkMessage port : List.copyOf(links.values())) {
        if (deleted.stream().anyMatch(gone -> gone.index() == port.masterIndex())) {
          LinkMessage free = port.toBuilder().masterIndex(0).slaveKind("").flags(port.flags() & ~Iff.SLAVE).build();
          links.put(free.index(), free);
          released.add(free);
        }
      }
    }
    lostAddresses.forEach(this::emit); // the kernel sends RTM_DELADDR before RTM_DELLINK
    lostRoutes.forEach(this::emit);
    deleted.forEach(l -> emit(LinkEvent.Change.DELETED, l));
    released.forEach(l -> emit(LinkEvent.Change.CHANGED, l));
    refreshCarrier();
  }

  private List<LinkMessage> removeAll(Predicate<LinkMessage> which) {
    var removed = links.values().stream().filter(which).toList();
    removed.forEach(l -> links.remove(l.index()));
    return removed;
  }

  /** Applies {@code edit} to the link; false (and no event) if that changed nothing. */
  private boolean change(String name, String doing, UnaryOperator<LinkMessage> edit)
      throws NetlinkException {
    LinkMessage changed;
    synchronized (this) {
      LinkMessage link = require(name, doing);
      changed = edit.apply(link);
      if (changed.equals(link)) {
        return false;
      }
      links.put(changed.index(), changed);
    }
    emit(LinkEvent.Change.CHANGED, changed);
    return true;
  }

  private LinkMessage require(String name, String doing) throws NetlinkException {
    return find(name).orElseThrow(() -> new NetlinkException(Errno.ENODEV, doing));
  }

  private Optional<LinkMessage> find(String name) {
    return links.values().stream().filter(l -> l.name().equals(name)).findFirst();
  }

  /** The kernel's dev_valid_name(): at most 15 bytes, not "." or "..", no '/', ':' or whitespace. */
  private static void checkName(String name, String doing) throws NetlinkException {
    if (name.isEmpty() || name.length() >= IFNAMSIZ || name.equals(".") || name.equals("..")
        || name.chars().anyMatch(c -> c == '/' || c == ':' || Character.isWhitespace(c))) {
      throw new NetlinkException(Errno.EINVAL, doing);
    }
  }

  private void checkFault(String doing) throws NetlinkException {
    if (closed) {
      throw new IllegalStateException("rtnetlink is closed");
    }
    Errno fault = faults.poll();
    if (fault != null) {
      throw new NetlinkException(fault, doing);
    }
  }

  private void emit(LinkEvent.Change change, LinkMessage link) {
    if (dropping) {
      return;
    }
    var event = new LinkEvent(change, link);
    subscriptions.forEach(s -> s.deliver(event));
  }

  private void emit(AddressEvent event) {
    if (dropping) {
      return;
    }
    subscriptions.forEach(s -> s.deliver(event));
  }

  private void emit(RuleEvent event) {
    if (dropping) {
      return;
    }
    subscriptions.forEach(s -> s.deliver(event));
  }

  private void emit(RouteEvent event) {
    if (dropping) {
      return;
    }
    subscriptions.forEach(s -> s.deliver(event));
  }

  /** Changes made on the kernel side whose events an overrun loses. */
  @FunctionalInterface
  public interface KernelChanges {
    void apply() throws NetlinkException;
  }

  private final class FakeSubscription implements Subscription {
    private final Listener listener;
    private volatile boolean open = true;

    FakeSubscription(Listener listener) {
      this.listener = listener;
    }

    void deliver(LinkEvent event) {
      if (open) {
        listener.onLink(event);
      }
    }

    void deliver(AddressEvent event) {
      if (open) {
        listener.onAddress(event);
      }
    }

    void deliver(RouteEvent event) {
      if (open) {
        listener.onRoute(event);
      }
    }

    void deliver(RuleEvent event) {
      if (open) {
        listener.onRule(event);
      }
    }

    void error(NetlinkException error) {
      if (open) {
        listener.onError(error);
      }
    }

    @Override
    public void close() {
      open = false;
      subscriptions.remove(this);
    }
  }
}
