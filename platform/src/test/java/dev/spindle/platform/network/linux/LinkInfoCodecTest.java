package dev.spindle.platform.network.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.platform.network.BondInfo;
import dev.spindle.platform.network.BridgeInfo;
import dev.spindle.platform.network.DummyInfo;
import dev.spindle.platform.network.LinkChange;
import dev.spindle.platform.network.LinkInfo;
import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.network.LinkRequest;
import dev.spindle.platform.network.MacvlanInfo;
import dev.spindle.platform.network.VethInfo;
import dev.spindle.platform.network.VlanInfo;
import dev.spindle.platform.network.VrfInfo;
import dev.spindle.platform.network.VxlanInfo;
import dev.spindle.platform.network.WireguardInfo;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The kind data ({@code IFLA_LINKINFO} / {@code IFLA_INFO_DATA}) and the link write requests: a real kernel dump of
 * bridge, veth, macvlan and VXLAN links (golden bytes), hand-built vectors from {@code linux/if_link.h} for the
 * kinds this kernel lacks (vlan, bond), request bytes for every kind, and random input.
 */
class LinkInfoCodecTest {
  private static final HexFormat HEX = HexFormat.of();

  /** {@code kinds-dump.bin}, recorded by {@link GoldenCapture#captureKinds} from Linux 6.18. */
  private static byte[] golden() throws Exception {
    try (InputStream in = LinkInfoCodecTest.class.getResourceAsStream("kinds-dump.bin")) {
      return in.readAllBytes();
    }
  }

  private static List<LinkMessage> decodeDump(byte[] bytes) {
    return NlMsg.split(ByteBuffer.wrap(bytes)).stream().filter(m -> m.header().type() == LinkCodec.RTM_NEWLINK)
        .map(m -> LinkCodec.decode(m.payload())).toList();
  }

  @Test
  void aRealKernelDumpOfEveryLocalKindDecodes() throws Exception {
    var links = decodeDump(golden());
    assertThat(links).extracting(LinkMessage::name).containsExactly("lo", "br0", "v1", "v0", "mv0", "vx0", "vx6");
    assertThat(links).extracting(LinkMessage::kind)
        .containsExactly("", "bridge", "veth", "veth", "macvlan", "vxlan", "vxlan");
    assertThat(links.get(0).info()).isNull();
    assertThat(links.get(1).info()).isEqualTo(new BridgeInfo(1, false));
    assertThat(links.get(2).info()).as("veth dumps no data").isNull();
    assertThat(links.get(4).info()).isEqualTo(new MacvlanInfo(MacvlanInfo.BRIDGE));
    assertThat(links.get(4).parentIndex()).isEqualTo(4);
    assertThat(links.get(5).info()).isEqualTo(new VxlanInfo(42, 4789, HEX.parseHex("c0000201"),
        HEX.parseHex("c0000202"), 4, false));
    assertThat(links.get(5).mtu()).isEqualTo(1450);
    assertThat(links.get(6).info()).isEqualTo(new VxlanInfo(16777215, 8472,
        HEX.parseHex("20010db8000000000000000000000001"), HEX.parseHex("ff050000000000000000000000000100"), 3,
        true));
    assertThat(links.get(6).mtu()).as("IPv6 underlay: 70 bytes of overhead").isEqualTo(1430);
  }

  @Test
  void handBuiltVlanDataDecodes() {
    LinkMessage link = decodeDump(link("eth0.100", "vlan", data -> {
      RtAttr.putU16(data, LinkInfoCodec.IFLA_VLAN_ID, 100);
      RtAttr.put(data, 2, new byte[8]); // IFLA_VLAN_FLAGS (struct ifla_vlan_flags): skipped
      nest(data, 3, qos -> RtAttr.put(qos, 1, new byte[8])); // IFLA_VLAN_EGRESS_QOS: skipped
      RtAttr.putBe16(data, LinkInfoCodec.IFLA_VLAN_PROTOCOL, 0x88a8);
    })).getFirst();
    assertThat(link.info()).isEqualTo(new VlanInfo(100, VlanInfo.P_8021AD));
    assertThat(decodeDump(link("eth0.7", "vlan", data -> RtAttr.putU16(data, LinkInfoCodec.IFLA_VLAN_ID, 7)))
        .getFirst().info()).as("no protocol: 802.1Q").isEqualTo(VlanInfo.of(7));
  }

