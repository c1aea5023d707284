package dev.spindle.platform.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.platform.network.linux.LinuxRtnetlink;
import dev.spindle.platform.network.linux.TestNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract against the real kernel: {@link LinuxRtnetlink} in a fresh network namespace per test, with
 * {@code ip -n <ns> link} changing links behind its back. Skipped without root or {@code ip} (failed instead when
 * {@code SPINDLE_REQUIRE_PRIVILEGED=1}).
 *
 * <p>Kernels without the {@code dummy} module (this CI's) get a VXLAN in its place: an Ethernet link that is down when
 * added, operationally UNKNOWN when up, and needs no lower link or peer.
 */
class LinuxRtnetlinkTest extends RtnetlinkContract implements LinkWriteContract, RuleContract {
  private TestNamespace ns;
  private LinuxRtnetlink rtnl;
  private String dummyKind = "dummy";
  private int vni = 100;

  @BeforeEach
  void createNamespace() throws Exception {
    ns = TestNamespace.create();
    rtnl = LinuxRtnetlink.inNamespace(ns.path());
  }

  @AfterEach
  void deleteNamespace() throws Exception {
    try {
      if (rtnl != null) {
        rtnl.close();
      }
    } finally {
      if (ns != null) {
        ns.close();
      }
    }
  }

  @Override
  public Rtnetlink rtnl() {
    return rtnl;
  }

  @Override
  protected Kernel kernel() {
    return new Kernel() {
      @Override
      public void addDummy(String name) throws Exception {
        if (dummyKind.equals("dummy") && ns.tryIp("link", "add", name, "type", "dummy")) {
          return;
        }
        dummyKind = "vxlan";
        ns.ip("link", "add", name, "type", "vxlan", "id", Integer.toString(vni++), "dstport", "4789");
      }

      @Override
      public void setUp(String name, boolean up) throws Exception {
        ns.ip("link", "set", name, up ? "up" : "down");
      }

      @Override
      public void setMtu(String name, int mtu) throws Exception {
        ns.ip("link", "set", name, "mtu", Integer.toString(mtu));
      }

      @Override
      public void rename(String name, String newName) throws Exception {
        ns.ip("link", "set", name, "name", newName);
      }

      @Override
      public void delete(String name) throws Exception {
        ns.ip("link", "del", name);
      }
    };
  }

  /** This kernel may lack the bonding, 8021q, vrf, dummy or wireguard module: those kinds' cases skip, naming it. */
  @Override
  public boolean kindsMayBeMissing() {
    return true;
  }

  /** {@code ip link add} of a bare link of the kind: the kernel looks the kind up before it validates anything. */
  @Override
  public boolean kindMissing(String kind) throws Exception {
    String error = ns.ipError("link", "add", "sprobe0", "type", kind);
    if (error.isEmpty()) {
      ns.ip("link", "del", "sprobe0");
    }
    return error.contains("Unknown device type");
  }

  /** As in the contract, with the stand-in's kind where the kernel has no dummy links. */
  @Override
  @Test
  void anAddedDummyIsAnEtherLinkThatIsDown() throws Exception {
    kernel().addDummy("sdummy0");
    LinkMessage dummy = rtnl().link("sdummy0");
    assertThat(dummy.type()).isEqualTo(Arphrd.ETHER);
    assertThat(dummy.kind()).isEqualTo(dummyKind);
    assertThat(dummy.hasFlags(Iff.UP)).isFalse();
    assertThat(dummy.operState()).isEqualTo(IfOper.DOWN);
    assertThat(dummy.hardwareAddr()).hasSize(6);
  }

  @Test
  void vethPeersAndBridgePortsAreLinkedByIndex() throws Exception {
    ns.ip("link", "add", "br0", "type", "bridge");
    ns.ip("link", "add", "v0", "type", "veth", "peer", "name", "v1");
    ns.ip("link", "set", "v0", "master", "br0");
    LinkMessage bridge = rtnl.link("br0");
    LinkMessage v0 = rtnl.link("v0");
    LinkMessage v1 = rtnl.link("v1");
    assertThat(bridge.kind()).isEqualTo("bridge");
    assertThat(bridge.hasFlags(Iff.MASTER)).isFalse(); // IFF_MASTER is the bonding flag, not the bridge's
    assertThat(v0.kind()).isEqualTo("veth");
    assertThat(v0.slaveKind()).isEqualTo("bridge");
    assertThat(v0.masterIndex()).isEqualTo(bridge.index());
    assertThat(v0.parentIndex()).isEqualTo(v1.index());
    assertThat(v1.parentIndex()).isEqualTo(v0.index());
    assertThat(v1.masterIndex()).isZero();
    assertThat(v1.slaveKind()).isEmpty();
  }

  @Test
  void aliasesAndAlternativeNamesAreDecodedAndFindTheLink() throws Exception {
    ns.ip("link", "add", "v0", "type", "veth", "peer", "name", "v1");
    ns.ip("link", "set", "v0", "alias", "the uplink");
    ns.ip("link", "property", "add", "dev", "v0", "altname", "spindle-uplink-0");
    LinkMessage v0 = rtnl.link("v0");
    assertThat(v0.alias()).isEqualTo("the uplink");
    assertThat(v0.altNames()).containsExactly("spindle-uplink-0");
    assertThat(rtnl.link("spindle-uplink-0")).isEqualTo(v0);
  }

  @Test
  void leavingABridgeIsAChangeNotADeletion() throws Exception {
    ns.ip("link", "add", "br0", "type", "bridge");
    ns.ip("link", "add", "v0", "type", "veth", "peer", "name", "v1");
    ns.ip("link", "set", "v0", "master", "br0");
    var events = new RecordingListener();
    try (var subscription = rtnl.subscribe(events)) {
      ns.ip("link", "set", "v0", "nomaster");
      events.await(LinkEvent.Change.CHANGED, "v0", link -> link.masterIndex() == 0);
      ns.ip("link", "add", "v2", "type", "veth", "peer", "name", "v3"); // a barrier: later than any bridge event
      events.await(LinkEvent.Change.NEW, "v3");
      assertThat(events.events).noneMatch(e -> e.change() == LinkEvent.Change.DELETED);
    }
  }
}
