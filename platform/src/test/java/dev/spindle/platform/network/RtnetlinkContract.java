package dev.spindle.platform.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static dev.spindle.platform.network.AddressContract.at;
import static dev.spindle.platform.network.AddressContract.ip;
import static dev.spindle.platform.network.RouteContract.to;

import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Rtnetlink} must do, for links, addresses and routes: run against {@link FakeRtnetlink}
 * ({@code FakeRtnetlinkTest}) and against the Linux adapter in a fresh network namespace ({@code LinuxRtnetlinkTest}),
 * so the fake cannot drift from the kernel. Changes behind the port's back go through {@link Kernel}: the fake's own
 * methods there, {@code ip link} against a real kernel. Address requests go through the port itself, since
 * {@code ip addr} sends the very same messages; so do route requests ({@code ip route}).
 */
abstract class RtnetlinkContract {
  /** The port under test, in a namespace holding only {@code lo}. */
  protected abstract Rtnetlink rtnl();

  protected abstract Kernel kernel();

  /** Link changes made outside the port, as an administrator or udev would make them. */
  interface Kernel {
    void addDummy(String name) throws Exception;

    void setUp(String name, boolean up) throws Exception;

    void setMtu(String name, int mtu) throws Exception;

    void rename(String name, String newName) throws Exception;

    void delete(String name) throws Exception;
  }

  @Test
  void theLoopbackLinkIsListed() throws Exception {
    LinkMessage lo = rtnl().link("lo");
    assertThat(lo.index()).isEqualTo(1);
    assertThat(lo.type()).isEqualTo(Arphrd.LOOPBACK);
    assertThat(lo.mtu()).isEqualTo(65536);
    assertThat(lo.hasFlags(Iff.LOOPBACK)).isTrue();
    assertThat(lo.kind()).isEmpty();
    assertThat(rtnl().links()).contains(lo);
  }

  @Test
  void linksAreListedInIndexOrderWithUniqueNames() throws Exception {
    kernel().addDummy("sdummy0");
    kernel().addDummy("sdummy1");
    var links = rtnl().links();
    assertThat(links).isSortedAccordingTo(Comparator.comparingInt(LinkMessage::index));
    assertThat(links).extracting(LinkMessage::name).doesNotHaveDuplicates().contains("lo", "sdummy0", "sdummy1");
  }

