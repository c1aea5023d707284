package dev.spindle.platform.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Rtnetlink} must do, links part: run against {@link FakeRtnetlink} ({@code FakeRtnetlinkTest})
 * and against the Linux adapter in a fresh network namespace ({@code LinuxRtnetlinkIT}), so the fake cannot drift
 * from the kernel. Changes behind the port's back go through {@link Kernel}: the fake's own methods there,
 * {@code ip link} against a real kernel.
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
}
