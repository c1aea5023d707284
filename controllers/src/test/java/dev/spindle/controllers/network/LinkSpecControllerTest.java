package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spindle.platform.network.BondInfo;
import dev.spindle.platform.network.DummyInfo;
import dev.spindle.platform.network.FakeRtnetlink;
import dev.spindle.platform.network.Iff;
import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.network.LinkRequest;
import dev.spindle.platform.network.NetlinkException;
import dev.spindle.platform.network.VlanInfo;
import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.network.BondMasterSpec;
import dev.spindle.resources.network.BondMode;
import dev.spindle.resources.network.BondSlave;
import dev.spindle.resources.network.BridgeSlave;
import dev.spindle.resources.network.LinkSpec;
import dev.spindle.resources.network.LinkType;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.VlanProtocol;
import dev.spindle.resources.network.VlanSpec;
import dev.spindle.runtime.testing.ControllerHarness;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Merged LinkSpecs → the fake kernel's links: created, configured, restored, deleted only when Spindle made them. */
class LinkSpecControllerTest {
  private final FakeRtnetlink kernel = FakeRtnetlink.simulatedNode();

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new LinkSpecController(kernel));

  private void spec(LinkSpec spec) {
    h.create(LinkSpec.DEFINITION, spec.name(), spec);
  }

  private static LinkSpec.Builder logical(String name, String kind) {
    return LinkSpec.builder(name, ConfigLayer.CONFIGURATION).logical(true).up(true).kind(kind).type(LinkType.ETHER);
  }

  private Optional<LinkMessage> link(String name) throws NetlinkException {
    return kernel.links().stream().filter(l -> l.name().equals(name)).findFirst();
  }

  private LinkMessage awaitLink(String name, java.util.function.Predicate<LinkMessage> condition)
      throws NetlinkException {
    await().atMost(Duration.ofSeconds(10)).until(() -> link(name).filter(condition).isPresent());
    return link(name).orElseThrow();
  }

  private int index(String name) throws NetlinkException {
    return kernel.link(name).index();
  }

  @Test
  void aBridgeIsCreatedWithItsMtuAndItsPortEnslavedAndUp() throws Exception {
    spec(logical("br0", "bridge").mtu(1400).build());
    spec(LinkSpec.builder("eth1", ConfigLayer.CONFIGURATION).up(true).bridgeSlave(new BridgeSlave("br0")).build());
    LinkMessage bridge = awaitLink("br0", l -> l.kind().equals("bridge") && l.hasFlags(Iff.UP));
    assertThat(bridge.mtu()).isEqualTo(1400);
    awaitLink("eth1", l -> l.masterIndex() == bridge.index() && l.hasFlags(Iff.UP));
    h.awaitResource(LinkSpec.DEFINITION, "br0", r -> assertThat(r.metadata().finalizers())
        .contains("network.LinkSpecController"));
  }

  @Test
  void aBondPortThatIsUpIsTakenDownEnslavedAndBroughtUpAgain() throws Exception {
    var settings = new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
        {"mode": "active-backup", "miimon": 100}""");
    BondMasterSpec bondMaster = BondSettings.legacy(settings, name -> name);
    assertThat(bondMaster.mode()).isEqualTo(BondMode.ACTIVE_BACKUP);
    spec(logical("bond0", "bond").bondMaster(bondMaster).build());
    assertThat(kernel.link("eth0").hasFlags(Iff.UP)).isTrue();
    spec(LinkSpec.builder("eth0", ConfigLayer.CONFIGURATION).up(true).bondSlave(new BondSlave("bond0", 0)).build());
    LinkMessage bond = awaitLink("bond0", l -> l.kind().equals("bond"));
    awaitLink("eth0", l -> l.masterIndex() == bond.index() && l.hasFlags(Iff.UP));
  }

  @Test
  void aBondsNewSettingsAreAppliedInPlaceTheLacpOnesWhileItIsDown() throws Exception {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    BondMasterSpec slow = BondSettings.legacy(mapper.readTree("""
        {"mode": "802.3ad", "miimon": 100, "lacpRate": "slow"}"""), name -> name);
    spec(logical("bond0", "bond").bondMaster(slow).build());
    LinkMessage created = awaitLink("bond0", l -> l.kind().equals("bond") && l.hasFlags(Iff.UP));
    BondMasterSpec fast = BondSettings.legacy(mapper.readTree("""
        {"mode": "802.3ad", "miimon": 200, "updelay": 400, "lacpRate": "fast"}"""), name -> name);
    h.updateSpec(LinkSpec.DEFINITION, "bond0", logical("bond0", "bond").bondMaster(fast).build());
    LinkMessage changed = awaitLink("bond0", l -> l.info() instanceof BondInfo b && b.lacpRate() == 1
        && l.hasFlags(Iff.UP));
    BondInfo now = (BondInfo) changed.info();
    assertThat(changed.index()).as("changed in place, not created again").isEqualTo(created.index());
    assertThat(now.miimon()).isEqualTo(200);
    assertThat(now.updelay()).isEqualTo(400);
    assertThat(now.mode()).isEqualTo(BondInfo.IEEE_802_3AD);
  }

  @Test
  void aVlanWaitsForItsParentAndALinkDeletedBehindItIsCreatedAgain() throws Exception {
    spec(logical("dummy9.10", "vlan").parentName("dummy9").vlan(new VlanSpec(10, VlanProtocol.IEEE_802_1Q)).build());
    spec(logical("dummy9", "dummy").build());
    LinkMessage vlan = awaitLink("dummy9.10", l -> l.info() instanceof VlanInfo v && v.id() == 10);
    assertThat(vlan.parentIndex()).isEqualTo(index("dummy9"));
    kernel.deleteLink(vlan.index());
    awaitLink("dummy9.10", l -> l.index() != vlan.index() && l.hasFlags(Iff.UP));
  }

  @Test
  void aRemovedSpecDeletesTheLinkSpindleCreatedButNeverOneItFound() throws Exception {
    kernel.createLink(LinkRequest.of("found0", new DummyInfo()));
    spec(logical("made0", "dummy").build());
    spec(logical("found0", "dummy").build());
    awaitLink("made0", l -> l.hasFlags(Iff.UP));
    awaitLink("found0", l -> l.hasFlags(Iff.UP)); // configured, though not created, by Spindle

    for (String id : new String[] {"made0", "found0"}) {
      var pointer = LinkSpec.DEFINITION.pointer(Namespaces.NETWORK, id);
      h.state().teardown(pointer);
      await().atMost(Duration.ofSeconds(10)).until(() -> h.state().get(pointer).metadata().finalizers().isEmpty());
      h.destroy(pointer);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> link("made0").isEmpty());
    assertThat(link("found0")).isPresent();
    assertThat(link("eth0")).isPresent();
  }

  @Test
  void aLinkOfAnotherKindThatSpindleDidNotCreateIsLeftAlone() throws Exception {
    kernel.createLink(LinkRequest.of("br7", new DummyInfo()));
    int before = index("br7");
    spec(logical("br7", "bridge").build());
    spec(logical("br8", "bridge").build()); // a later pass has certainly run once this exists
    awaitLink("br8", l -> l.kind().equals("bridge"));
    assertThat(kernel.link("br7").kind()).isEqualTo("dummy");
    assertThat(index("br7")).isEqualTo(before);
  }

  @Test
  void aVlanWithAnotherIdIsReplacedWhenSpindleCreatedIt() throws Exception {
    spec(logical("eth1.5", "vlan").parentName("eth1").vlan(new VlanSpec(5, VlanProtocol.IEEE_802_1Q)).build());
    LinkMessage first = awaitLink("eth1.5", l -> l.info() instanceof VlanInfo v && v.id() == 5);
    h.updateSpec(LinkSpec.DEFINITION, "eth1.5", logical("eth1.5", "vlan").parentName("eth1")
        .vlan(new VlanSpec(6, VlanProtocol.IEEE_802_1Q)).build());
    LinkMessage second = awaitLink("eth1.5", l -> l.info() instanceof VlanInfo v && v.id() == 6);
    assertThat(second.index()).isNotEqualTo(first.index());
  }
}
