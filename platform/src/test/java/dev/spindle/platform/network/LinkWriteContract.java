package dev.spindle.platform.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Rtnetlink} must do when it creates, changes and deletes links: run on {@link FakeRtnetlink} and
 * on the Linux adapter in a fresh network namespace holding only {@code lo}. Kinds whose module a kernel lacks are
 * the one allowed skip, and only where {@link #kindsMayBeMissing()} says the port is a real kernel.
 */
interface LinkWriteContract {
  Rtnetlink rtnl();

  /** True for a real kernel, which may lack a kind's module; the fake must support every kind. */
  default boolean kindsMayBeMissing() {
    return false;
  }

  /** Whether the kernel lacks a driver for {@code kind} (only asked after an EOPNOTSUPP on a real kernel). */
  default boolean kindMissing(String kind) throws Exception {
    return false;
  }

  /** Creates the link, or skips the test naming the missing module when a real kernel has no driver for the kind. */
  default LinkMessage create(LinkRequest request) throws Exception {
    try {
      rtnl().createLink(request);
    } catch (NetlinkException e) {
      if (e.errno() == Errno.EOPNOTSUPP && kindsMayBeMissing() && kindMissing(request.info().kind())) {
        Assumptions.abort("this kernel has no " + request.info().module() + " module (" + request.info().kind()
            + " links answer EOPNOTSUPP)");
      }
      throw e;
    }
    return rtnl().link(request.name());
  }

  @Test
  default void aVethCreatesBothEndsEachTheOthersParent() throws Exception {
    LinkMessage v0 = create(LinkRequest.of("sv0", new VethInfo("sv1")));
    LinkMessage v1 = rtnl().link("sv1");
    assertThat(v0.kind()).isEqualTo("veth");
    assertThat(v1.kind()).isEqualTo("veth");
    assertThat(v0.parentIndex()).isEqualTo(v1.index());
    assertThat(v1.parentIndex()).isEqualTo(v0.index());
    assertThat(v0.type()).isEqualTo(Arphrd.ETHER);
    assertThat(v0.hasFlags(Iff.UP)).isFalse();
    assertThat(v0.operState()).isEqualTo(IfOper.DOWN);
    assertThat(v0.mtu()).isEqualTo(1500);
    assertThat(v0.hardwareAddr()).hasSize(6);
    assertThat(v0.info()).as("veth reports no kind data").isNull();
    assertThat(v1.index()).as("the peer is registered first").isLessThan(v0.index());
  }

  @Test
  default void aTakenNameIsEEXISTAndCreatesNothing() throws Exception {
    create(LinkRequest.of("sv0", new VethInfo("sv1")));
    int before = rtnl().links().size();
    assertErrno(() -> rtnl().createLink(LinkRequest.of("sv0", new BridgeInfo(0, false))), Errno.EEXIST);
    assertErrno(() -> rtnl().createLink(LinkRequest.of("sv2", new VethInfo("sv1"))), Errno.EEXIST);
    assertErrno(() -> rtnl().createLink(LinkRequest.of("lo", new BridgeInfo(0, false))), Errno.EEXIST);
    assertThat(rtnl().links()).hasSize(before);
    assertErrno(() -> rtnl().link("sv2"), Errno.ENODEV);
  }

  @Test
  default void aBridgeReportsItsStpAndVlanFiltering() throws Exception {
    LinkMessage plain = create(LinkRequest.of("sbr0", new BridgeInfo(0, false)));
    LinkMessage stp = create(LinkRequest.of("sbr1", new BridgeInfo(1, false)).withMtu(1400));
    assertThat(plain.kind()).isEqualTo("bridge");
    assertThat(plain.info()).isEqualTo(new BridgeInfo(0, false));
    assertThat(stp.info()).isEqualTo(new BridgeInfo(1, false));
    assertThat(stp.mtu()).isEqualTo(1400);
    assertErrno(() -> rtnl().createLink(LinkRequest.of("sbr2", new BridgeInfo(0, false)).withMaster(plain.index())),
        Errno.ELOOP);
  }

  @Test
  default void aBridgeFiltersVlansWhereTheKernelCan() throws Exception {
    try {
      rtnl().createLink(LinkRequest.of("sbr0", new BridgeInfo(0, true)));
    } catch (NetlinkException e) {
      Assumptions.assumeFalse(e.errno() == Errno.EOPNOTSUPP && kindsMayBeMissing(),
          "this kernel's bridge has no VLAN filtering (CONFIG_BRIDGE_VLAN_FILTERING): EOPNOTSUPP");
      throw e;
    }
    assertThat(rtnl().link("sbr0").info()).isEqualTo(new BridgeInfo(0, true));
  }

  @Test
  default void aMacvlanSitsOnItsLowerLinkInItsMode() throws Exception {
    LinkMessage lower = create(LinkRequest.of("sv0", new VethInfo("sv1")));
    LinkMessage bridged = create(LinkRequest.of("smv0", new MacvlanInfo(MacvlanInfo.BRIDGE)).withParent(lower.index()));
    LinkMessage dflt = create(LinkRequest.of("smv1", new MacvlanInfo(0)).withParent(lower.index()));
    assertThat(bridged.kind()).isEqualTo("macvlan");
    assertThat(bridged.parentIndex()).isEqualTo(lower.index());
    assertThat(bridged.info()).isEqualTo(new MacvlanInfo(MacvlanInfo.BRIDGE));
    assertThat(dflt.info()).as("the kernel's default mode").isEqualTo(new MacvlanInfo(MacvlanInfo.VEPA));
    assertThat(bridged.mtu()).isEqualTo(lower.mtu());
    assertErrno(() -> rtnl().createLink(LinkRequest.of("smv2", new MacvlanInfo(MacvlanInfo.BRIDGE))), Errno.EINVAL);
    assertErrno(() -> rtnl().createLink(LinkRequest.of("smv2", new MacvlanInfo(MacvlanInfo.BRIDGE))
        .withParent(9999)), Errno.ENODEV);
  }

  @Test
  default void aVxlanReportsItsVniPortAddressesLowerLinkAndLearning() throws Exception {
    LinkMessage lower = create(LinkRequest.of("sv0", new VethInfo("sv1")));
    var info = new VxlanInfo(4242, 4789, AddressContract.ip("192.0.2.1"), AddressContract.ip("239.1.1.1"),
        lower.index(), false);
    LinkMessage vxlan = create(LinkRequest.of("svx0", info));
    LinkMessage plain = create(LinkRequest.of("svx1", VxlanInfo.of(7, 0)));
    LinkMessage v6 = create(LinkRequest.of("svx6", new VxlanInfo(8, 0, AddressContract.ip("2001:db8::1"), null,
        lower.index(), true)));
    assertThat(v6.mtu()).as("an IPv6 underlay costs 70 bytes").isEqualTo(1430);
    assertThat(plain.mtu()).as("without a lower link: Ethernet's").isEqualTo(1500);
    assertThat(vxlan.kind()).isEqualTo("vxlan");
    assertThat(vxlan.info()).isEqualTo(info);
    assertThat(vxlan.mtu()).as("the lower link's less the VXLAN overhead").isEqualTo(1450);
    assertThat(plain.info()).as("port 0 is the kernel's default, 8472")
        .isEqualTo(new VxlanInfo(7, 8472, null, null, 0, true));
    assertErrno(() -> rtnl().createLink(LinkRequest.of("svx2", VxlanInfo.of(7, 0))), Errno.EEXIST);
  }

  @Test
  default void aVlanReportsItsIdAndProtocolOnItsLowerLink() throws Exception {
    LinkMessage lower = create(LinkRequest.of("sv0", new VethInfo("sv1")));
    LinkMessage vlan = create(LinkRequest.of("sv0.10", VlanInfo.of(10)).withParent(lower.index()));
    LinkMessage qinq = create(LinkRequest.of("sv0.20", new VlanInfo(20, VlanInfo.P_8021AD)).withParent(lower.index()));
    assertThat(vlan.kind()).isEqualTo("vlan");
    assertThat(vlan.parentIndex()).isEqualTo(lower.index());
    assertThat(vlan.info()).isEqualTo(new VlanInfo(10, VlanInfo.P_8021Q));
    assertThat(qinq.info()).isEqualTo(new VlanInfo(20, VlanInfo.P_8021AD));
    assertThat(vlan.hardwareAddr()).as("a VLAN takes its lower link's MAC").isEqualTo(lower.hardwareAddr());
    assertErrno(() -> rtnl().createLink(LinkRequest.of("sv0.x", VlanInfo.of(10)).withParent(lower.index())),
        Errno.EEXIST);
    assertErrno(() -> rtnl().createLink(LinkRequest.of("sv0.y", VlanInfo.of(4095)).withParent(lower.index())),
        Errno.ERANGE);
  }

  @Test
  default void aBondReportsItsSettings() throws Exception {
    var info = BondInfo.builder(BondInfo.IEEE_802_3AD).miimon(200).updelay(400).downdelay(600).lacpRate(1)
        .xmitHashPolicy(1).minLinks(1).build();
    LinkMessage bond = create(LinkRequest.of("sbond0", info));
    assertThat(bond.kind()).isEqualTo("bond");
    assertThat(bond.hasFlags(Iff.MASTER)).isTrue();
    assertThat(bond.info()).isEqualTo(info);
    LinkMessage backup = create(LinkRequest.of("sbond1", BondInfo.builder(BondInfo.ACTIVE_BACKUP).build()));
    assertThat(backup.info()).isEqualTo(BondInfo.builder(BondInfo.ACTIVE_BACKUP).build());
  }

  @Test
  default void an802_3adBondWithoutMiimonIsCreatedWithoutItsDelays() throws Exception {
    // the delays count in miimon intervals: sent with miimon 0 they would be EPERM and fail the whole creation
    var info = BondInfo.builder(BondInfo.IEEE_802_3AD).miimon(0).updelay(200).downdelay(400).peerNotifyDelay(100)
        .lacpRate(1).build();
    BondInfo bond = (BondInfo) create(LinkRequest.of("sbond0", info)).info();
    assertThat(bond.mode()).isEqualTo(BondInfo.IEEE_802_3AD);
    assertThat(bond.miimon()).isZero();
    assertThat(bond.updelay()).isZero();
    assertThat(bond.downdelay()).isZero();
    assertThat(bond.lacpRate()).isEqualTo(1);
  }

  @Test
  default void aBondIsCreatedWithOnlyTheSettingsItsModeTakes() throws Exception {
    // ARP monitoring is EACCES in 802.3ad, balance-tlb and balance-alb; the codec leaves it out there
    var lacp = BondInfo.builder(BondInfo.IEEE_802_3AD).arpInterval(1000).missedMax(5).packetsPerSlave(3).build();
    BondInfo bond = (BondInfo) create(LinkRequest.of("sbond0", lacp)).info();
    assertThat(bond.arpInterval()).isZero();
    assertThat(bond.missedMax()).as("the kernel's default").isEqualTo(2);
    assertThat(bond.packetsPerSlave()).isEqualTo(1);
    var alb = BondInfo.builder(BondInfo.BALANCE_ALB).tlbDynamicLb(0).arpInterval(1000).build();
    BondInfo balanced = (BondInfo) create(LinkRequest.of("sbond1", alb)).info();
    assertThat(balanced.mode()).isEqualTo(BondInfo.BALANCE_ALB);
    assertThat(balanced.arpInterval()).isZero();
    assertThat(balanced.miimon()).isEqualTo(100);
  }

  @Test
  default void aBondRefusesArpNextToMiiMonitoringAndRoundsItsDelays() throws Exception {
    BondInfo arp = (BondInfo) create(LinkRequest.of("sbond1", BondInfo.builder(BondInfo.ACTIVE_BACKUP).miimon(0)
        .arpInterval(1000).arpIpTargets(java.util.List.of(new byte[] {(byte) 192, 0, 2, 1})).arpValidate(3)
        .build())).info();
    assertThat(arp.arpInterval()).isEqualTo(1000);
    assertThat(arp.arpValidate()).isEqualTo(3);
    assertThat(arp.arpIpTargets()).containsExactly(new byte[] {(byte) 192, 0, 2, 1});
    assertErrno(() -> rtnl().createLink(LinkRequest.of("sbond0",
        BondInfo.builder(BondInfo.ACTIVE_BACKUP).miimon(100).arpInterval(1000).build())), Errno.EINVAL);
    assertThat(rtnl().links()).extracting(LinkMessage::name).doesNotContain("sbond0");
    BondInfo rounded = (BondInfo) create(LinkRequest.of("sbond2", BondInfo.builder(BondInfo.ACTIVE_BACKUP)
        .miimon(100).updelay(250).downdelay(99).build())).info();
    assertThat(rounded.updelay()).as("rounded down to a multiple of miimon").isEqualTo(200);
    assertThat(rounded.downdelay()).isZero();
  }

  @Test
  default void aBondChangesInPlaceWhatItsStateAllows() throws Exception {
    BondInfo created = (BondInfo) create(LinkRequest.of("sbond0", BondInfo.builder(BondInfo.IEEE_802_3AD).build()))
        .info();
    int index = rtnl().link("sbond0").index();
    rtnl().setLink(index, LinkChange.NONE.withInfo(created.toBuilder().miimon(200).updelay(400).lacpRate(1).build()));
    BondInfo down = (BondInfo) rtnl().link("sbond0").info();
    assertThat(down.miimon()).isEqualTo(200);
    assertThat(down.updelay()).isEqualTo(400);
    assertThat(down.lacpRate()).isEqualTo(1);

    rtnl().setLink(index, LinkChange.up(true));
    rtnl().setLink(index, LinkChange.NONE.withInfo(down).withMtu(1400)); // unchanged settings: nothing refused
    rtnl().setLink(index, LinkChange.NONE.withInfo(down.toBuilder().minLinks(2).build()));
    assertThat(((BondInfo) rtnl().link("sbond0").info()).minLinks()).isEqualTo(2);
    BondInfo up = (BondInfo) rtnl().link("sbond0").info();
    assertErrno(() -> rtnl().setLink(index, LinkChange.NONE.withInfo(up.toBuilder().lacpRate(0).build())),
        Errno.EBUSY);
    assertErrno(() -> rtnl().setLink(index, LinkChange.NONE.withInfo(up.toBuilder().mode(BondInfo.BALANCE_XOR)
        .build())), Errno.EBUSY);
    assertThat(((BondInfo) rtnl().link("sbond0").info()).mode()).isEqualTo(BondInfo.IEEE_802_3AD);

    LinkMessage port = create(LinkRequest.of("sv0", new VethInfo("sv1")));
    rtnl().setLink(port.index(), LinkChange.NONE.withMaster(index));
    rtnl().setLink(index, LinkChange.up(false));
    BondInfo withPort = (BondInfo) rtnl().link("sbond0").info();
    assertErrno(() -> rtnl().setLink(index, LinkChange.NONE.withInfo(withPort.toBuilder().failOverMac(1).build())),
        Errno.ENOTEMPTY);
    assertErrno(() -> rtnl().setLink(index, LinkChange.NONE.withInfo(withPort.toBuilder()
        .mode(BondInfo.ACTIVE_BACKUP).build())), Errno.ENOTEMPTY);
  }

  @Test
  default void aVrfReportsItsTableAndTakesPorts() throws Exception {
    LinkMessage vrf = create(LinkRequest.of("svrf0", new VrfInfo(10)));
    assertThat(vrf.kind()).isEqualTo("vrf");
    assertThat(vrf.info()).isEqualTo(new VrfInfo(10));
    assertThat(vrf.hasFlags(Iff.MASTER | Iff.NOARP)).isTrue();
    assertThat(vrf.mtu()).as("IP6_MAX_MTU").isEqualTo(65575);
    LinkMessage port = create(LinkRequest.of("sv0", new VethInfo("sv1")));
    rtnl().setLink(port.index(), LinkChange.NONE.withMaster(vrf.index()));
    assertThat(rtnl().link("sv0").masterIndex()).isEqualTo(vrf.index());
    assertThat(rtnl().link("sv0").slaveKind()).isEqualTo("vrf");
    assertErrno(() -> rtnl().createLink(LinkRequest.of("svrf1", new VrfInfo(0))), Errno.EINVAL);
    assertErrno(() -> rtnl().setLink(vrf.index(), LinkChange.NONE.withInfo(new VrfInfo(11))), Errno.EOPNOTSUPP);
  }

  @Test
  default void aDummyIsAnEtherLinkWithoutKindData() throws Exception {
    LinkMessage dummy = create(LinkRequest.of("sdm0", new DummyInfo()));
    assertThat(dummy.kind()).isEqualTo("dummy");
    assertThat(dummy.type()).isEqualTo(Arphrd.ETHER);
    assertThat(dummy.info()).isNull();
  }

  @Test
  default void aWireguardLinkHasNoHardwareAddress() throws Exception {
    LinkMessage wg = create(LinkRequest.of("swg0", new WireguardInfo()));
    assertThat(wg.kind()).isEqualTo("wireguard");
    assertThat(wg.type()).isEqualTo(Arphrd.NONE);
    assertThat(wg.hardwareAddr()).isEmpty();
    assertThat(wg.mtu()).isEqualTo(1420);
    assertThat(wg.info()).isNull();
  }

  @Test
  default void aLinkCanBeCreatedUpWithItsMtuAddressAndMaster() throws Exception {
    LinkMessage bridge = create(LinkRequest.of("sbr0", new BridgeInfo(0, false)));
    byte[] mac = {0x02, 0x11, 0x22, 0x33, 0x44, 0x55};
    LinkMessage v0 = create(LinkRequest.of("sv0", new VethInfo("sv1")).withMtu(1400).withHardwareAddr(mac)
        .withMaster(bridge.index()).withUp(true));
    assertThat(v0.mtu()).isEqualTo(1400);
    assertThat(v0.hardwareAddr()).isEqualTo(mac);
    assertThat(v0.masterIndex()).isEqualTo(bridge.index());
    assertThat(v0.slaveKind()).isEqualTo("bridge");
    assertThat(v0.hasFlags(Iff.UP)).isTrue();
    assertThat(v0.hasFlags(Iff.LOWER_UP)).as("the peer is down").isFalse();
    assertThat(v0.operState()).isEqualTo(IfOper.LOWERLAYERDOWN);
    assertThat(rtnl().link("sv1").mtu()).as("the peer keeps the default").isEqualTo(1500);
  }

  @Test
  default void setLinkChangesOnlyWhatItSets() throws Exception {
    LinkMessage v0 = create(LinkRequest.of("sv0", new VethInfo("sv1")));
    byte[] mac = {0x02, 0, 0, 0, 0, 0x42};
    rtnl().setLink(v0.index(), LinkChange.NONE.withMtu(9000).withAlias("the uplink").withHardwareAddr(mac));
    LinkMessage changed = rtnl().link("sv0");
    assertThat(changed.mtu()).isEqualTo(9000);
    assertThat(changed.alias()).isEqualTo("the uplink");
    assertThat(changed.hardwareAddr()).isEqualTo(mac);
    assertThat(changed.hasFlags(Iff.UP)).isFalse();
    assertThat(changed.name()).isEqualTo("sv0");

    rtnl().setLink(v0.index(), LinkChange.NONE.withName("sup0"));
    assertThat(rtnl().link("sup0").index()).isEqualTo(v0.index());
    assertThat(rtnl().link("sup0").mtu()).isEqualTo(9000);

    rtnl().setLink(v0.index(), LinkChange.NONE.withAlias(""));
    assertThat(rtnl().link("sup0").alias()).as("an empty alias clears it").isEmpty();
    rtnl().setLink(v0.index(), LinkChange.NONE);
    assertThat(rtnl().link("sup0").mtu()).isEqualTo(9000);
  }

  @Test
  default void bothEndsUpGiveAVethCarrier() throws Exception {
    LinkMessage v0 = create(LinkRequest.of("sv0", new VethInfo("sv1")));
    LinkMessage v1 = rtnl().link("sv1");
    rtnl().setLink(v0.index(), LinkChange.up(true));
    assertThat(rtnl().link("sv0").operState()).isEqualTo(IfOper.LOWERLAYERDOWN);
    rtnl().setLink(v1.index(), LinkChange.up(true));
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
        .until(() -> rtnl().link("sv0").operState() == IfOper.UP && rtnl().link("sv1").operState() == IfOper.UP);
    assertThat(rtnl().link("sv0").hasFlags(Iff.UP | Iff.RUNNING | Iff.LOWER_UP)).isTrue();
    rtnl().setLink(v1.index(), LinkChange.up(false));
    assertThat(rtnl().link("sv1").operState()).isEqualTo(IfOper.DOWN);
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
        .until(() -> rtnl().link("sv0").operState() == IfOper.LOWERLAYERDOWN);
  }

  @Test
  default void aLinkThatIsUpCanBeRenamed() throws Exception {
    // kernels since 6.2 rename live links (older ones answered EBUSY: FakeRtnetlink#refuseLiveRename)
    LinkMessage v0 = create(LinkRequest.of("sv0", new VethInfo("sv1")).withUp(true));
    rtnl().setLink(v0.index(), LinkChange.NONE.withName("slive0"));
    assertThat(rtnl().link("slive0").hasFlags(Iff.UP)).isTrue();
  }

  @Test
  default void setLinkIsRefusedAsTheKernelRefusesIt() throws Exception {
    LinkMessage v0 = create(LinkRequest.of("sv0", new VethInfo("sv1")));
    LinkMessage v1 = rtnl().link("sv1");
    assertErrno(() -> rtnl().setLink(9999, LinkChange.up(true)), Errno.ENODEV);
    assertErrno(() -> rtnl().setLink(v0.index(), LinkChange.NONE.withName("lo")), Errno.EEXIST);
    assertErrno(() -> rtnl().setLink(v0.index(), LinkChange.NONE.withName("bad/name")), Errno.EINVAL);
    assertErrno(() -> rtnl().setLink(v0.index(), LinkChange.NONE.withMtu(67)), Errno.EINVAL);
    assertErrno(() -> rtnl().setLink(v0.index(), LinkChange.NONE.withMtu(70000)), Errno.EINVAL);
    assertErrno(() -> rtnl().setLink(v0.index(), LinkChange.NONE.withMaster(v1.index())), Errno.EOPNOTSUPP);
    assertErrno(() -> rtnl().setLink(v0.index(), LinkChange.NONE.withMaster(9999)), Errno.EINVAL);
    assertErrno(() -> rtnl().setLink(v0.index(), LinkChange.NONE.withHardwareAddr(new byte[] {1, 0, 0, 0, 0, 1})),
        Errno.EADDRNOTAVAIL);
    assertThat(rtnl().link("sv0").masterIndex()).isZero();
  }

  @Test
  default void aPortJoinsAndLeavesABridge() throws Exception {
    LinkMessage bridge = create(LinkRequest.of("sbr0", new BridgeInfo(0, false)));
    LinkMessage v0 = create(LinkRequest.of("sv0", new VethInfo("sv1")));
    rtnl().setLink(v0.index(), LinkChange.NONE.withMaster(bridge.index()));
    assertThat(rtnl().link("sv0").masterIndex()).isEqualTo(bridge.index());
    assertThat(rtnl().link("sv0").slaveKind()).isEqualTo("bridge");
    rtnl().setLink(v0.index(), LinkChange.NONE.withMaster(0));
    assertThat(rtnl().link("sv0").masterIndex()).isZero();
    assertThat(rtnl().link("sv0").slaveKind()).isEmpty();
    rtnl().setLink(v0.index(), LinkChange.NONE.withMaster(0));
    assertThat(rtnl().link("sv0").masterIndex()).as("nomaster twice is no error").isZero();
  }

  @Test
  default void deletingAVethDeletesItsPeerAndDeletingABridgeFreesItsPorts() throws Exception {
    LinkMessage bridge = create(LinkRequest.of("sbr0", new BridgeInfo(0, false)));
    LinkMessage v0 = create(LinkRequest.of("sv0", new VethInfo("sv1")).withMaster(bridge.index()));
    LinkMessage v2 = create(LinkRequest.of("sv2", new VethInfo("sv3")));
    rtnl().deleteLink(bridge.index());
    assertThat(rtnl().link("sv0").masterIndex()).isZero();
    rtnl().deleteLink(v2.index());
    assertErrno(() -> rtnl().link("sv3"), Errno.ENODEV);
    assertThat(rtnl().links()).extracting(LinkMessage::name).as("the kernel registers a veth's peer first")
        .containsExactly("lo", "sv1", "sv0");
    assertErrno(() -> rtnl().deleteLink(v2.index()), Errno.ENODEV);
    assertErrno(() -> rtnl().deleteLink(1), Errno.EOPNOTSUPP);
    assertThat(v0.index()).isPositive();
  }

  @Test
  default void everyChangeIsAnEvent() throws Exception {
    var events = new RecordingListener();
    try (var subscription = rtnl().subscribe(events)) {
      LinkMessage v0 = create(LinkRequest.of("sv0", new VethInfo("sv1")));
      events.await(LinkEvent.Change.NEW, "sv0");
      events.await(LinkEvent.Change.NEW, "sv1");
      rtnl().setLink(v0.index(), LinkChange.NONE.withMtu(1400));
      events.await(LinkEvent.Change.CHANGED, "sv0", l -> l.mtu() == 1400);
      rtnl().setLink(v0.index(), LinkChange.NONE.withAlias("quiet"));
      rtnl().setLink(v0.index(), LinkChange.NONE.withMtu(1300));
      events.await(LinkEvent.Change.CHANGED, "sv0", l -> l.mtu() == 1300);
      assertThat(events.events.stream().takeWhile(e -> e.link().mtu() != 1300))
          .as("the kernel announces no alias of a link that is down").noneMatch(e -> e.link().alias().equals("quiet"));
      assertThat(rtnl().link("sv0").alias()).isEqualTo("quiet");
      rtnl().setLink(v0.index(), LinkChange.up(true));
      rtnl().setLink(v0.index(), LinkChange.NONE.withAlias("a"));
      events.await(LinkEvent.Change.CHANGED, "sv0", l -> l.alias().equals("a"));
      rtnl().setLink(v0.index(), LinkChange.NONE.withName("sv9"));
      events.await(LinkEvent.Change.CHANGED, "sv9");
      rtnl().deleteLink(v0.index());
      events.await(LinkEvent.Change.DELETED, "sv9");
      events.await(LinkEvent.Change.DELETED, "sv1");
    }
  }

  @Test
  default void creationIsRefusedAsTheKernelRefusesIt() throws Exception {
    assertErrno(() -> rtnl().createLink(LinkRequest.of("bad/name", new VethInfo("sv1"))), Errno.EINVAL);
    assertErrno(() -> rtnl().createLink(LinkRequest.of("sv0", new VethInfo("bad name"))), Errno.EINVAL);
    assertErrno(() -> rtnl().createLink(LinkRequest.of("sv0", new VethInfo("sv1")).withMtu(70000)), Errno.EINVAL);
    assertErrno(() -> rtnl().createLink(LinkRequest.of("svx0", VxlanInfo.of(1 << 24, 0))), Errno.ERANGE);
    assertErrno(() -> rtnl().createLink(LinkRequest.of("sv0", new VethInfo("sv1"))
        .withHardwareAddr(new byte[] {1, 2, 3, 4, 5, 6})), Errno.EADDRNOTAVAIL);
    assertErrno(() -> rtnl().createLink(LinkRequest.of("sv0", new VethInfo("sv1")).withMaster(9999)), Errno.EINVAL);
    assertThat(rtnl().links()).extracting(LinkMessage::name).containsExactly("lo");
  }

  @Test
  default void anAliasHoldsAtMost255Bytes() throws Exception {
    LinkMessage v0 = create(LinkRequest.of("sv0", new VethInfo("sv1")));
    rtnl().setLink(v0.index(), LinkChange.NONE.withAlias("a".repeat(255)));
    assertThat(rtnl().link("sv0").alias()).hasSize(255);
    assertErrno(() -> rtnl().setLink(v0.index(), LinkChange.NONE.withAlias("a".repeat(256))), Errno.ERANGE);
  }

  @Test
  default void theHardwareAddressOfAnUpLinkCanChange() throws Exception {
    LinkMessage v0 = create(LinkRequest.of("sv0", new VethInfo("sv1")).withUp(true));
    byte[] mac = {0x02, 0, 0, 0, 0, 0x07};
    rtnl().setLink(v0.index(), LinkChange.NONE.withHardwareAddr(mac));
    assertThat(rtnl().link("sv0").hardwareAddr()).isEqualTo(mac);
    byte[] loMac = {0x02, 0, 0, 0, 0, 0x08};
    rtnl().setLink(1, LinkChange.NONE.withHardwareAddr(loMac));
    assertThat(rtnl().link("lo").hardwareAddr()).as("even the loopback takes one").isEqualTo(loMac);
  }

  @Test
  default void aMacvlanCannotOutgrowItsLowerLink() throws Exception {
    LinkMessage lower = create(LinkRequest.of("sv0", new VethInfo("sv1")).withMtu(1400));
    LinkMessage mv = create(LinkRequest.of("smv0", new MacvlanInfo(MacvlanInfo.BRIDGE)).withParent(lower.index()));
    assertThat(mv.mtu()).isEqualTo(1400);
    assertErrno(() -> rtnl().setLink(mv.index(), LinkChange.NONE.withMtu(1500)), Errno.EINVAL);
    rtnl().setLink(mv.index(), LinkChange.NONE.withMtu(1300));
    assertThat(rtnl().link("smv0").mtu()).isEqualTo(1300);
  }

  @Test
  default void deletingALowerLinkDeletesTheLinksOnIt() throws Exception {
    LinkMessage lower = create(LinkRequest.of("sv0", new VethInfo("sv1")));
    create(LinkRequest.of("smv0", new MacvlanInfo(MacvlanInfo.BRIDGE)).withParent(lower.index()));
    var events = new RecordingListener();
    try (var subscription = rtnl().subscribe(events)) {
      rtnl().deleteLink(lower.index());
      events.await(LinkEvent.Change.DELETED, "smv0");
      events.await(LinkEvent.Change.DELETED, "sv1");
    }
    assertThat(rtnl().links()).extracting(LinkMessage::name).containsExactly("lo");
  }

  @Test
  default void aBridgeHasCarrierOnceAPortHasIt() throws Exception {
    LinkMessage bridge = create(LinkRequest.of("sbr0", new BridgeInfo(0, false)).withUp(true));
    assertThat(bridge.hasFlags(Iff.LOWER_UP)).as("without ports a bridge keeps its carrier").isTrue();
    assertThat(bridge.operState()).isEqualTo(IfOper.UNKNOWN);
    create(LinkRequest.of("sv0", new VethInfo("sv1")).withMaster(bridge.index()));
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
        !rtnl().link("sbr0").hasFlags(Iff.LOWER_UP) && rtnl().link("sbr0").operState() == IfOper.DOWN);
    rtnl().setLink(rtnl().link("sv0").index(), LinkChange.up(true));
    rtnl().setLink(rtnl().link("sv1").index(), LinkChange.up(true));
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
        .until(() -> rtnl().link("sbr0").operState() == IfOper.UP);
    assertThat(rtnl().link("sbr0").hasFlags(Iff.UP | Iff.RUNNING | Iff.LOWER_UP)).isTrue();
  }

  @Test
  default void kindDataChangesInPlaceWhereTheDriverAllows() throws Exception {
    LinkMessage bridge = create(LinkRequest.of("sbr0", new BridgeInfo(0, false)));
    LinkMessage lower = create(LinkRequest.of("sv0", new VethInfo("sv1")));
    LinkMessage mv = create(LinkRequest.of("smv0", new MacvlanInfo(MacvlanInfo.VEPA)).withParent(lower.index()));
    LinkMessage vx = create(LinkRequest.of("svx0", VxlanInfo.of(42, 4789)));
    var events = new RecordingListener();
    try (var subscription = rtnl().subscribe(events)) {
      rtnl().setLink(bridge.index(), LinkChange.NONE.withInfo(new BridgeInfo(1, false)));
      rtnl().setLink(bridge.index(), LinkChange.NONE.withMtu(1400)); // a barrier
      events.await(LinkEvent.Change.CHANGED, "sbr0", l -> l.mtu() == 1400);
      assertThat(events.events.stream().takeWhile(e -> e.link().mtu() != 1400))
          .as("a down link's new kind data is not announced").noneMatch(e -> e.link().name().equals("sbr0"));
    }
    assertThat(rtnl().link("sbr0").info()).isEqualTo(new BridgeInfo(1, false));
    rtnl().setLink(mv.index(), LinkChange.NONE.withInfo(new MacvlanInfo(MacvlanInfo.BRIDGE)));
    assertThat(rtnl().link("smv0").info()).isEqualTo(new MacvlanInfo(MacvlanInfo.BRIDGE));
    rtnl().setLink(vx.index(), LinkChange.NONE.withInfo(new VxlanInfo(42, 4789, null, null, 0, false)));
    assertThat(rtnl().link("svx0").info()).isEqualTo(new VxlanInfo(42, 4789, null, null, 0, false));

    assertErrno(() -> rtnl().setLink(vx.index(), LinkChange.NONE.withInfo(VxlanInfo.of(43, 4789))), Errno.EOPNOTSUPP);
    rtnl().setLink(vx.index(), LinkChange.NONE.withInfo(new VxlanInfo(42, 9999, null, null, 0, false)));
    assertThat(((VxlanInfo) rtnl().link("svx0").info()).port()).as("a change moves no port").isEqualTo(4789);
    assertErrno(() -> rtnl().setLink(bridge.index(), LinkChange.NONE.withInfo(new MacvlanInfo(MacvlanInfo.VEPA))),
        Errno.EOPNOTSUPP);
    assertErrno(() -> rtnl().setLink(lower.index(), LinkChange.NONE.withInfo(new VethInfo("sv9"))),
        Errno.EOPNOTSUPP);
    assertThat(rtnl().link("svx0").info()).isEqualTo(new VxlanInfo(42, 4789, null, null, 0, false));
  }

  @Test
  default void aBridgeRunningStpHasNoCarrierWithoutPorts() throws Exception {
    create(LinkRequest.of("sbr0", new BridgeInfo(1, false)).withUp(true));
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
        !rtnl().link("sbr0").hasFlags(Iff.LOWER_UP) && rtnl().link("sbr0").operState() == IfOper.DOWN);
  }

  private static void assertErrno(ThrowingCallable call, Errno errno) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(errno));
  }
}