  @Test
  void handBuiltBondDataDecodes() {
    LinkMessage link = decodeDump(link("bond0", "bond", data -> {
      RtAttr.putU8(data, BondInfoCodec.MODE, 4);
      RtAttr.putU32(data, 2, 9); // IFLA_BOND_ACTIVE_SLAVE: not modelled
      RtAttr.putU32(data, BondInfoCodec.MIIMON, 100);
      RtAttr.putU32(data, BondInfoCodec.UPDELAY, 200);
      RtAttr.putU32(data, BondInfoCodec.DOWNDELAY, 300);
      RtAttr.putU8(data, BondInfoCodec.USE_CARRIER, 0);
      RtAttr.putU32(data, BondInfoCodec.ARP_INTERVAL, 1000);
      nest(data, BondInfoCodec.ARP_IP_TARGET, t -> {
        RtAttr.put(t, 0, HEX.parseHex("c0000201"));
        RtAttr.put(t, 1, HEX.parseHex("c0000202"));
      });
      RtAttr.putU32(data, BondInfoCodec.ARP_VALIDATE, 3);
      RtAttr.putU32(data, BondInfoCodec.ARP_ALL_TARGETS, 1);
      RtAttr.putU8(data, BondInfoCodec.PRIMARY_RESELECT, 2);
      RtAttr.putU8(data, BondInfoCodec.FAIL_OVER_MAC, 1);
      RtAttr.putU8(data, BondInfoCodec.XMIT_HASH_POLICY, 1);
      RtAttr.putU32(data, BondInfoCodec.RESEND_IGMP, 3);
      RtAttr.putU8(data, BondInfoCodec.NUM_PEER_NOTIF, 2);
      RtAttr.putU8(data, BondInfoCodec.ALL_SLAVES_ACTIVE, 1);
      RtAttr.putU32(data, BondInfoCodec.MIN_LINKS, 2);
      RtAttr.putU32(data, BondInfoCodec.LP_INTERVAL, 5);
      RtAttr.putU32(data, BondInfoCodec.PACKETS_PER_SLAVE, 4);
      RtAttr.putU8(data, BondInfoCodec.AD_LACP_RATE, 1);
      RtAttr.putU8(data, BondInfoCodec.AD_SELECT, 2);
      nest(data, 23, ad -> RtAttr.putU16(ad, 1, 1)); // IFLA_BOND_AD_INFO: not modelled
      RtAttr.putU16(data, BondInfoCodec.AD_ACTOR_SYS_PRIO, 100);
      RtAttr.putU16(data, BondInfoCodec.AD_USER_PORT_KEY, 7);
      RtAttr.put(data, BondInfoCodec.AD_ACTOR_SYSTEM, HEX.parseHex("020000000099"));
      RtAttr.putU8(data, BondInfoCodec.TLB_DYNAMIC_LB, 0);
      RtAttr.putU32(data, BondInfoCodec.PEER_NOTIF_DELAY, 400);
      RtAttr.putU8(data, BondInfoCodec.AD_LACP_ACTIVE, 0);
      RtAttr.putU8(data, BondInfoCodec.MISSED_MAX, 5);
      RtAttr.put(data, 31, new byte[0]); // IFLA_BOND_NS_IP6_TARGET, empty: not modelled
    })).getFirst();
    assertThat(link.info()).isEqualTo(BondInfo.builder(BondInfo.IEEE_802_3AD).miimon(100).updelay(200)
        .downdelay(300).useCarrier(false).arpInterval(1000)
        .arpIpTargets(List.of(HEX.parseHex("c0000201"), HEX.parseHex("c0000202"))).arpValidate(3).arpAllTargets(1)
        .primaryReselect(2).failOverMac(1).xmitHashPolicy(1).resendIgmp(3).numPeerNotif(2).allSlavesActive(1)
        .minLinks(2).lpInterval(5).packetsPerSlave(4).lacpRate(1).adSelect(2).adActorSysPrio(100).adUserPortKey(7)
        .adActorSystem(HEX.parseHex("020000000099")).tlbDynamicLb(0).peerNotifyDelay(400).adLacpActive(0)
        .missedMax(5).build());
  }