  @Test
  void gettingAnUnknownLinkIsENODEV() {
    assertThatThrownBy(() -> rtnl().link("nosuch0"))
        .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV))
        .hasMessageContaining("nosuch0");
  }

  @Test
  void anAddedDummyIsAnEtherLinkThatIsDown() throws Exception {
    kernel().addDummy("sdummy0");
    LinkMessage dummy = rtnl().link("sdummy0");
    assertThat(dummy.type()).isEqualTo(Arphrd.ETHER);
    assertThat(dummy.kind()).isEqualTo("dummy");
    assertThat(dummy.hasFlags(Iff.UP)).isFalse();
    assertThat(dummy.operState()).isEqualTo(IfOper.DOWN);
    assertThat(dummy.hardwareAddr()).hasSize(6);
  }

  @Test
  void aLinkBroughtUpIsUpAndOperationallyUpOrUnknown() throws Exception {
    kernel().addDummy("sdummy0");
    kernel().setUp("sdummy0", true);
    LinkMessage dummy = rtnl().link("sdummy0");
    assertThat(dummy.hasFlags(Iff.UP)).isTrue();
    assertThat(dummy.operState()).isIn(IfOper.UP, IfOper.UNKNOWN);
  }

  @Test
  void subscribersSeeLinksAddedChangedAndDeleted() throws Exception {
    var events = new RecordingListener();
    try (var subscription = rtnl().subscribe(events)) {
      kernel().addDummy("sdummy0");
      int index = events.await(LinkEvent.Change.NEW, "sdummy0").link().index();
      kernel().setMtu("sdummy0", 1400);
      events.await(LinkEvent.Change.CHANGED, "sdummy0", link -> link.mtu() == 1400);
      kernel().setUp("sdummy0", true);
      events.await(LinkEvent.Change.CHANGED, "sdummy0", link -> link.hasFlags(Iff.UP));
      kernel().delete("sdummy0");
      assertThat(events.await(LinkEvent.Change.DELETED, "sdummy0").link().index()).isEqualTo(index);
    }
  }

  @Test
  void aRenamedLinkKeepsItsIndex() throws Exception {
    var events = new RecordingListener();
    kernel().addDummy("sdummy0");
    int index = rtnl().link("sdummy0").index();
    try (var subscription = rtnl().subscribe(events)) {
      kernel().rename("sdummy0", "srenamed0");
      events.await(LinkEvent.Change.CHANGED, "srenamed0", link -> link.index() == index);
    }
    assertThat(rtnl().link("srenamed0").index()).isEqualTo(index);
    assertThatThrownBy(() -> rtnl().link("sdummy0")).isInstanceOf(NetlinkException.class);
  }

  @Test
  void aClosedSubscriptionReceivesNothingMore() throws Exception {
    var closed = new RecordingListener();
    var open = new RecordingListener();
    try (var barrier = rtnl().subscribe(open)) {
      rtnl().subscribe(closed).close();
      kernel().addDummy("sdummy0");
      open.await(LinkEvent.Change.NEW, "sdummy0"); // delivered to every open subscription by now
      assertThat(closed.sawAny("sdummy0")).isFalse();
    }
  }

  // --- addresses -------------------------------------------------------------------------------------------------

  /** A link (the dummy or its stand-in), up, and its index. */
  private int upLink(String name) throws Exception {
    kernel().addDummy(name);
    kernel().setUp(name, true);
    return rtnl().link(name).index();
  }

  private Optional<AddressMessage> find(int index, String literal) throws NetlinkException {
    return rtnl().addresses().stream().filter(at(index, literal)).findFirst();
  }

  private static void assertErrno(ThrowingCallable call, Errno errno) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(errno));
  }

  @Test
  void anAddedIpv4AddressIsListedWithWhatTheKernelDerives() throws Exception {
    int index = upLink("sdummy0");
    rtnl().addAddress(AddressMessage.of(index, "10.10.0.1", 24).toBuilder().broadcast(ip("10.10.0.255"))
        .priority(100).build());
    AddressMessage a = find(index, "10.10.0.1").orElseThrow();
    assertThat(a.family()).isEqualTo(Ifa.AF_INET);
    assertThat(a.prefixLength()).isEqualTo(24);
    assertThat(a.scope()).isEqualTo(Ifa.SCOPE_UNIVERSE);
    assertThat(a.address()).isEqualTo(a.local()).isEqualTo(ip("10.10.0.1"));
    assertThat(a.broadcast()).isEqualTo(ip("10.10.0.255"));
    assertThat(a.label()).as("defaults to the link name").isEqualTo("sdummy0");
    assertThat(a.flags()).as("permanent, nothing else").isEqualTo(Ifa.F_PERMANENT);
    assertThat(a.validLifetime()).isEqualTo(Ifa.INFINITE_LIFETIME);
    assertThat(a.preferredLifetime()).isEqualTo(Ifa.INFINITE_LIFETIME);
    assertThat(a.priority()).isEqualTo(100);
  }

  @Test
  void addingAnAddressTwiceIsEEXISTButReplacingChangesItInPlace() throws Exception {
    int index = upLink("sdummy0");
    var address = AddressMessage.of(index, "10.10.0.1", 24);
    rtnl().addAddress(address);
    assertThatThrownBy(() -> rtnl().addAddress(address))
        .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST))
        .hasMessageContaining("10.10.0.1/24");
    rtnl().replaceAddress(address.toBuilder().preferredLifetime(100).validLifetime(200).build());
    AddressMessage replaced = find(index, "10.10.0.1").orElseThrow();
    assertThat(replaced.validLifetime()).isBetween(190L, 200L);
    assertThat(replaced.preferredLifetime()).isBetween(90L, 100L);
    assertThat(replaced.hasFlags(Ifa.F_PERMANENT)).as("a finite lifetime is not permanent").isFalse();
    assertThat(rtnl().addresses().stream().filter(at(index, "10.10.0.1"))).hasSize(1);
  }

  @Test
  void replacingAMissingAddressAddsIt() throws Exception {
    int index = upLink("sdummy0");
    rtnl().replaceAddress(AddressMessage.of(index, "10.10.0.1", 24));
    assertThat(find(index, "10.10.0.1")).isPresent();
  }

  @Test
  void deletingRemovesTheAddressAndAMissingOneIsEADDRNOTAVAIL() throws Exception {
    int index = upLink("sdummy0");
    var address = AddressMessage.of(index, "10.10.0.1", 24);
    rtnl().addAddress(address);
    assertErrno(() -> rtnl().deleteAddress(AddressMessage.of(index, "10.10.0.1", 16)), Errno.EADDRNOTAVAIL);
    rtnl().deleteAddress(address);
    assertThat(find(index, "10.10.0.1")).isEmpty();
    assertErrno(() -> rtnl().deleteAddress(address), Errno.EADDRNOTAVAIL);
    assertErrno(() -> rtnl().deleteAddress(AddressMessage.of(index, "fd00::1", 64)), Errno.EADDRNOTAVAIL);
  }

  @Test
  void anAddressOnAnUnknownLinkIsENODEV() {
    assertErrno(() -> rtnl().addAddress(AddressMessage.of(9999, "10.10.0.1", 24)), Errno.ENODEV);
    assertErrno(() -> rtnl().addAddress(AddressMessage.of(9999, "fd00::1", 64)), Errno.ENODEV);
    assertErrno(() -> rtnl().deleteAddress(AddressMessage.of(9999, "10.10.0.1", 24)), Errno.ENODEV);
    assertErrno(() -> rtnl().deleteAddress(AddressMessage.of(9999, "fd00::1", 64)), Errno.ENODEV);
  }

  @Test
  void anIpv4AddressWithoutALocalAddressIsEINVAL() throws Exception {
    int index = upLink("sdummy0");
    var noLocal = AddressMessage.builder(Ifa.AF_INET, index).address(ip("10.10.0.1")).prefixLength(24).build();
    assertErrno(() -> rtnl().addAddress(noLocal), Errno.EINVAL);
  }

  @Test
  void aSecondAddressInTheSameSubnetIsSecondary() throws Exception {
    int index = upLink("sdummy0");
    rtnl().addAddress(AddressMessage.of(index, "10.10.0.1", 24));
    rtnl().addAddress(AddressMessage.of(index, "10.10.0.2", 24));
    assertThat(find(index, "10.10.0.1").orElseThrow().hasFlags(Ifa.F_TEMPORARY)).isFalse();
    assertThat(find(index, "10.10.0.2").orElseThrow().hasFlags(Ifa.F_TEMPORARY | Ifa.F_PERMANENT)).isTrue();
  }

  @Test
  void deletingAPrimaryAddressDeletesItsSecondaries() throws Exception {
    int index = upLink("sdummy0");
    rtnl().addAddress(AddressMessage.of(index, "10.10.0.1", 24));
    rtnl().addAddress(AddressMessage.of(index, "10.10.0.2", 24));
    rtnl().addAddress(AddressMessage.of(index, "10.11.0.1", 24));
    var events = new RecordingListener();
    try (var subscription = rtnl().subscribe(events)) {
      rtnl().deleteAddress(AddressMessage.of(index, "10.10.0.1", 24));
      events.awaitAddress(AddressEvent.Change.DELETED, at(index, "10.10.0.2"));
      events.awaitAddress(AddressEvent.Change.DELETED, at(index, "10.10.0.1"));
    }
    assertThat(find(index, "10.10.0.2")).isEmpty();
    assertThat(find(index, "10.11.0.1")).as("another subnet").isPresent();
  }

  @Test
  void anIpv6AddressTakesItsScopeFromTheAddressAndKeepsItsFlags() throws Exception {
    int index = upLink("sdummy0");
    var address = AddressMessage.of(index, "fd00::1", 64).toBuilder().flags(Ifa.F_NODAD).scope(Ifa.SCOPE_HOST)
        .build();
    rtnl().addAddress(address);
    AddressMessage a = find(index, "fd00::1").orElseThrow();
    assertThat(a.family()).isEqualTo(Ifa.AF_INET6);
    assertThat(a.prefixLength()).isEqualTo(64);
    assertThat(a.scope()).as("derived from the address, not the request").isEqualTo(Ifa.SCOPE_UNIVERSE);
    assertThat(a.flags()).isEqualTo(Ifa.F_NODAD | Ifa.F_PERMANENT);
    assertThat(a.label()).isEmpty();
    assertErrno(() -> rtnl().addAddress(address), Errno.EEXIST);
    rtnl().deleteAddress(address);
    assertThat(find(index, "fd00::1")).isEmpty();
  }

  @Test
  void aLinkBroughtUpGetsItsLinkLocalAddressAndLosesItsIpv6AddressesWhenDown() throws Exception {
    int index = upLink("sdummy0");
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> rtnl().addresses().stream()
        .anyMatch(a -> a.index() == index && a.scope() == Ifa.SCOPE_LINK && a.prefixLength() == 64
            && (a.address()[0] & 0xff) == 0xfe && (a.address()[1] & 0xff) == 0x80));
    rtnl().addAddress(AddressMessage.of(index, "10.10.0.1", 24));
    rtnl().addAddress(AddressMessage.of(index, "fd00::1", 64).toBuilder().flags(Ifa.F_NODAD).build());
    kernel().setUp("sdummy0", false);
    assertThat(rtnl().addresses()).filteredOn(a -> a.index() == index).extracting(AddressMessage::family)
        .containsExactly(Ifa.AF_INET);
  }

  @Test
  void subscribersSeeAddressesAddedAndDeleted() throws Exception {
    int index = upLink("sdummy0");
    var events = new RecordingListener();
    try (var subscription = rtnl().subscribe(events)) {
      rtnl().addAddress(AddressMessage.of(index, "10.10.0.1", 24));
      assertThat(events.awaitAddress(AddressEvent.Change.NEW, at(index, "10.10.0.1")).address().label())
          .isEqualTo("sdummy0");
      rtnl().addAddress(AddressMessage.of(index, "fd00::1", 64).toBuilder().flags(Ifa.F_NODAD).build());
      events.awaitAddress(AddressEvent.Change.NEW, at(index, "fd00::1"));
      rtnl().deleteAddress(AddressMessage.of(index, "10.10.0.1", 24));
      events.awaitAddress(AddressEvent.Change.DELETED, at(index, "10.10.0.1"));
      rtnl().deleteAddress(AddressMessage.of(index, "fd00::1", 64));
      events.awaitAddress(AddressEvent.Change.DELETED, at(index, "fd00::1"));
    }
  }

  @Test
  void deletingALinkDeletesItsAddressesWithEvents() throws Exception {
    int index = upLink("sdummy0");
    rtnl().addAddress(AddressMessage.of(index, "10.10.0.1", 24));
    var events = new RecordingListener();
    try (var subscription = rtnl().subscribe(events)) {
      kernel().delete("sdummy0");
      events.awaitAddress(AddressEvent.Change.DELETED, at(index, "10.10.0.1"));
      events.await(LinkEvent.Change.DELETED, "sdummy0");
    }
    assertThat(rtnl().addresses()).noneMatch(a -> a.index() == index);
  }

  @Test
  void theLoopbackBroughtUpHasItsAddresses() throws Exception {
    kernel().setUp("lo", false);
    kernel().setUp("lo", true);
    AddressMessage v4 = find(1, "127.0.0.1").orElseThrow();
    assertThat(v4.prefixLength()).isEqualTo(8);
    assertThat(v4.scope()).isEqualTo(Ifa.SCOPE_HOST);
    assertThat(v4.label()).isEqualTo("lo");
    AddressMessage v6 = find(1, "::1").orElseThrow();
    assertThat(v6.prefixLength()).isEqualTo(128);
    assertThat(v6.scope()).isEqualTo(Ifa.SCOPE_HOST);
    assertThat(v6.flags()).isEqualTo(Ifa.F_PERMANENT);
  }

  // --- routes ------------------------------------------------------------------------------------------------

  private static final int MAIN = Rtn.TABLE_MAIN;
  private static final int LOCAL = Rtn.TABLE_LOCAL;

  private Optional<RouteMessage> route(java.util.function.Predicate<RouteMessage> which) throws NetlinkException {
    return rtnl().routes().stream().filter(which).findFirst();
  }

  @Test
  void anAddressBringsItsConnectedAndLocalRoutesAndTakesThemAlong() throws Exception {
    int index = upLink("sdummy0");
    rtnl().addAddress(AddressMessage.of(index, "10.10.0.1", 24).toBuilder().priority(100).build());
    RouteMessage connected = route(to(MAIN, "10.10.0.0", 24, index)).orElseThrow();
    assertThat(connected.protocol()).isEqualTo(Rtn.PROT_KERNEL);
    assertThat(connected.scope()).isEqualTo(Ifa.SCOPE_LINK);
    assertThat(connected.type()).isEqualTo(Rtn.UNICAST);
    assertThat(connected.prefSrc()).isEqualTo(ip("10.10.0.1"));
    assertThat(connected.priority()).as("the address's metric").isEqualTo(100);
    assertThat(connected.gateway()).isEmpty();
    RouteMessage local = route(to(LOCAL, "10.10.0.1", 32, index)).orElseThrow();
    assertThat(local.type()).isEqualTo(Rtn.LOCAL);
    assertThat(local.scope()).isEqualTo(Ifa.SCOPE_HOST);
    assertThat(route(to(LOCAL, "10.10.0.255", 32, index)).orElseThrow().type()).isEqualTo(Rtn.BROADCAST);

    rtnl().addAddress(AddressMessage.of(index, "fd00::1", 64).toBuilder().flags(Ifa.F_NODAD).build());
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> route(to(LOCAL, "fd00::1", 128, index)).isPresent());
    RouteMessage v6 = route(to(MAIN, "fd00::", 64, index)).orElseThrow();
    assertThat(v6.priority()).isEqualTo(Rtn.IP6_PRIORITY_ADDRCONF);
    assertThat(v6.protocol()).isEqualTo(Rtn.PROT_KERNEL);

    rtnl().deleteAddress(AddressMessage.of(index, "10.10.0.1", 24));
    rtnl().deleteAddress(AddressMessage.of(index, "fd00::1", 64));
    assertThat(rtnl().routes()).noneMatch(to(MAIN, "10.10.0.0", 24)).noneMatch(to(LOCAL, "10.10.0.1", 32))
        .noneMatch(to(LOCAL, "10.10.0.255", 32)).noneMatch(to(MAIN, "fd00::", 64))
        .noneMatch(to(LOCAL, "fd00::1", 128));
  }

  @Test
  void aRouteIsListedWithItsOutLinkAndADuplicateIsEEXISTWhileReplaceChangesIt() throws Exception {
    int index = upLink("sdummy0");
    rtnl().addAddress(AddressMessage.of(index, "10.10.0.1", 24));
    var route = RouteMessage.of("10.20.0.0", 16, "10.10.0.254", 0, 50);
    rtnl().addRoute(route);
    RouteMessage listed = route(to(MAIN, "10.20.0.0", 16)).orElseThrow();
    assertThat(listed.outIndex()).as("found from the gateway").isEqualTo(index);
    assertThat(listed.gateway()).isEqualTo(ip("10.10.0.254"));
    assertThat(listed.protocol()).isEqualTo(Rtn.PROT_BOOT);
    assertThat(listed.priority()).isEqualTo(50);
    assertThatThrownBy(() -> rtnl().addRoute(route))
        .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST))
        .hasMessageContaining("10.20.0.0/16 via 10.10.0.254");
    rtnl().addRoute(route.toBuilder().priority(60).build()); // another metric is another route
    rtnl().replaceRoute(RouteMessage.of("10.20.0.0", 16, "10.10.0.253", index, 50));
    assertThat(rtnl().routes()).filteredOn(to(MAIN, "10.20.0.0", 16)).extracting(RouteMessage::priority,
        r -> AddressMessage.text(r.gateway())).containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(50, "10.10.0.253"), org.assertj.core.groups.Tuple.tuple(60,
                "10.10.0.254"));
  }

  @Test
  void tablesMetricsAndIpv6DefaultsAreKept() throws Exception {
    int index = upLink("sdummy0");
    rtnl().addAddress(AddressMessage.of(index, "fd00::1", 64).toBuilder().flags(Ifa.F_NODAD).build());
    rtnl().addRoute(RouteMessage.of("10.30.0.0", 16, null, index, 0).toBuilder().table(100).mtu(1400)
        .protocol(Rtn.PROT_STATIC).build());
    rtnl().addRoute(RouteMessage.of("10.31.0.0", 16, null, index, 0).toBuilder().table(1000).build());
    rtnl().addRoute(RouteMessage.of("fd01::", 64, "fd00::fe", index, 0));
    RouteMessage t100 = route(to(100, "10.30.0.0", 16, index)).orElseThrow();
    assertThat(t100.mtu()).isEqualTo(1400);
    assertThat(t100.protocol()).isEqualTo(Rtn.PROT_STATIC);
    assertThat(t100.scope()).isEqualTo(Ifa.SCOPE_LINK);
    assertThat(route(to(1000, "10.31.0.0", 16, index))).as("a table beyond 8 bits").isPresent();
    RouteMessage v6 = route(to(MAIN, "fd01::", 64, index)).orElseThrow();
    assertThat(v6.priority()).as("IP6_RT_PRIO_USER").isEqualTo(Rtn.IP6_PRIORITY_USER);
    assertThat(v6.gateway()).isEqualTo(ip("fd00::fe"));
  }

  @Test
  void deletingRemovesTheRouteAndAMissingOneIsESRCH() throws Exception {
    int index = upLink("sdummy0");
    rtnl().addAddress(AddressMessage.of(index, "10.10.0.1", 24));
    var route = RouteMessage.of(null, 0, "10.10.0.254", index, 1024);
    rtnl().addRoute(route);
    assertThat(route(to(MAIN, null, 0))).isPresent();
    assertErrno(() -> rtnl().deleteRoute(route.toBuilder().priority(7).build()), Errno.ESRCH);
    assertErrno(() -> rtnl().deleteRoute(RouteMessage.of("10.99.0.0", 16, null, index, 0)), Errno.ESRCH);
    rtnl().deleteRoute(route);
    assertThat(route(to(MAIN, null, 0))).isEmpty();
    assertErrno(() -> rtnl().deleteRoute(route), Errno.ESRCH);
  }

  @Test
  void aGatewayNoRouteReachesOrAMissingLinkIsRefused() throws Exception {
    int index = upLink("sdummy0");
    rtnl().addAddress(AddressMessage.of(index, "10.10.0.1", 24));
    rtnl().addAddress(AddressMessage.of(index, "fd00::1", 64).toBuilder().flags(Ifa.F_NODAD).build());
    assertErrno(() -> rtnl().addRoute(RouteMessage.of("10.20.0.0", 16, "10.99.0.1", 0, 0)), Errno.ENETUNREACH);
    assertErrno(() -> rtnl().addRoute(RouteMessage.of("10.20.0.0", 16, "10.99.0.1", index, 0)), Errno.ENETUNREACH);
    assertErrno(() -> rtnl().addRoute(RouteMessage.of("fd01::", 64, "fd09::1", index, 0)), Errno.EHOSTUNREACH);
    assertErrno(() -> rtnl().addRoute(RouteMessage.of("10.20.0.0", 16, null, 9999, 0)), Errno.ENODEV);
    assertErrno(() -> rtnl().addRoute(RouteMessage.of("10.20.0.0", 16, null, 0, 0)), Errno.ENODEV);
    rtnl().addRoute(RouteMessage.of("10.20.0.0", 16, "10.99.0.1", index, 0).toBuilder().flags(Rtn.F_ONLINK)
        .build());
    assertThat(route(to(MAIN, "10.20.0.0", 16, index)).orElseThrow().hasFlags(Rtn.F_ONLINK)).isTrue();
  }

  @Test
  void aLinkTakenDownLosesItsRoutesButTheLocalOnes() throws Exception {
    int index = upLink("sdummy0");
    rtnl().addAddress(AddressMessage.of(index, "10.10.0.1", 24));
    rtnl().addRoute(RouteMessage.of("10.20.0.0", 16, "10.10.0.254", index, 0));
    kernel().setUp("sdummy0", false);
    assertThat(rtnl().routes()).filteredOn(r -> r.outIndex() == index)
        .allSatisfy(r -> assertThat(r.type()).isEqualTo(Rtn.LOCAL)).anyMatch(to(LOCAL, "10.10.0.1", 32));
    kernel().setUp("sdummy0", true);
    assertThat(route(to(MAIN, "10.10.0.0", 24, index))).as("the connected route returns").isPresent();
    assertThat(route(to(MAIN, "10.20.0.0", 16))).as("a configured route does not").isEmpty();
  }

  @Test
  void subscribersSeeRoutesAddedAndDeleted() throws Exception {
    int index = upLink("sdummy0");
    var events = new RecordingListener();
    try (var subscription = rtnl().subscribe(events)) {
      rtnl().addAddress(AddressMessage.of(index, "10.10.0.1", 24));
      events.awaitRoute(RouteEvent.Change.NEW, to(MAIN, "10.10.0.0", 24, index));
      rtnl().addRoute(RouteMessage.of("10.20.0.0", 16, "10.10.0.254", index, 0));
      events.awaitRoute(RouteEvent.Change.NEW, to(MAIN, "10.20.0.0", 16, index));
      rtnl().deleteRoute(RouteMessage.of("10.20.0.0", 16, "10.10.0.254", index, 0));
      events.awaitRoute(RouteEvent.Change.DELETED, to(MAIN, "10.20.0.0", 16, index));
      rtnl().addAddress(AddressMessage.of(index, "fd00::1", 64).toBuilder().flags(Ifa.F_NODAD).build());
      events.awaitRoute(RouteEvent.Change.NEW, to(MAIN, "fd00::", 64, index));
      rtnl().addRoute(RouteMessage.of("fd01::", 64, "fd00::fe", index, 0));
      assertThat(events.awaitRoute(RouteEvent.Change.NEW, to(MAIN, "fd01::", 64, index)).route().priority())
          .isEqualTo(Rtn.IP6_PRIORITY_USER);
      rtnl().deleteRoute(RouteMessage.of("fd01::", 64, "fd00::fe", index, 0));
      events.awaitRoute(RouteEvent.Change.DELETED, to(MAIN, "fd01::", 64, index));
      rtnl().deleteAddress(AddressMessage.of(index, "10.10.0.1", 24));
      events.awaitRoute(RouteEvent.Change.DELETED, to(MAIN, "10.10.0.0", 24, index));
      events.awaitRoute(RouteEvent.Change.DELETED, to(LOCAL, "10.10.0.1", 32, index));
    }
  }

  @Test
  void deletingALinkDeletesItsRoutes() throws Exception {
    int index = upLink("sdummy0");
    rtnl().addAddress(AddressMessage.of(index, "10.10.0.1", 24));
    rtnl().addRoute(RouteMessage.of("10.20.0.0", 16, "10.10.0.254", index, 0).toBuilder().table(100).build());
    kernel().delete("sdummy0");
    assertThat(rtnl().routes()).noneMatch(r -> r.outIndex() == index);
  }

  @Test
  void aLinksLastIpv4AddressTakesEveryIpv4RouteOverItAlong() throws Exception {
    int index = upLink("sdummy0");
    rtnl().addAddress(AddressMessage.of(index, "10.10.0.1", 24));
    rtnl().addAddress(AddressMessage.of(index, "10.11.0.1", 24));
    rtnl().addAddress(AddressMessage.of(index, "fd00::1", 64).toBuilder().flags(Ifa.F_NODAD).build());
    rtnl().addRoute(RouteMessage.of("10.20.0.0", 16, "10.10.0.254", index, 0));
    rtnl().addRoute(RouteMessage.of("10.30.0.0", 16, null, index, 0).toBuilder().table(100).build());
    rtnl().addRoute(RouteMessage.of("fd01::", 64, "fd00::fe", index, 0));
    rtnl().deleteAddress(AddressMessage.of(index, "10.10.0.1", 24));
    assertThat(route(to(MAIN, "10.20.0.0", 16, index))).as("a gateway route outlives its subnet").isPresent();
    rtnl().deleteAddress(AddressMessage.of(index, "10.11.0.1", 24));
    assertThat(rtnl().routes()).noneMatch(r -> r.family() == Ifa.AF_INET && r.outIndex() == index)
        .anyMatch(to(MAIN, "fd01::", 64, index));
  }
}
