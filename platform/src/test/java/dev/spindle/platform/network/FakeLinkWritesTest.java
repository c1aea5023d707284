package dev.spindle.platform.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * What {@link FakeRtnetlink} models beyond the contract, for the kinds and kernels this CI cannot run: bonds, VLANs,
 * kernels without a kind's module or before live renames, and faults in the new calls.
 */
class FakeLinkWritesTest {
  private final FakeRtnetlink fake = new FakeRtnetlink(List.of(SimulatedNode.loopback()));

  @Test
  void aKernelWithoutAModuleRefusesItsKind() throws Exception {
    fake.withoutKinds("bond", "vlan");
    assertErrno(() -> fake.createLink(LinkRequest.of("b0", BondInfo.builder(0).build())), Errno.EOPNOTSUPP,
        "no bonding module");
    fake.createLink(LinkRequest.of("d0", new DummyInfo()));
    assertThat(fake.link("d0").kind()).isEqualTo("dummy");
  }

  @Test
  void kernelsBefore62RefuseToRenameALinkThatIsUp() throws Exception {
    fake.createLink(LinkRequest.of("v0", new VethInfo("v1")).withUp(true));
    int index = fake.link("v0").index();
    fake.refuseLiveRename();
    assertErrno(() -> fake.setLink(index, LinkChange.NONE.withName("lan0")), Errno.EBUSY, "EBUSY");
    assertErrno(() -> fake.setLink(index, LinkChange.up(false).withName("lan0")), Errno.EBUSY,
        "the kernel renames before it takes the link down");
    assertThat(fake.link("v0").hasFlags(Iff.UP)).isTrue();
    fake.setLink(index, LinkChange.up(false));
    fake.setLink(index, LinkChange.NONE.withName("lan0"));
    assertThat(fake.link("lan0").index()).isEqualTo(index);
  }

  @Test
  void aBondTakesPortsThatAreDownAndMarksThemSlaves() throws Exception {
    fake.createLink(LinkRequest.of("bond0", BondInfo.builder(BondInfo.ACTIVE_BACKUP).build()));
    fake.createLink(LinkRequest.of("v0", new VethInfo("v1")).withUp(true));
    fake.createLink(LinkRequest.of("v2", new VethInfo("v3")));
    int bond = fake.link("bond0").index();
    assertErrno(() -> fake.setLink(fake.link("v0").index(), LinkChange.NONE.withMaster(bond)), Errno.EPERM,
        "a port that is up");
    fake.setLink(fake.link("v2").index(), LinkChange.NONE.withMaster(bond));
    LinkMessage port = fake.link("v2");
    assertThat(port.masterIndex()).isEqualTo(bond);
    assertThat(port.slaveKind()).isEqualTo("bond");
    assertThat(port.hasFlags(Iff.SLAVE)).isTrue();
    assertThat(fake.link("bond0").hasFlags(Iff.MASTER)).isTrue();

    fake.deleteLink(bond);
    assertThat(fake.link("v2").masterIndex()).isZero();
    assertThat(fake.link("v2").hasFlags(Iff.SLAVE)).isFalse();
  }

  @Test
  void aBondGetsCarrierFromAPortWithCarrier() throws Exception {
    fake.createLink(LinkRequest.of("bond0", BondInfo.builder(BondInfo.ACTIVE_BACKUP).build()).withUp(true));
    assertThat(fake.link("bond0").operState()).isEqualTo(IfOper.DOWN);
    fake.createLink(LinkRequest.of("v0", new VethInfo("v1")).withMaster(fake.link("bond0").index()));
    fake.setLink(fake.link("v0").index(), LinkChange.up(true));
    fake.setLink(fake.link("v1").index(), LinkChange.up(true));
    assertThat(fake.link("bond0").operState()).isEqualTo(IfOper.UP);
    assertThat(fake.link("bond0").hasFlags(Iff.LOWER_UP)).isTrue();
  }

  @Test
  void aVlanFollowsItsLowerLink() throws Exception {
    fake.createLink(LinkRequest.of("v0", new VethInfo("v1")).withUp(true));
    int lower = fake.link("v0").index();
    fake.createLink(LinkRequest.of("v0.10", VlanInfo.of(10)).withParent(lower).withUp(true));
    assertThat(fake.link("v0.10").operState()).isEqualTo(IfOper.LOWERLAYERDOWN);
    fake.setLink(fake.link("v1").index(), LinkChange.up(true));
    assertThat(fake.link("v0.10").operState()).isEqualTo(IfOper.UP);
    assertErrno(() -> fake.setLink(fake.link("v0.10").index(), LinkChange.NONE.withMtu(1501)), Errno.ERANGE,
        "above the lower link's");
    assertErrno(() -> fake.createLink(LinkRequest.of("v0.x", new VlanInfo(11, 0x0800)).withParent(lower)),
        Errno.EPROTONOSUPPORT, "not a VLAN ethertype");
    assertErrno(() -> fake.createLink(LinkRequest.of("v0.y", VlanInfo.of(12))), Errno.EINVAL, "no lower link");

    fake.deleteLink(lower);
    assertThat(fake.links()).extracting(LinkMessage::name).containsExactly("lo");
  }