  @Test
  void handBuiltVrfDataDecodesAndARequestCarriesTheTable() {
    LinkMessage vrf = decodeDump(link("vrf-blue", "vrf", d -> RtAttr.putU32(d, LinkInfoCodec.IFLA_VRF_TABLE, 1234)))
        .getFirst();
    assertThat(vrf.info()).isEqualTo(new VrfInfo(1234));
    assertThat(HEX.formatHex(LinkCodec.createRequest(4, LinkRequest.of("vrf0", new VrfInfo(10))))).isEqualTo(
        "44000000" + "1000" + "0506" + "04000000" + "00000000" + "00".repeat(16)
            + "09000300" + "7672663000000000" // IFLA_IFNAME "vrf0"
            + "18001200" + "08000100" + "76726600" // IFLA_LINKINFO, IFLA_INFO_KIND "vrf"
            + "0c000200" + "08000100" + "0a000000"); // IFLA_INFO_DATA: IFLA_VRF_TABLE 10
  }

  @Test
  void aBondWithoutTheActorSettingsGetsTheKernelDefaults() {
    // the kernel dumps IFLA_BOND_AD_ACTOR_* only in 802.3ad mode
    LinkMessage link = decodeDump(link("bond1", "bond", data -> {
      RtAttr.putU8(data, BondInfoCodec.MODE, 1);
      RtAttr.putU32(data, BondInfoCodec.MIIMON, 100);
    })).getFirst();
    assertThat(link.info()).isEqualTo(BondInfo.builder(BondInfo.ACTIVE_BACKUP).build());
  }

  @Test
  void aVethRequestNestsThePeersOwnIfinfomsg() {
    assertThat(HEX.formatHex(LinkCodec.createRequest(5, LinkRequest.of("v0", new VethInfo("v1"))))).isEqualTo(
        "58000000" + "1000" + "0506" + "05000000" + "00000000" // RTM_NEWLINK, REQUEST|ACK|EXCL|CREATE
            + "00".repeat(16) // ifinfomsg
            + "07000300" + "76300000" // IFLA_IFNAME "v0"
            + "30001200" // IFLA_LINKINFO
            + "09000100" + "7665746800000000" // IFLA_INFO_KIND "veth"
            + "20000200" // IFLA_INFO_DATA
            + "1c000100" + "00".repeat(16) // VETH_INFO_PEER: the peer's ifinfomsg
            + "07000300" + "76310000"); // ... and its IFLA_IFNAME "v1"
  }

  @Test
  void aVlanRequestCarriesItsLowerLinkIdAndProtocol() {
    assertThat(HEX.formatHex(LinkCodec.createRequest(6, LinkRequest.of("v0.10", VlanInfo.of(10)).withParent(4))))
        .isEqualTo("58000000" + "1000" + "0506" + "06000000" + "00000000" + "00".repeat(16)
            + "0a000300" + "76302e3130000000" // IFLA_IFNAME "v0.10"
            + "08000500" + "04000000" // IFLA_LINK 4
            + "24001200" + "09000100" + "766c616e00000000" // IFLA_LINKINFO, IFLA_INFO_KIND "vlan"
            + "14000200" // IFLA_INFO_DATA
            + "06000100" + "0a000000" // IFLA_VLAN_ID 10 (host order)
            + "06000500" + "81000000"); // IFLA_VLAN_PROTOCOL 0x8100 (network order)
  }

