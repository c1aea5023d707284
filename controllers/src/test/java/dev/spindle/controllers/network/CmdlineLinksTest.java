package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.network.BondMasterSpec;
import dev.spindle.resources.network.BondMode;
import dev.spindle.resources.network.BondSlave;
import dev.spindle.resources.network.BondXmitHashPolicy;
import dev.spindle.resources.network.LinkSpec;
import dev.spindle.resources.network.LinkType;
import dev.spindle.resources.network.VlanProtocol;
import dev.spindle.resources.network.VlanSpec;
import dev.spindle.resources.runtime.KernelArgs;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The {@code cmdline} layer's links, Talos's {@code cmdline_test.go} vectors for {@code ip=}, {@code bond=} and
 * {@code vlan=}. */
class CmdlineLinksTest {
  private static List<LinkSpec> parse(String cmdline) throws CmdlineNetworkException {
    KernelArgs args = KernelArgs.parse(cmdline);
    return CmdlineLinks.parse(args, CmdlineNetwork.parse(args, CmdlineNetworkTest.LINKS), CmdlineNetworkTest.LINKS);
  }

  private static LinkSpec up(String name) {
    return LinkSpec.builder(name, ConfigLayer.CMDLINE).up(true).build();
  }

  private static LinkSpec vlan(String name, String parent, int vid) {
    return LinkSpec.builder(name, ConfigLayer.CMDLINE).logical(true).up(true).kind("vlan").type(LinkType.ETHER)
        .parentName(parent).vlan(new VlanSpec(vid, VlanProtocol.IEEE_802_1Q)).build();
  }

  @Test
  void eachIpGivesOneUpLink() throws CmdlineNetworkException {
    assertThat(parse("")).isEmpty();
    assertThat(parse("ip=172.20.0.2::172.20.0.1:255.255.255.0::eth1::::: ip=eth3:dhcp ip=:::::eth4:dhcp::::"))
        .containsExactly(up("eth1"), up("eth3"), up("eth4"));
    assertThat(parse("ip=dhcp")).isEmpty();
  }

  @Test
  void aVlanThatAnIpNamedIsUpgradedInPlace() throws CmdlineNetworkException {
    assertThat(parse("vlan=eth1.169:eth1 ip=172.20.0.2::172.20.0.1:255.255.255.0::eth1.169:::::"))
        .containsExactly(vlan("eth1.169", "eth1", 169));
  }

  @ParameterizedTest
  @CsvSource({
      "vlan=eth1.5:eth1, eth1.5, eth1, 5",
      "vlan=vlan0008:eth1, eth1.8, eth1, 8",
      "vlan=vlan4095:eth1, eth1.4095, eth1, 4095",
      "vlan=vlan4095:enxa, enxa.4095, eth31, 4095",
      "vlan=vlan5:enx0123456789ab, enx0682f75.5, enx0123456789ab, 5",
  })
  void vlanNamesAndResolvedParents(String cmdline, String name, String parent, int vid)
      throws CmdlineNetworkException {
    assertThat(parse(cmdline)).containsExactly(vlan(name, parent, vid));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "vlan=eth1.4096:eth1 | invalid vlanID=4096, must be in the range 1..4095: eth1.4096:eth1",
      "vlan=eth1.0:eth1 | invalid vlanID=0, must be in the range 1..4095: eth1.0:eth1",
      "vlan=eth1.x:eth1 | invalid vlanID=0, must be in the range 1..4095: eth1.x:eth1",
      "vlan=eth1 | malformed vlan commandline argument: eth1",
      "vlan=foo:eth1 | malformed vlan commandline argument: foo:eth1",
  })
  void badVlansAreTalosErrors(String cmdline, String message) {
    assertThatThrownBy(() -> parse(cmdline)).isInstanceOf(CmdlineNetworkException.class).hasMessage(message);
  }

  private static BondMasterSpec bond(BondMode mode, BondXmitHashPolicy hash, int adActorSysPrio, int missedMax) {
    return new BondMasterSpec(mode, hash, null, null, null, null, null, null, null, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 0,
        true, adActorSysPrio, 0, 0, null, null, null, missedMax, null);
  }

  private static LinkSpec slave(String name, String bond, int index) {
    return LinkSpec.builder(name, ConfigLayer.CMDLINE).up(true).bondSlave(new BondSlave(bond, index)).build();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "bond=bond1 | eth0 | eth1",
      "bond=bond1::: | eth0 | eth1",
      "bond=bond1:eth3,eth4 | eth3 | eth4",
      "bond=bond1:enxa,enxb | eth31 | eth32",
  })
  void aBondWithItsSlavesAndTheKernelDefaults(String cmdline, String first, String second)
      throws CmdlineNetworkException {
    LinkSpec master = LinkSpec.builder("bond1", ConfigLayer.CMDLINE).logical(true).up(true).kind("bond")
        .type(LinkType.ETHER).bondMaster(bond(BondMode.BALANCE_RR, null, 0, 2)).build();
    assertThat(parse(cmdline)).containsExactly(master, slave(first, "bond1", 0), slave(second, "bond1", 1));
  }

  @Test
  void bondOptionsAndMtu() throws CmdlineNetworkException {
    LinkSpec master = LinkSpec.builder("bond1", ConfigLayer.CMDLINE).logical(true).up(true).kind("bond")
        .type(LinkType.ETHER).mtu(1450)
        .bondMaster(bond(BondMode.IEEE_802_3AD, BondXmitHashPolicy.parse("layer2+3"), 65535, 0)).build();
    assertThat(parse("bond=bond1:eth3,eth4:mode=802.3ad,xmit_hash_policy=layer2+3:1450"))
        .containsExactly(master, slave("eth3", "bond1", 0), slave("eth4", "bond1", 1));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "bond=bond0:eth1,eth2:mod=balance-rr | unknown bond option: mod",
      "bond=bond0:eth1:miimon=x | error parsing bond option miimon: strconv.Atoi: parsing \"x\": invalid syntax",
      "bond=bond0:eth1::big | error parsing bond MTU: strconv.Atoi: parsing \"big\": invalid syntax",
  })
  void badBondsAreTalosErrors(String cmdline, String message) {
    assertThatThrownBy(() -> parse(cmdline)).isInstanceOf(CmdlineNetworkException.class).hasMessage(message);
  }

  @Test
  void onlyTheFirstVlanCounts() throws CmdlineNetworkException {
    assertThat(parse("vlan=eth1.5:eth1 vlan=eth2.6:eth2")).containsExactly(vlan("eth1.5", "eth1", 5));
  }
}