  @Test
  void aBondModeOutOfRangeIsEINVAL() {
    assertErrno(() -> fake.createLink(LinkRequest.of("b0", BondInfo.builder(7).build())), Errno.EINVAL, "mode 7");
  }

  @Test
  void aWireguardLinkTakesNoHardwareAddress() throws Exception {
    fake.createLink(LinkRequest.of("wg0", new WireguardInfo()));
    int index = fake.link("wg0").index();
    assertErrno(() -> fake.setLink(index, LinkChange.NONE.withHardwareAddr(new byte[] {2, 0, 0, 0, 0, 1})),
        Errno.EOPNOTSUPP, "ARPHRD_NONE");
  }

  @Test
  void injectedFaultsFailTheNewCallsAndChangeNothing() throws Exception {
    fake.failNext(Errno.ENOMEM);
    assertErrno(() -> fake.createLink(LinkRequest.of("v0", new VethInfo("v1"))), Errno.ENOMEM, "create");
    assertThat(fake.links()).hasSize(1);
    fake.createLink(LinkRequest.of("v0", new VethInfo("v1")));
    int index = fake.link("v0").index();
    fake.failNext(Errno.EBUSY);
    assertErrno(() -> fake.setLink(index, LinkChange.NONE.withMtu(1400)), Errno.EBUSY, "set");
    assertThat(fake.link("v0").mtu()).isEqualTo(1500);
    fake.failNext(Errno.EPERM);
    assertErrno(() -> fake.deleteLink(index), Errno.EPERM, "delete");
    fake.failNext(Errno.ENOBUFS);
    assertErrno(fake::rules, Errno.ENOBUFS, "dump rules");
    fake.failNext(Errno.EPERM);
    assertErrno(() -> fake.addRule(RuleMessage.lookup(Ifa.AF_INET, 10, 10)), Errno.EPERM, "add rule");
    fake.failNext(Errno.EPERM);
    assertErrno(() -> fake.deleteRule(RuleMessage.lookup(Ifa.AF_INET, 0, 255)), Errno.EPERM, "delete rule");
    assertThat(fake.rules()).hasSize(5);
    assertThat(fake.links()).hasSize(3);
  }

  @Test
  void aRuleNamingAnInterfaceIsDetachedUntilTheInterfaceExists() throws Exception {
    fake.addRule(RuleMessage.lookup(Ifa.AF_INET, 10, 10).toBuilder().iifName("v0").build());
    assertThat(fake.rules().get(1).flags()).isEqualTo(8);
    fake.createLink(LinkRequest.of("v0", new VethInfo("v1")));
    assertThat(fake.rules().get(1).flags()).isZero();
  }

  @Test
  void aChangeThatFailsPartwayKeepsWhatCameBefore() throws Exception {
    fake.createLink(LinkRequest.of("v0", new VethInfo("v1")));
    int index = fake.link("v0").index();
    // the kernel sets the MTU before the name, and stops at the taken name
    assertErrno(() -> fake.setLink(index, LinkChange.NONE.withMtu(1400).withName("lo")), Errno.EEXIST, "name");
    assertThat(fake.link("v0").mtu()).isEqualTo(1400);
  }

  @Test
  void aBondChangesModeOnlyDownAndWithoutPorts() throws Exception {
    fake.createLink(LinkRequest.of("bond0", BondInfo.builder(BondInfo.ACTIVE_BACKUP).build()).withUp(true));
    int bond = fake.link("bond0").index();
    var lacp = BondInfo.builder(BondInfo.IEEE_802_3AD).lacpRate(1).build();
    assertErrno(() -> fake.setLink(bond, LinkChange.NONE.withInfo(lacp)), Errno.EBUSY, "up");
    fake.setLink(bond, LinkChange.up(false));
    fake.createLink(LinkRequest.of("v0", new VethInfo("v1")).withMaster(bond));
    assertErrno(() -> fake.setLink(bond, LinkChange.NONE.withInfo(lacp)), Errno.ENOTEMPTY, "has a port");
    fake.setLink(bond, LinkChange.NONE.withInfo(BondInfo.builder(BondInfo.ACTIVE_BACKUP).miimon(250).build()));
    assertThat(((BondInfo) fake.link("bond0").info()).miimon()).as("other settings change with ports").isEqualTo(250);
    fake.setLink(fake.link("v0").index(), LinkChange.NONE.withMaster(0));
    fake.setLink(bond, LinkChange.NONE.withInfo(lacp));
    assertThat(fake.link("bond0").info()).isEqualTo(lacp);
  }

  @Test
  void aVlanIgnoresANewIdAsVlanChangelinkDoes() throws Exception {
    fake.createLink(LinkRequest.of("v0", new VethInfo("v1")));
    fake.createLink(LinkRequest.of("v0.10", VlanInfo.of(10)).withParent(fake.link("v0").index()));
    fake.setLink(fake.link("v0.10").index(), LinkChange.NONE.withInfo(VlanInfo.of(20)));
    assertThat(fake.link("v0.10").info()).isEqualTo(VlanInfo.of(10));
  }

  private static void assertErrno(ThrowingCallable call, Errno errno, String why) {
    assertThatThrownBy(call).as(why)
        .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(errno));
  }
}