  @Test
  void dummyAndWireguardRequestsHaveAKindAndNoData() {
    assertThat(HEX.formatHex(LinkCodec.createRequest(7, LinkRequest.of("d0", new DummyInfo())))).isEqualTo(
        "38000000" + "1000" + "0506" + "07000000" + "00000000" + "00".repeat(16)
            + "07000300" + "64300000"
            + "10001200" + "0a000100" + "64756d6d79000000");
    assertThat(HEX.formatHex(LinkCodec.createRequest(8,
        LinkRequest.of("wg0", new WireguardInfo()).withMtu(1420).withUp(true)))).isEqualTo(
        "44000000" + "1000" + "0506" + "08000000" + "00000000"
            + "00000000" + "00000000" + "01000000" + "01000000" // ifinfomsg: IFF_UP in flags and change
            + "08000300" + "77673000"
            + "08000400" + "8c050000" // IFLA_MTU 1420
            + "14001200" + "0e000100" + "776972656775617264000000");
  }

  @Test
  void bridgeMacvlanVxlanAndBondRequestsCarryWhatTheDecoderReads() {
    for (LinkInfo info : List.of(new BridgeInfo(1, false), new BridgeInfo(0, true),
        new MacvlanInfo(MacvlanInfo.PASSTHRU),
        new VxlanInfo(42, 4789, HEX.parseHex("c0000201"), HEX.parseHex("c0000202"), 4, false),
        new VxlanInfo(43, 0, HEX.parseHex("20010db8000000000000000000000001"),
            HEX.parseHex("ff050000000000000000000000000100"), 3, true),
        new VlanInfo(4094, VlanInfo.P_8021AD),
        BondInfo.builder(BondInfo.IEEE_802_3AD).lacpRate(1).xmitHashPolicy(2).adActorSysPrio(10)
            .adActorSystem(HEX.parseHex("020000000001")).minLinks(1).build(),
        BondInfo.builder(BondInfo.ACTIVE_BACKUP).primaryIndex(3).failOverMac(2).arpInterval(100)
            .arpIpTargets(List.of(HEX.parseHex("c0000201"))).build(),
        BondInfo.builder(BondInfo.BALANCE_TLB).tlbDynamicLb(0).xmitHashPolicy(1).build())) {
      RtAttr data = infoData(LinkCodec.createRequest(1, LinkRequest.of("x0", info)));
      assertThat(LinkInfoCodec.decode(info.kind(), data)).as(info.toString()).isEqualTo(info);
    }
  }

  @Test
  void aBondRequestSendsOnlyWhatItsModeAccepts() {
    var rr = bondTypes(BondInfo.builder(0).build(), null);
    assertThat(rr).contains(BondInfoCodec.MODE, BondInfoCodec.MIIMON, BondInfoCodec.UPDELAY,
        BondInfoCodec.PACKETS_PER_SLAVE, BondInfoCodec.ARP_INTERVAL, BondInfoCodec.ARP_VALIDATE,
        BondInfoCodec.MISSED_MAX, BondInfoCodec.XMIT_HASH_POLICY)
        .doesNotContain(BondInfoCodec.AD_LACP_RATE, BondInfoCodec.AD_ACTOR_SYS_PRIO, BondInfoCodec.AD_LACP_ACTIVE,
            BondInfoCodec.AD_USER_PORT_KEY, BondInfoCodec.TLB_DYNAMIC_LB, BondInfoCodec.AD_ACTOR_SYSTEM,
            BondInfoCodec.PRIMARY, BondInfoCodec.ARP_IP_TARGET);
    var lacp = bondTypes(BondInfo.builder(4).build(), null);
    assertThat(lacp).contains(BondInfoCodec.AD_LACP_RATE, BondInfoCodec.AD_SELECT, BondInfoCodec.XMIT_HASH_POLICY,
        BondInfoCodec.AD_ACTOR_SYS_PRIO, BondInfoCodec.AD_LACP_ACTIVE, BondInfoCodec.AD_USER_PORT_KEY)
        .as("802.3ad has no ARP monitoring (EACCES); an all-zero actor system is the kernel's default")
        .doesNotContain(BondInfoCodec.PACKETS_PER_SLAVE, BondInfoCodec.AD_ACTOR_SYSTEM, BondInfoCodec.ARP_INTERVAL,
            BondInfoCodec.ARP_VALIDATE, BondInfoCodec.MISSED_MAX, BondInfoCodec.ARP_IP_TARGET);
    assertThat(bondTypes(BondInfo.builder(6).build(), null)).as("balance-alb: no ARP monitoring, no tlb_dynamic_lb")
        .doesNotContain(BondInfoCodec.ARP_INTERVAL, BondInfoCodec.MISSED_MAX, BondInfoCodec.TLB_DYNAMIC_LB);
    assertThat(bondTypes(BondInfo.builder(5).primaryIndex(3).build(), null))
        .contains(BondInfoCodec.TLB_DYNAMIC_LB, BondInfoCodec.PRIMARY);
  }

