package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.platform.network.BondInfo;
import dev.spindle.platform.network.BridgeInfo;
import dev.spindle.platform.network.Iff;
import dev.spindle.platform.network.LinkChange;
import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.network.VlanInfo;
import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.network.BondMasterSpec;
import dev.spindle.resources.network.BondMode;
import dev.spindle.resources.network.BondSlave;
import dev.spindle.resources.network.BondXmitHashPolicy;
import dev.spindle.resources.network.BridgeMasterSpec;
import dev.spindle.resources.network.BridgeVlanSpec;
import dev.spindle.resources.network.LacpRate;
import dev.spindle.resources.network.StpSpec;
import dev.spindle.resources.network.LinkSpec;
import dev.spindle.resources.network.LinkType;
import dev.spindle.resources.network.VlanProtocol;
import dev.spindle.resources.network.VlanSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** LinkPlan with plain values: what it creates, changes, deletes, waits for and leaves alone. */
class LinkPlanTest {
  private static final LinkMessage ETH0 = LinkMessage.builder(2, "eth0").flags(Iff.UP).mtu(1500).build();
  private static final LinkMessage BOND0 = LinkMessage.builder(5, "bond0").kind("bond").mtu(1500).build();

  private static LinkPlan.Desired want(LinkSpec spec) {
    return new LinkPlan.Desired(spec.name(), spec, false);
  }

  private static LinkSpec.Builder logical(String name, String kind) {
    return LinkSpec.builder(name, ConfigLayer.CONFIGURATION).logical(true).up(true).kind(kind).type(LinkType.ETHER);
  }

  @Test
  void aSpecTheKernelAlreadyMatchesPlansNothing() {
    var plan = LinkPlan.plan(List.of(want(LinkSpec.builder("eth0", ConfigLayer.DEFAULT).up(true).build())),
        List.of(ETH0), Set.of());
    assertThat(plan.steps()).isEmpty();
    assertThat(plan.waiting()).isEmpty();
  }

  @Test
  void onlyWhatDiffersIsChanged() {
    var plan = LinkPlan.plan(List.of(want(LinkSpec.builder("eth0", ConfigLayer.CONFIGURATION).up(true).mtu(9000)
        .build())), List.of(ETH0), Set.of());
    assertThat(plan.steps()).containsExactly(new LinkPlan.Change("eth0", 2, "eth0", LinkChange.NONE.withMtu(9000)));
  }

  @Test
  void aBondPortThatIsUpIsTakenDownToBeEnslaved() {
    var port = LinkSpec.builder("eth0", ConfigLayer.CONFIGURATION).up(true).bondSlave(new BondSlave("bond0", 0))
        .build();
    var plan = LinkPlan.plan(List.of(want(port)), List.of(ETH0, BOND0), Set.of());
    assertThat(plan.steps()).containsExactly(new LinkPlan.Change("eth0", 2, "eth0",
        LinkChange.NONE.withMaster(5).withUp(false)));
    // once enslaved (and down), the next pass brings it up
    var enslaved = ETH0.toBuilder().flags(0).masterIndex(5).build();
    assertThat(LinkPlan.plan(List.of(want(port)), List.of(enslaved, BOND0), Set.of()).steps())
        .containsExactly(new LinkPlan.Change("eth0", 2, "eth0", LinkChange.NONE.withUp(true)));
  }

  @Test
  void missingLinksWaitAndMissingLogicalLinksAreCreatedOnTheirParent() {
    var vlan = logical("eth0.24", "vlan").parentName("eth0").vlan(new VlanSpec(24, VlanProtocol.IEEE_802_1Q)).build();
    var plan = LinkPlan.plan(List.of(want(vlan), want(LinkSpec.builder("eth9", ConfigLayer.CONFIGURATION).up(true)
        .build()), want(logical("eth1.5", "vlan").parentName("eth1").vlan(new VlanSpec(5, VlanProtocol.IEEE_802_1Q))
        .build())), List.of(ETH0), Set.of());
    assertThat(plan.waiting()).containsExactly("eth9", "eth1.5");
    assertThat(plan.steps()).singleElement().isInstanceOfSatisfying(LinkPlan.Create.class, c -> {
      assertThat(c.request().name()).isEqualTo("eth0.24");
      assertThat(c.request().parentIndex()).isEqualTo(2);
      assertThat(c.request().info()).isEqualTo(new VlanInfo(24, VlanInfo.P_8021Q));
    });
  }

