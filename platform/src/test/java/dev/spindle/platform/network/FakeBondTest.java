package dev.spindle.platform.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fake bonding driver's refusals and side effects, as bond_netlink.c and bond_options.c have them. */
class FakeBondTest {
  private static final String DOING = "test";

  @Test
  void aModeWithoutArpMonitoringTurnsMiimonBackOnUnlessTheRequestSaysOtherwise() throws Exception {
    BondInfo arp = FakeBond.newlink(BondInfo.builder(BondInfo.ACTIVE_BACKUP).miimon(0).arpInterval(500)
        .arpValidate(1).build(), DOING);
    assertThat(arp.miimon()).isZero();
    assertThat(arp.arpInterval()).isEqualTo(500);
    BondInfo lacp = FakeBond.changelink(arp, BondInfo.builder(BondInfo.IEEE_802_3AD).build(), false, false, DOING);
    assertThat(lacp.arpInterval()).as("802.3ad drops ARP monitoring").isZero();
    assertThat(lacp.arpValidate()).isZero();
    assertThat(lacp.miimon()).isEqualTo(100);
    BondInfo alb = FakeBond.changelink(lacp, BondInfo.builder(BondInfo.BALANCE_ALB).tlbDynamicLb(0).build(), false,
        false, DOING);
    assertThat(alb.tlbDynamicLb()).as("balance-alb sets tlb_dynamic_lb, not sent in that mode").isEqualTo(1);
  }

  @Test
  void delaysFollowMiimon() throws Exception {
    BondInfo bond = FakeBond.newlink(BondInfo.builder(BondInfo.BALANCE_XOR).miimon(100).updelay(350)
        .downdelay(200).build(), DOING);
    assertThat(bond.updelay()).isEqualTo(300);
    BondInfo faster = FakeBond.changelink(bond, bond.toBuilder().miimon(50).build(), false, false, DOING);
    assertThat(faster.updelay()).as("resent with the new miimon, so the ms stay").isEqualTo(300);
    assertThat(faster.downdelay()).isEqualTo(200);
    BondInfo arp = FakeBond.changelink(faster, faster.toBuilder().miimon(0).arpInterval(100).build(), false, false,
        DOING);
    assertThat(arp.miimon()).isZero();
    assertThat(arp.updelay()).as("zero intervals of zero ms").isZero();
    BondInfo arpOnly = FakeBond.changelink(bond, bond.toBuilder().arpInterval(200).build(), false, false, DOING);
    assertThat(arpOnly.miimon()).as("ARP monitoring turns MII monitoring off").isZero();
    assertThat(arpOnly.arpInterval()).isEqualTo(200);
  }

  @Test
  void refusalsCarryTheKernelsErrno() {
    BondInfo lacp = BondInfo.builder(BondInfo.IEEE_802_3AD).build();
    record Row(String what, BondInfo current, BondInfo wanted, boolean up, boolean ports, Errno errno) {}
    for (Row row : List.of(
        new Row("mode 7", null, BondInfo.builder(7).build(), false, false, Errno.EINVAL),
        new Row("a new mode while up", lacp, BondInfo.builder(1).build(), true, false, Errno.EBUSY),
        new Row("a new mode with ports", lacp, BondInfo.builder(1).build(), false, true, Errno.ENOTEMPTY),
        new Row("the LACP rate while up", lacp, lacp.toBuilder().lacpRate(1).build(), true, false, Errno.EBUSY),
        new Row("fail_over_mac with ports", lacp, lacp.toBuilder().failOverMac(1).build(), false, true,
            Errno.ENOTEMPTY),
        new Row("ARP next to MII monitoring", null, BondInfo.builder(0).miimon(100).arpInterval(100).build(), false,
            false, Errno.EINVAL),
        new Row("ARP validation next to MII monitoring", null, BondInfo.builder(1).arpValidate(1).build(), false,
            false, Errno.EINVAL),
        new Row("peer_notif_delay over 300 s", null, BondInfo.builder(1).peerNotifyDelay(300_100).build(), false,
            false, Errno.ERANGE),
        new Row("lp_interval 0", null, BondInfo.builder(1).lpInterval(0).build(), false, false, Errno.EINVAL),
        new Row("ad_actor_sys_prio 0", null, lacp.toBuilder().adActorSysPrio(0).build(), false, false, Errno.EINVAL),
        new Row("ad_user_port_key 1024", null, lacp.toBuilder().adUserPortKey(1024).build(), false, false,
            Errno.EINVAL),
        new Row("a multicast actor system", null, lacp.toBuilder().adActorSystem(new byte[] {1, 0, 0, 0, 0, 1})
            .build(), false, false, Errno.EINVAL),
        new Row("a broadcast ARP target", null, BondInfo.builder(1).miimon(0).arpInterval(100)
            .arpIpTargets(List.of(new byte[] {-1, -1, -1, -1})).build(), false, false, Errno.EINVAL),
        new Row("missed_max 0", null, BondInfo.builder(1).missedMax(0).build(), false, false, Errno.EINVAL))) {
      assertThatThrownBy(() -> {
        if (row.current() == null) {
          FakeBond.newlink(row.wanted(), DOING);
        } else {
          FakeBond.changelink(row.current(), row.wanted(), row.up(), row.ports(), DOING);
        }
      }).as(row.what()).isInstanceOfSatisfying(NetlinkException.class,
          e -> assertThat(e.errno()).isEqualTo(row.errno()));
    }
  }

  @Test
  void unchangedSettingsAreNotRefusedWhileUpOrWithPorts() throws Exception {
    BondInfo lacp = FakeBond.newlink(BondInfo.builder(BondInfo.IEEE_802_3AD).lacpRate(1).build(), DOING);
    assertThat(FakeBond.changelink(lacp, lacp, true, true, DOING)).isEqualTo(lacp);
    assertThat(FakeBond.changelink(lacp, lacp.toBuilder().minLinks(2).build(), true, true, DOING).minLinks())
        .isEqualTo(2);
  }
}