  @Test
  void aBondWithoutMiiMonitoringSendsNoDelays() {
    // the kernel keeps the delays as multiples of miimon and refuses them (EPERM) while it is 0
    var noMii = bondTypes(BondInfo.builder(4).miimon(0).updelay(200).downdelay(200).peerNotifyDelay(100).build(),
        null);
    assertThat(noMii).contains(BondInfoCodec.MIIMON)
        .doesNotContain(BondInfoCodec.UPDELAY, BondInfoCodec.DOWNDELAY, BondInfoCodec.PEER_NOTIF_DELAY);
    assertThat(bondTypes(BondInfo.builder(1).miimon(0).arpInterval(500).build(), null))
        .contains(BondInfoCodec.ARP_INTERVAL).doesNotContain(BondInfoCodec.UPDELAY);
  }

  @Test
  void aBondChangeSendsOnlyWhatDiffers() {
    BondInfo current = BondInfo.builder(4).miimon(100).updelay(200).lacpRate(0).build();
    assertThat(bondTypes(current, current)).as("nothing differs: an empty IFLA_INFO_DATA").isEmpty();
    assertThat(bondTypes(current.toBuilder().minLinks(2).lacpRate(1).build(), current)).as("not the mode: EBUSY if up")
        .containsExactly(BondInfoCodec.MIN_LINKS, BondInfoCodec.AD_LACP_RATE);
    assertThat(bondTypes(current.toBuilder().miimon(50).build(), current)).as("delays count in miimon intervals")
        .containsExactly(BondInfoCodec.MIIMON, BondInfoCodec.UPDELAY, BondInfoCodec.DOWNDELAY,
            BondInfoCodec.PEER_NOTIF_DELAY);
    assertThat(bondTypes(BondInfo.builder(1).build(), current)).as("a new mode: everything, the mode first")
        .startsWith(BondInfoCodec.MODE, BondInfoCodec.MIIMON).contains(BondInfoCodec.ARP_INTERVAL);
  }

  @Test
  void aBondChangeRequestIsExactlyTheSettingsThatDiffer() {
    BondInfo current = BondInfo.builder(BondInfo.IEEE_802_3AD).build();
    byte[] request = LinkCodec.setRequest(3, 5,
        LinkChange.NONE.withInfo(current.toBuilder().minLinks(2).lacpRate(1).build()), current);
    assertThat(HEX.formatHex(request)).isEqualTo(
        "44000000" + "1000" + "0500" + "03000000" + "00000000" // RTM_NEWLINK, REQUEST|ACK
            + "00000000" + "05000000" + "00000000" + "00000000" // link 5, flags untouched
            + "24001200" + "09000100" + "626f6e6400000000" // IFLA_LINKINFO, IFLA_INFO_KIND "bond"
            + "14000200" // IFLA_INFO_DATA, in bond_changelink's order:
            + "08001200" + "02000000" // IFLA_BOND_MIN_LINKS 2
            + "05001500" + "01000000"); // IFLA_BOND_AD_LACP_RATE fast; no IFLA_BOND_MODE: EBUSY on an up bond
  }