  @Test
  void anotherKindIsReplacedOnlyWhenSpindleCreatedItAndTearDownDeletesOnlyItsOwn() {
    var bridge = logical("br0", "bridge").build();
    var dummy = LinkMessage.builder(7, "br0").kind("dummy").build();
    var foreign = LinkPlan.plan(List.of(want(bridge)), List.of(dummy), Set.of());
    assertThat(foreign.steps()).isEmpty();
    assertThat(foreign.conflicts()).containsExactly("br0");

    var ours = LinkPlan.plan(List.of(want(bridge)), List.of(dummy), Set.of("br0"));
    assertThat(ours.steps()).hasSize(2).first().isEqualTo(new LinkPlan.Delete("br0", 7, "br0"));
    assertThat(ours.steps().get(1)).isInstanceOfSatisfying(LinkPlan.Create.class,
        c -> assertThat(c.request().info()).isEqualTo(new BridgeInfo(0, false)));

    var gone = new LinkPlan.Desired("br0", bridge, true);
    assertThat(LinkPlan.plan(List.of(gone), List.of(dummy), Set.of()).steps()).isEmpty();
    assertThat(LinkPlan.plan(List.of(gone), List.of(dummy), Set.of("br0")).steps())
        .containsExactly(new LinkPlan.Delete("br0", 7, "br0"));
    assertThat(LinkPlan.plan(List.of(gone), List.of(dummy), Set.of()).released()).containsExactly("br0");
  }

  @Test
  void bridgeSettingsChangeInPlace() {
    var bridge = logical("br0", "bridge").bridgeMaster(new BridgeMasterSpec(new StpSpec(true),
        new BridgeVlanSpec(true))).build();
    var kernel = LinkMessage.builder(7, "br0").kind("bridge").type(1).flags(Iff.UP).info(new BridgeInfo(0, false)).build();
    assertThat(LinkPlan.plan(List.of(want(bridge)), List.of(kernel), Set.of()).steps()).containsExactly(
        new LinkPlan.Change("br0", 7, "br0", LinkChange.NONE.withInfo(new BridgeInfo(1, true))));
    // a user-space STP daemon makes the kernel report 2: still "on"
    var userStp = kernel.toBuilder().info(new BridgeInfo(2, true)).build();
    assertThat(LinkPlan.plan(List.of(want(bridge)), List.of(userStp), Set.of()).steps()).isEmpty();
  }

  @Test
  void aLinkWithoutMasterInItsSpecIsReleasedOnlyFromAMasterSpindleManages() {
    var eth0 = LinkSpec.builder("eth0", ConfigLayer.CONFIGURATION).up(true).build();
    var inBond = ETH0.toBuilder().masterIndex(5).build();
    assertThat(LinkPlan.plan(List.of(want(eth0)), List.of(inBond, BOND0), Set.of("bond0")).steps())
        .containsExactly(new LinkPlan.Change("eth0", 2, "eth0", LinkChange.NONE.withMaster(0)));
    var bond = logical("bond0", "bond").build();
    assertThat(LinkPlan.plan(List.of(want(eth0), want(bond)), List.of(inBond, BOND0), Set.of()).steps())
        .contains(new LinkPlan.Change("eth0", 2, "eth0", LinkChange.NONE.withMaster(0)));
    // someone else's bridge keeps its port
    assertThat(LinkPlan.plan(List.of(want(eth0)), List.of(inBond, BOND0), Set.of()).steps()).isEmpty();
  }

  @Test
  void anotherLinkTypeOrBondModeIsReplacedWhenSpindleCreatedIt() {
    var wg = logical("wg0", "wireguard").type(LinkType.NONE).build();
    var ether = LinkMessage.builder(9, "wg0").kind("wireguard").type(1).build();
    assertThat(LinkPlan.plan(List.of(want(wg)), List.of(ether), Set.of("wg0")).steps()).first()
        .isEqualTo(new LinkPlan.Delete("wg0", 9, "wg0"));
    assertThat(LinkPlan.plan(List.of(want(wg)), List.of(ether), Set.of()).conflicts()).containsExactly("wg0");

    var lacp = logical("bond0", "bond").bondMaster(BondSettings.withDefaults(bondSpec(BondMode.IEEE_802_3AD)))
        .build();
    var rr = BOND0.toBuilder().type(1).info(BondInfo.builder(BondInfo.BALANCE_RR).build()).build();
    var plan = LinkPlan.plan(List.of(want(lacp)), List.of(rr), Set.of("bond0"));
    assertThat(plan.steps()).first().isEqualTo(new LinkPlan.Delete("bond0", 5, "bond0"));
    assertThat(plan.steps().get(1)).isInstanceOfSatisfying(LinkPlan.Create.class, c -> {
      var info = (BondInfo) c.request().info();
      assertThat(info.mode()).isEqualTo(BondInfo.IEEE_802_3AD);
      assertThat(info.lacpRate()).isEqualTo(1);
      assertThat(info.xmitHashPolicy()).isEqualTo(1);
      assertThat(info.minLinks()).isEqualTo(1);
      assertThat(info.adActorSysPrio()).isEqualTo(65535);
    });
  }

