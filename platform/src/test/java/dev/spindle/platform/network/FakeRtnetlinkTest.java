package dev.spindle.platform.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class FakeRtnetlinkTest extends RtnetlinkContract implements LinkWriteContract, RuleContract {
  private final FakeRtnetlink fake = new FakeRtnetlink(List.of(SimulatedNode.loopback()));

  @Override
  public Rtnetlink rtnl() {
    return fake;
  }

  @Override
  protected Kernel kernel() {
    return new Kernel() {
      @Override
      public void addDummy(String name) throws Exception {
        fake.addDummy(name);
      }

      @Override
      public void setUp(String name, boolean up) throws Exception {
        fake.setUp(name, up);
      }

      @Override
      public void setMtu(String name, int mtu) throws Exception {
        fake.setMtu(name, mtu);
      }

      @Override
      public void rename(String name, String newName) throws Exception {
        fake.rename(name, newName);
      }

      @Override
      public void delete(String name) throws Exception {
        fake.delete(name);
      }
    };
  }

  @Test
  void aNameThatIsAnAltnameIsTakenAsTheKernelKeepsBothInOneTable() throws Exception {
    fake.addLink(LinkMessage.builder(0, "eth0").type(Arphrd.ETHER).altNames(List.of("enx525400123456")).build());
    fake.addDummy("d0");
    int eth0 = fake.indexOf("eth0").orElseThrow();
    assertErrno(() -> fake.setLink(eth0, LinkChange.NONE.withName("enx525400123456")), Errno.EEXIST,
        "its own altname");
    assertErrno(() -> fake.rename("d0", "enx525400123456"), Errno.EEXIST, "another link's altname");
    fake.setLink(eth0, LinkChange.NONE.withName("enp0s2"));
    assertThat(fake.link("enp0s2").altNames()).as("altnames stay across a rename").containsExactly("enx525400123456");
    assertThat(fake.indexOf("enp0s2")).hasValue(eth0);
    assertThat(fake.indexOf("eth0")).isEmpty();
  }

  @Test
  void kernelSideChangesAreRefusedAsTheKernelRefusesThem() throws Exception {
    fake.addDummy("d0");
    assertErrno(() -> fake.addDummy("d0"), Errno.EEXIST, "adding link d0: EEXIST");
    assertErrno(() -> fake.addLink(LinkMessage.builder(1, "other").build()), Errno.EEXIST, "index taken");
    assertErrno(() -> fake.addDummy("a-name-far-too-long"), Errno.EINVAL, "IFNAMSIZ");
    assertErrno(() -> fake.setUp("nosuch0", true), Errno.ENODEV, "setting link nosuch0 up: ENODEV");
    assertErrno(() -> fake.setMtu("d0", 67), Errno.EINVAL, "below the minimum");
    assertErrno(() -> fake.setMtu("nosuch0", 1500), Errno.ENODEV, "ENODEV before EINVAL");
    assertErrno(() -> fake.rename("d0", "lo"), Errno.EEXIST, "name taken");
    assertErrno(() -> fake.rename("d0", "bad/name"), Errno.EINVAL, "invalid name");
    fake.setUp("d0", true);
    fake.rename("d0", "d1"); // kernels since 6.2 rename live links
    fake.refuseLiveRename();
    assertErrno(() -> fake.rename("d1", "d2"), Errno.EBUSY, "renaming link d1 to d2: EBUSY (before 6.2)");
    assertErrno(() -> fake.delete("lo"), Errno.EOPNOTSUPP, "lo has no kind");
    assertErrno(() -> fake.delete("nosuch0"), Errno.ENODEV, "deleting link nosuch0: ENODEV");
  }

  @Test
  void deletedIndexesAreNotReused() throws Exception {
    int first = fake.addDummy("d0").index();
    fake.delete("d0");
    assertThat(fake.addDummy("d0").index()).isGreaterThan(first);
  }

  @Test
  void deletingALinkTakesItsStackedLinksAndReleasesItsPorts() throws Exception {
    var bridge = fake.addLink(LinkMessage.builder(0, "br0").type(Arphrd.ETHER).kind("bridge").build());
    fake.addLink(LinkMessage.builder(0, "port0").type(Arphrd.ETHER).kind("dummy").masterIndex(bridge.index())
        .slaveKind("bridge").build());
    fake.addLink(LinkMessage.builder(0, "br0.10").type(Arphrd.ETHER).kind("vlan").parentIndex(bridge.index())
        .build());
    var events = new RecordingListener();
    fake.subscribe(events);

    fake.delete("br0");

    assertThat(fake.links()).extracting(LinkMessage::name).containsExactly("lo", "port0");
    assertThat(fake.link("port0").masterIndex()).isZero();
    assertThat(fake.link("port0").slaveKind()).isEmpty();
    assertThat(events.events).extracting(e -> e.change() + " " + e.link().name())
        .containsExactly("DELETED br0", "DELETED br0.10", "CHANGED port0");
  }

  @Test
  void settingTheCurrentStateNotifiesNoOne() throws Exception {
    fake.addDummy("d0");
    var events = new RecordingListener();
    fake.subscribe(events);
    fake.setUp("d0", false);
    fake.setMtu("d0", 1500);
    assertThat(events.events).isEmpty();
  }

  @Test
  void anInjectedFaultFailsTheNextPortCallOnly() throws Exception {
    fake.failNext(Errno.EBUSY);
    assertErrno(fake::links, Errno.EBUSY, "dumping links: EBUSY");
    assertThat(fake.links()).isNotEmpty();

    fake.failNext(Errno.ENOMEM);
    assertErrno(() -> fake.subscribe(new RecordingListener()), Errno.ENOMEM, "subscribing");
    assertThat(fake.subscriptions()).isZero();
  }

  @Test
  void anOverrunLosesItsChangesAndAsksSubscribersToResync() throws Exception {
    var events = new RecordingListener();
    fake.subscribe(events);

    fake.overrun(() -> fake.addDummy("lost0"));

    assertThat(events.events).isEmpty();
    assertThat(events.errors).singleElement()
        .satisfies(e -> assertThat(e.errno()).isEqualTo(Errno.ENOBUFS));
    assertThat(fake.link("lost0").kind()).as("visible to a resync").isEqualTo("dummy");
  }

  @Test
  void closingThePortClosesItsSubscriptions() throws Exception {
    fake.subscribe(new RecordingListener());
    fake.subscribe(new RecordingListener());
    fake.close();
    assertThat(fake.subscriptions()).isZero();
    assertThatThrownBy(fake::links).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void addressRequestsAreRefusedAsTheKernelRefusesThem() throws Exception {
    int index = fake.addDummy("d0").index();
    var address = AddressMessage.of(index, "10.0.0.1", 24);
    assertErrno(() -> fake.addAddress(address.toBuilder().validLifetime(0).build()), Errno.EINVAL, "valid 0");
    assertErrno(() -> fake.addAddress(address.toBuilder().preferredLifetime(20).validLifetime(10).build()),
        Errno.EINVAL, "preferred beyond valid");
    assertErrno(() -> fake.addAddress(address.toBuilder().prefixLength(33).build()), Errno.EINVAL, "/33");
    assertErrno(() -> fake.addAddress(address.toBuilder().local(new byte[16]).build()), Errno.EINVAL, "16 bytes");
    assertErrno(() -> fake.addAddress(address.toBuilder().family(7).build()), Errno.EAFNOSUPPORT, "family 7");
    assertThat(fake.addresses()).isEmpty();
  }

  @Test
  void aZeroPreferredLifetimeIsDeprecated() throws Exception {
    int index = fake.addDummy("d0").index();
    fake.addAddress(AddressMessage.of(index, "10.0.0.1", 24).toBuilder().preferredLifetime(0).validLifetime(60)
        .build());
    assertThat(fake.addresses()).singleElement().satisfies(a -> assertThat(a.flags()).isEqualTo(Ifa.F_DEPRECATED));
  }

  @Test
  void anInjectedFaultFailsTheNextAddressCall() throws Exception {
    int index = fake.addDummy("d0").index();
    fake.failNext(Errno.ENOBUFS);
    assertErrno(fake::addresses, Errno.ENOBUFS, "dumping addresses: ENOBUFS");
    fake.failNext(Errno.EPERM);
    assertErrno(() -> fake.addAddress(AddressMessage.of(index, "10.0.0.1", 24)), Errno.EPERM, "add");
    assertThat(fake.addresses()).isEmpty();
  }

  @Test
  void anOverrunLosesAddressEventsToo() throws Exception {
    int index = fake.addDummy("d0").index();
    var events = new RecordingListener();
    fake.subscribe(events);
    fake.overrun(() -> fake.addAddress(AddressMessage.of(index, "10.0.0.1", 24)));
    assertThat(events.addresses).isEmpty();
    assertThat(events.errors).singleElement().satisfies(e -> assertThat(e.errno()).isEqualTo(Errno.ENOBUFS));
    assertThat(fake.addresses()).hasSize(1);
  }

  @Test
  void theLinkLocalAddressIsTheModifiedEui64OfTheMac() {
    assertThat(AddressMessage.text(FakeAddresses.linkLocal(new byte[] {2, 0, 0, 0, 0, 1})))
        .isEqualTo("fe80:0:0:0:0:ff:fe00:1"); // as the kernel derived it for 02:00:00:00:00:01
  }

  private static void assertErrno(ThrowingCallable call, Errno errno, String why) {
    assertThatThrownBy(call).as(why)
        .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(errno));
  }
}