  private static List<Integer> bondTypes(BondInfo bond, BondInfo current) {
    byte[] request = current == null ? LinkCodec.createRequest(1, LinkRequest.of("b0", bond))
        : LinkCodec.setRequest(1, 5, LinkChange.NONE.withInfo(bond), current);
    return types(infoData(request));
  }

  @Test
  void changeAndDeleteRequestsCarryOnlyWhatIsSet() {
    var change = LinkChange.NONE.withMtu(1400).withAlias("").withUp(false).withMaster(0);
    assertThat(HEX.formatHex(LinkCodec.setRequest(7, 4, change))).isEqualTo(
        "34000000" + "1000" + "0500" + "07000000" + "00000000" // RTM_NEWLINK, REQUEST|ACK: no create
            + "00000000" + "04000000" + "00000000" + "01000000" // index 4, IFF_UP cleared (in the change mask)
            + "08000400" + "78050000" // IFLA_MTU 1400
            + "04001400" // IFLA_IFALIAS, empty: clears
            + "08000a00" + "00000000"); // IFLA_MASTER 0: nomaster
    assertThat(HEX.formatHex(LinkCodec.setRequest(8, 4, LinkChange.NONE.withName("lan0")
        .withHardwareAddr(HEX.parseHex("020000000042"))))).isEqualTo(
        "38000000" + "1000" + "0500" + "08000000" + "00000000"
            + "00000000" + "04000000" + "00000000" + "00000000" // up/down untouched: empty change mask
            + "0a000100" + "0200000000420000" // IFLA_ADDRESS
            + "09000300" + "6c616e3000000000"); // IFLA_IFNAME "lan0"
    assertThat(HEX.formatHex(LinkCodec.deleteRequest(9, 4))).isEqualTo(
        "20000000" + "1100" + "0500" + "09000000" + "00000000"
            + "00000000" + "04000000" + "00000000" + "00000000");
  }

  @Test
  void aChangeOfKindDataCarriesTheKindAndItsData() {
    byte[] request = LinkCodec.setRequest(3, 5, LinkChange.NONE.withInfo(new BridgeInfo(1, false)));
    assertThat(HEX.formatHex(request)).isEqualTo(
        "3c000000" + "1000" + "0500" + "03000000" + "00000000"
            + "00000000" + "05000000" + "00000000" + "00000000"
            + "1c001200" + "0b000100" + "6272696467650000" // IFLA_LINKINFO, IFLA_INFO_KIND "bridge"
            + "0c000200" + "08000500" + "01000000"); // IFLA_INFO_DATA: IFLA_BR_STP_STATE 1
  }

  @Test
  void aChangeLeavesOutWhatChangelinkRefusesOrWhatDidNotChange() {
    var vxlan = types(infoData(LinkCodec.setRequest(1, 5, LinkChange.NONE.withInfo(VxlanInfo.of(42, 4789)))));
    assertThat(vxlan).contains(LinkInfoCodec.IFLA_VXLAN_ID, LinkInfoCodec.IFLA_VXLAN_LEARNING)
        .doesNotContain(LinkInfoCodec.IFLA_VXLAN_PORT);
    var off = LinkChange.NONE.withInfo(new BridgeInfo(0, false));
    assertThat(types(infoData(LinkCodec.setRequest(1, 5, off, new BridgeInfo(0, false)))))
        .containsExactly(LinkInfoCodec.IFLA_BR_STP_STATE);
    RtAttr turnedOff = infoData(LinkCodec.setRequest(1, 5, off, new BridgeInfo(0, true)));
    assertThat(LinkInfoCodec.decode("bridge", turnedOff)).isEqualTo(new BridgeInfo(0, false));
    assertThat(types(turnedOff)).contains(LinkInfoCodec.IFLA_BR_VLAN_FILTERING);
  }

