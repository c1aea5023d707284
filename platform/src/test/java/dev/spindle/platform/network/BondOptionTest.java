package dev.spindle.platform.network;

import static dev.spindle.platform.network.BondOption.AD_ACTOR_SYSTEM;
import static dev.spindle.platform.network.BondOption.AD_LACP_ACTIVE;
import static dev.spindle.platform.network.BondOption.AD_LACP_RATE;
import static dev.spindle.platform.network.BondOption.ARP_INTERVAL;
import static dev.spindle.platform.network.BondOption.ARP_IP_TARGET;
import static dev.spindle.platform.network.BondOption.ARP_VALIDATE;
import static dev.spindle.platform.network.BondOption.DOWNDELAY;
import static dev.spindle.platform.network.BondOption.FAIL_OVER_MAC;
import static dev.spindle.platform.network.BondOption.MIIMON;
import static dev.spindle.platform.network.BondOption.MISSED_MAX;
import static dev.spindle.platform.network.BondOption.MODE;
import static dev.spindle.platform.network.BondOption.PACKETS_PER_SLAVE;
import static dev.spindle.platform.network.BondOption.PEER_NOTIF_DELAY;
import static dev.spindle.platform.network.BondOption.PRIMARY;
import static dev.spindle.platform.network.BondOption.TLB_DYNAMIC_LB;
import static dev.spindle.platform.network.BondOption.UPDELAY;
import static dev.spindle.platform.network.BondOption.USE_CARRIER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which bond settings a request carries, table by table, against the rules of the kernel's bond_options.c. */
class BondOptionTest {
  private static final BondInfo LACP = BondInfo.builder(BondInfo.IEEE_802_3AD).build();

  @Test
  void theKernelsModeRulesHold() {
    record Row(BondOption option, List<Integer> modes) {}
    var all = List.of(0, 1, 2, 3, 4, 5, 6);
    for (Row row : List.of(new Row(MODE, all), new Row(MIIMON, all), new Row(FAIL_OVER_MAC, all),
        new Row(ARP_INTERVAL, List.of(0, 1, 2, 3)), new Row(ARP_VALIDATE, List.of(0, 1, 2, 3)),
        new Row(MISSED_MAX, List.of(0, 1, 2, 3)), new Row(PRIMARY, List.of(1, 5, 6)),
        new Row(PACKETS_PER_SLAVE, List.of(0)), new Row(AD_LACP_RATE, List.of(4)), new Row(AD_LACP_ACTIVE, List.of(4)),
        new Row(AD_ACTOR_SYSTEM, List.of(4)), new Row(TLB_DYNAMIC_LB, List.of(5)))) {
      for (int mode : all) {
        assertThat(row.option().accepts(mode)).as(row.option() + " in mode " + mode)
            .isEqualTo(row.modes().contains(mode));
      }
    }
    assertThat(MODE.needsNoPorts() && MODE.needsDown()).isTrue();
    assertThat(FAIL_OVER_MAC.needsNoPorts()).isTrue();
    assertThat(AD_LACP_RATE.needsDown() && TLB_DYNAMIC_LB.needsDown()).isTrue();
    assertThat(MIIMON.needsDown() || MIIMON.needsNoPorts()).isFalse();
  }

  @Test
  void aNewBondCarriesWhatItsModeTakes() {
    record Row(String what, BondInfo wanted, List<BondOption> in, List<BondOption> out) {}
    for (Row row : List.of(
        new Row("802.3ad", LACP, List.of(MODE, MIIMON, UPDELAY, AD_LACP_RATE, AD_LACP_ACTIVE),
            List.of(ARP_INTERVAL, ARP_VALIDATE, MISSED_MAX, PACKETS_PER_SLAVE, PRIMARY, TLB_DYNAMIC_LB,
                AD_ACTOR_SYSTEM, ARP_IP_TARGET, USE_CARRIER)),
        new Row("use_carrier off", BondInfo.builder(0).useCarrier(false).build(), List.of(USE_CARRIER),
            List.of(AD_LACP_RATE)),
        new Row("802.3ad without miimon", LACP.toBuilder().miimon(0).updelay(100).build(), List.of(MIIMON),
            List.of(UPDELAY, DOWNDELAY, PEER_NOTIF_DELAY)),
        new Row("active-backup with a primary and ARP targets", BondInfo.builder(BondInfo.ACTIVE_BACKUP).miimon(0)
            .primaryIndex(4).arpInterval(100).arpIpTargets(List.of(new byte[] {10, 0, 0, 1})).build(),
            List.of(PRIMARY, ARP_INTERVAL, ARP_IP_TARGET, ARP_VALIDATE, MISSED_MAX), List.of(UPDELAY, AD_LACP_RATE)),
        new Row("802.3ad with an actor system",
            LACP.toBuilder().adActorSystem(new byte[] {2, 0, 0, 0, 0, 1}).build(), List.of(AD_ACTOR_SYSTEM),
            List.of(ARP_INTERVAL)),
        new Row("balance-tlb", BondInfo.builder(BondInfo.BALANCE_TLB).build(), List.of(TLB_DYNAMIC_LB),
            List.of(ARP_INTERVAL, PRIMARY)))) {
      List<BondOption> sent = BondOption.toSend(row.wanted(), null);
      assertThat(sent).as(row.what()).containsAll(row.in()).doesNotContainAnyElementsOf(row.out());
      assertThat(sent).as("in the kernel's order").isSorted();
    }
  }

  @Test
  void aChangeCarriesWhatDiffers() {
    record Row(String what, BondInfo current, BondInfo wanted, List<BondOption> sent) {}
    BondInfo backup = BondInfo.builder(BondInfo.ACTIVE_BACKUP).updelay(200).build();
    for (Row row : List.of(
        new Row("nothing", LACP, LACP, List.of()),
        new Row("the LACP rate", LACP, LACP.toBuilder().lacpRate(1).build(), List.of(AD_LACP_RATE)),
        new Row("miimon: the delays again", backup, backup.toBuilder().miimon(50).build(),
            List.of(MIIMON, UPDELAY, DOWNDELAY, PEER_NOTIF_DELAY)),
        new Row("miimon off: no delays", backup, backup.toBuilder().miimon(0).arpInterval(100).build(),
            List.of(MIIMON, ARP_INTERVAL)),
        new Row("primary cleared", backup.toBuilder().primaryIndex(3).build(), backup, List.of(PRIMARY)),
        new Row("targets cleared", backup.toBuilder().arpIpTargets(List.of(new byte[] {10, 0, 0, 1})).build(),
            backup, List.of(ARP_IP_TARGET)))) {
      assertThat(BondOption.toSend(row.wanted(), row.current())).as(row.what()).isEqualTo(row.sent());
    }
    assertThat(BondOption.toSend(backup, LACP)).as("a new mode: the whole bond, mode first")
        .isEqualTo(BondOption.toSend(backup, null)).startsWith(MODE);
    assertThat(BondOption.toSend(backup, LACP.toBuilder().useCarrier(false).primaryIndex(2).build()))
        .as("defaults no mode change touches go when the bond differs").contains(USE_CARRIER, PRIMARY);
  }
}