  @Test
  void aBondGetsTheSettingsThatDifferInPlace() {
    var spec = logical("bond0", "bond").bondMaster(BondSettings.withDefaults(bondSpec(BondMode.ACTIVE_BACKUP)))
        .build();
    BondInfo asSpecified = LinkPlan.bond(spec.bondMaster(), Map.of());
    var slower = BOND0.toBuilder().type(1).info(asSpecified.toBuilder().miimon(200).minLinks(0).build()).build();
    assertThat(LinkPlan.plan(List.of(want(spec)), List.of(slower), Set.of()).steps()).singleElement()
        .isInstanceOfSatisfying(LinkPlan.Change.class, c -> {
          assertThat(c.change().info()).isEqualTo(asSpecified);
          assertThat(c.change().up()).as("the bond was down, the spec wants it up").isTrue();
        });
    var same = BOND0.toBuilder().type(1).flags(Iff.UP).info(asSpecified).build();
    assertThat(LinkPlan.plan(List.of(want(spec)), List.of(same), Set.of()).steps()).isEmpty();
  }

  @Test
  void anLacpSettingOfAnUpBondWaitsForTheBondToBeDown() {
    var spec = logical("bond0", "bond").bondMaster(BondSettings.withDefaults(bondSpec(BondMode.IEEE_802_3AD)))
        .build();
    BondInfo asSpecified = LinkPlan.bond(spec.bondMaster(), Map.of());
    BondInfo slow = asSpecified.toBuilder().lacpRate(0).build();
    var up = BOND0.toBuilder().type(1).flags(Iff.UP).info(slow).build();
    assertThat(LinkPlan.plan(List.of(want(spec)), List.of(up), Set.of()).steps())
        .containsExactly(new LinkPlan.Change("bond0", 5, "bond0", LinkChange.NONE.withUp(false)));
    var down = up.toBuilder().flags(0).build();
    assertThat(LinkPlan.plan(List.of(want(spec)), List.of(down), Set.of()).steps())
        .containsExactly(new LinkPlan.Change("bond0", 5, "bond0", LinkChange.NONE.withInfo(asSpecified).withUp(true)));
  }

  @Test
  void whatTheKernelNormalisesIsNoDifference() {
    var rounded = new BondMasterSpec(BondMode.ACTIVE_BACKUP, BondXmitHashPolicy.LAYER3_4, LacpRate.FAST, null, null,
        3, null, null, null, 100, 250, 0, 0, 0, 1, 0, 0, 0, 0, 0, true, 0, 0, 150, null, null, null, 0, null);
    var spec = logical("bond0", "bond").bondMaster(BondSettings.withDefaults(rounded)).build();
    BondInfo asSpecified = LinkPlan.bond(spec.bondMaster(), Map.of());
    assertThat(asSpecified.updelay()).isEqualTo(250);
    BondInfo kernel = asSpecified.toBuilder().updelay(200).peerNotifyDelay(100).primaryIndex(0).build();
    var bond = BOND0.toBuilder().type(1).flags(Iff.UP).info(kernel).build();
    assertThat(LinkPlan.plan(List.of(want(spec)), List.of(bond), Set.of()).steps())
        .as("delays as multiples of miimon; a primary not yet enslaved is not reported").isEmpty();
    assertThat(LinkPlan.asTheKernelKeepsIt(asSpecified.toBuilder().arpInterval(500).build(), kernel).miimon())
        .as("MII and ARP monitoring at once: left as the kernel has it").isEqualTo(kernel.miimon());
  }

  @Test
  void anotherFailOverMacIsANewBond() {
    var spec = logical("bond0", "bond").bondMaster(BondSettings.withDefaults(bondSpec(BondMode.ACTIVE_BACKUP)))
        .build();
    BondInfo follow = LinkPlan.bond(spec.bondMaster(), Map.of()).toBuilder().failOverMac(2).build();
    var bond = BOND0.toBuilder().type(1).info(follow).build();
    assertThat(LinkPlan.plan(List.of(want(spec)), List.of(bond), Set.of("bond0")).steps()).first()
        .isEqualTo(new LinkPlan.Delete("bond0", 5, "bond0"));
    assertThat(LinkPlan.plan(List.of(want(spec)), List.of(bond), Set.of()).conflicts()).containsExactly("bond0");
  }

  private static BondMasterSpec bondSpec(BondMode mode) {
    return new BondMasterSpec(mode, BondXmitHashPolicy.LAYER3_4, LacpRate.FAST, null, null, null, null, null, null,
        100, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, true, 0, 0, 0, null, null, null, 0, null);
  }
}