  @Test
  void kindDataThatDoesNotParseCostsTheAttributeNotTheLink() {
    LinkMessage vx = decodeDump(link("vx0", "vxlan", d -> {
      RtAttr.putU32(d, LinkInfoCodec.IFLA_VXLAN_ID, 42);
      RtAttr.put(d, LinkInfoCodec.IFLA_VXLAN_LOCAL, new byte[5]);
      RtAttr.putU8(d, LinkInfoCodec.IFLA_VXLAN_LEARNING, 0);
    })).getFirst();
    assertThat(vx.kind()).isEqualTo("vxlan");
    assertThat(vx.info()).as("the 5-byte local address is skipped, the rest decodes")
        .isEqualTo(new VxlanInfo(42, 0, null, null, 0, false));
    assertThat(decodeDump(link("b0", "bond", d -> {
      RtAttr.putU32(d, BondInfoCodec.MODE, 1); // u32 where if_link.h has u8
      RtAttr.putU32(d, BondInfoCodec.MIIMON, 250);
    })).getFirst().info()).isEqualTo(BondInfo.builder(BondInfo.BALANCE_RR).miimon(250).build());
    assertThat(decodeDump(link("v0.1", "vlan", d -> {
      RtAttr.putU32(d, LinkInfoCodec.IFLA_VLAN_ID, 1);
      RtAttr.putBe16(d, LinkInfoCodec.IFLA_VLAN_PROTOCOL, 0x88a8);
    })).getFirst().info()).isEqualTo(new VlanInfo(0, VlanInfo.P_8021AD));
  }

  @Test
  void aNestThatStopsFramingKeepsWhatCameBefore() {
    LinkMessage bond = decodeDump(link("b0", "bond", d -> {
      RtAttr.putU8(d, BondInfoCodec.MODE, 4);
      RtAttr.putU32(d, BondInfoCodec.MIIMON, 300);
      nest(d, BondInfoCodec.ARP_IP_TARGET, t -> RtAttr.put(t, 0, new byte[3])); // a 3-byte target: skipped
      d.putShort((short) 200).putShort((short) BondInfoCodec.MIN_LINKS).putInt(2); // runs past the nest
    })).getFirst();
    assertThat(bond.name()).isEqualTo("b0");
    assertThat(bond.info()).isEqualTo(BondInfo.builder(BondInfo.IEEE_802_3AD).miimon(300).build());
  }

  /**
   * The golden dump with VXLAN data corrupted as a newer or buggy driver might send it: {@code vx0}'s
   * {@code IFLA_VXLAN_LOCAL} shortened to 3 bytes, {@code vx6}'s {@code IFLA_VXLAN_LINK} claiming more bytes than its
   * nest holds. Every link still decodes; each VXLAN keeps what parsed.
   */
  @Test
  void aGoldenDumpWithCorruptedKindDataStillDecodesEveryLink() throws Exception {
    byte[] dump = golden();
    int local = indexOf(dump, HEX.parseHex("08000400c0000201"), 0); // IFLA_VXLAN_LOCAL 192.0.2.1 of vx0
    dump[local] = 7;
    int vx6 = indexOf(dump, "vx6".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0);
    int link = indexOf(dump, HEX.parseHex("0800030003000000"), vx6); // IFLA_VXLAN_LINK 3 of vx6
    dump[link] = (byte) 0xf0;
    var links = decodeDump(dump);
    assertThat(links).extracting(LinkMessage::name).containsExactly("lo", "br0", "v1", "v0", "mv0", "vx0", "vx6");
    assertThat(links.get(5).info()).isEqualTo(new VxlanInfo(42, 4789, null, HEX.parseHex("c0000202"), 4, false));
    VxlanInfo six = (VxlanInfo) links.get(6).info();
    assertThat(six.vni()).isEqualTo(16777215);
    assertThat(six.group()).isEqualTo(HEX.parseHex("ff050000000000000000000000000100"));
    assertThat(six.linkIndex()).as("the broken attribute and all after it are lost").isZero();
    assertThat(six.local()).isEmpty();
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (haystack[i + k] != needle[k]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("pattern " + HEX.formatHex(needle) + " not in the dump after " + from);
  }

  @Test
  void randomAndTruncatedInputNeverEscapesAsAnythingButMalformed() throws Exception {
    Random random = new Random(0x11f0);
    byte[] golden = golden();
    List<String> kinds = List.of("bridge", "macvlan", "vlan", "vxlan", "bond", "vrf", "veth", "unknown");
    int decoded = 0;
    for (int i = 0; i < 10_000; i++) {
      byte[] input = switch (i % 3) {
        case 0 -> java.util.Arrays.copyOf(golden, random.nextInt(golden.length + 1));
        case 1 -> {
          byte[] b = golden.clone();
          for (int k = 0, n = 1 + random.nextInt(8); k < n; k++) {
            b[random.nextInt(b.length)] = (byte) random.nextInt(256);
          }
          yield b;
        }
        default -> { // random kind data: attributes of random types and sizes, some nested
          String kind = kinds.get(random.nextInt(kinds.size()));
          yield link("r0", kind, data -> {
            for (int k = 0, n = random.nextInt(12); k < n; k++) {
              byte[] value = new byte[random.nextInt(20)];
              random.nextBytes(value);
              RtAttr.put(data, random.nextInt(34), value);
            }
          });
        }
      };
      try {
        decoded += decodeDump(input).size();
      } catch (MalformedNetlinkException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
    assertThat(decoded).isPositive();
  }

  // --- building and taking apart messages ------------------------------------------------------------------------

  /** An RTM_NEWLINK of link 7 named {@code name} whose IFLA_LINKINFO holds {@code kind} and the given data. */
  private static byte[] link(String name, String kind, Consumer<ByteBuffer> data) {
    ByteBuffer attrs = ByteBuffer.allocate(4096).order(ByteOrder.nativeOrder());
    RtAttr.putString(attrs, LinkCodec.IFLA_IFNAME, name);
    nest(attrs, LinkCodec.IFLA_LINKINFO, info -> {
      RtAttr.putString(info, LinkCodec.IFLA_INFO_KIND, kind);
      nest(info, LinkCodec.IFLA_INFO_DATA | RtAttr.NLA_F_NESTED, data);
    });
    attrs.flip();
    int length = NlMsg.SIZE + IfInfoMsg.SIZE + attrs.remaining();
    ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
    new NlMsg(length, LinkCodec.RTM_NEWLINK, 0, 1, 0).encode(out);
    new IfInfoMsg(0, 1, 7, 0, 0).encode(out);
    out.put(attrs);
    return out.array();
  }

  private static void nest(ByteBuffer out, int type, Consumer<ByteBuffer> inner) {
    ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.nativeOrder());
    inner.accept(b);
    RtAttr.putNested(out, type, b);
  }

  /** The IFLA_INFO_DATA of a request. */
  private static RtAttr infoData(byte[] request) {
    ByteBuffer payload = NlMsg.split(ByteBuffer.wrap(request)).getFirst().payload();
    IfInfoMsg.decode(payload);
    for (RtAttr a : RtAttr.parse(payload)) {
      if (a.type() == LinkCodec.IFLA_LINKINFO) {
        for (RtAttr info : a.nested()) {
          if (info.type() == LinkCodec.IFLA_INFO_DATA) {
            return info;
          }
        }
      }
    }
    throw new AssertionError("no IFLA_INFO_DATA");
  }

  private static List<Integer> types(RtAttr nest) {
    var types = new ArrayList<Integer>();
    nest.nested().forEach(a -> types.add(a.type()));
    return types;
  }
}
