package dev.spindle.resources.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.codec.ProtoSpecs;
import dev.spindle.runtime.codec.ResourceYaml;
import dev.spindle.runtime.testing.ProtoFields;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Talos's {@code TestLinkSpecMarshalYAML} vector (R/link_spec_test.go), plus a veth peer, byte for byte. */
class LinkSpecTest {
  static LinkSpec vector() {
    var bond = new BondMasterSpec(BondMode.parse("802.3ad"), BondXmitHashPolicy.parse("encap3+4"),
        LacpRate.parse("fast"), ArpValidate.parse("all"), ArpAllTargets.parse("any"), 3,
        PrimaryReselect.parse("better"), FailOverMac.parse("follow"), AdSelect.parse("count"), 33, 100, 200, 10, 30,
        1, 3, 4, 4, 5, 1, true, 6, 7, 40, null, null, null, 0, null);
    var peer = new WireguardPeer("peer=", "key=", "127.0.0.1:3333", Duration.ofSeconds(30),
        List.of(IpPrefix.parse("192.83.93.94/31")));
    return LinkSpec.builder("eth0", ConfigLayer.PLATFORM).logical(true).up(true).mtu(1437).kind("eth")
        .type(LinkType.ETHER).parentName("eth1").bondSlave(new BondSlave("bond0", 0))
        .vrfSlave(new VrfSlave("vrf-blue")).vlan(new VlanSpec(25, VlanProtocol.IEEE_802_1AD)).bondMaster(bond)
        .vrfMaster(new VrfMasterSpec(RoutingTable.parse("123")))
        .wireguard(new WireguardSpec("foo=", "bar=", 51820, 11233, List.of(peer))).veth(new VethSpec("veth1"))
        .build();
  }

  static final String YAML = """
      name: eth0
      logical: true
      up: true
      mtu: 1437
      kind: eth
      type: ether
      parentName: eth1
      masterName: bond0
      vrfSlave:
          masterName: vrf-blue
      vlan:
          vlanID: 25
          vlanProtocol: 802.1ad
      bondMaster:
          mode: 802.3ad
          xmitHashPolicy: encap3+4
          lacpRate: fast
          arpValidate: all
          arpAllTargets: any
          primaryIndex: 3
          primaryReselect: better
          failOverMac: follow
          adSelect: count
          miimon: 33
          updelay: 100
          downdelay: 200
          arpInterval: 10
          resendIgmp: 30
          minLinks: 1
          lpInterval: 3
          packetsPerSlave: 4
          numPeerNotif: 4
          tlbLogicalLb: 5
          allSlavesActive: 1
          useCarrier: true
          adActorSysPrio: 6
          adUserPortKey: 7
          peerNotifyDelay: 40
      vrfMaster:
          table: "123"
      wireguard:
          privateKey: foo=
          publicKey: bar=
          listenPort: 51820
          firewallMark: 11233
          peers:
              - publicKey: peer=
                presharedKey: key=
                endpoint: 127.0.0.1:3333
                persistentKeepaliveInterval: 30s
                allowedIPs:
                  - 192.83.93.94/31
      veth:
          peerName: veth1
      layer: platform
      """;

  @Test
  void theTalosVectorPrintsByteForByteAndReadsBack() {
    assertThat(ResourceYaml.encodeSpec(vector())).isEqualTo(YAML);
    assertThat(ResourceYaml.decodeSpec(YAML, LinkSpec.class)).isEqualTo(vector());
  }

  @Test
  void emptyPartsHardwareAddressAndMulticastAreLeftOut() {
    var spec = LinkSpec.builder("lo", ConfigLayer.DEFAULT).up(true).build();
    assertThat(ResourceYaml.encodeSpec(spec))
        .isEqualTo("name: lo\nlogical: false\nup: true\nmtu: 0\nkind: \"\"\ntype: netrom\nlayer: default\n");
    assertThat(ResourceYaml.decodeSpec(ResourceYaml.encodeSpec(spec), LinkSpec.class)).isEqualTo(spec);
  }

  @Test
  void slaveIndexHardwareAddrBridgeSlaveAndMulticastPrintWhenSet() {
    var spec = LinkSpec.builder("eth3", ConfigLayer.CONFIGURATION).bondSlave(new BondSlave("bond0", 2))
        .hardwareAddr(HardwareAddr.parse("52:54:00:12:34:56")).bridgeSlave(new BridgeSlave("br0"))
        .multicast(false).build();
    String yaml = ResourceYaml.encodeSpec(spec);
    assertThat(yaml).isEqualTo("name: eth3\nlogical: false\nup: false\nmtu: 0\nkind: \"\"\ntype: netrom\n"
        + "hardwareAddr: '52:54:00:12:34:56'\nmasterName: bond0\nslaveIndex: 2\nbridgeSlave:\n    masterName: br0\n"
        + "layer: configuration\nmulticast: false\n");
    assertThat(ResourceYaml.decodeSpec(yaml, LinkSpec.class)).isEqualTo(spec);
    assertThat(spec.bondMasterName()).isEqualTo("bond0");
  }

  @Test
  void everyComponentHasItsTalosProtobufNumber() {
    int[] numbers = Arrays.stream(LinkSpec.class.getRecordComponents())
        .mapToInt(c -> c.getAccessor().getAnnotation(ProtoField.class).value()).toArray();
    // network.proto LinkSpecSpec, in declaration order; 20 (macvlan) is not modelled
    assertThat(numbers).containsExactly(1, 2, 3, 4, 5, 6, 15, 7, 8, 9, 18, 10, 11, 12, 17, 13, 19, 14, 16);
  }

  @Test
  void theProtobufFormNestsTheBondSlaveAndTheParts() {
    var fields = ProtoFields.parse(ProtoSpecs.encode(vector()));
    assertThat(fields.string(1)).isEqualTo("eth0");
    assertThat(fields.varint(2)).isEqualTo(1);
    assertThat(fields.varint(3)).isEqualTo(1);
    assertThat(fields.varint(4)).isEqualTo(1437);
    assertThat(fields.string(5)).isEqualTo("eth");
    assertThat(fields.varint(6)).isEqualTo(1);
    assertThat(fields.string(7)).isEqualTo("eth1");
    assertThat(fields.message(8).string(1)).as("bond_slave.master_name").isEqualTo("bond0");
    assertThat(fields.message(8).has(2)).as("slave_index 0").isFalse();
    assertThat(fields.message(18).string(1)).isEqualTo("vrf-blue");
    assertThat(fields.message(10).varint(1)).isEqualTo(25);
    assertThat(fields.message(10).varint(2)).isEqualTo(0x88a8);
    assertThat(fields.message(11).varint(10)).as("miimon").isEqualTo(33);
    assertThat(fields.message(17).varint(1)).isEqualTo(123);
    assertThat(fields.message(13).string(1)).isEqualTo("foo=");
    assertThat(fields.message(19).string(1)).isEqualTo("veth1");
    assertThat(fields.varint(14)).as("layer platform").isEqualTo(2);
    assertThat(fields.has(9)).as("no bridge slave").isFalse();
    assertThat(fields.has(12)).as("no bridge master").isFalse();
    assertThat(fields.has(15)).as("no hardware address").isFalse();
    assertThat(fields.has(16)).as("multicast unset").isFalse();
  }

  @Test
  void definitionIsSensitiveWithLayeredIds() {
    assertThat(LinkSpec.DEFINITION.type()).isEqualTo("LinkSpecs.net.talos.dev");
    assertThat(LinkSpec.DEFINITION.sensitive()).isTrue();
    assertThat(LinkSpec.DEFINITION.printColumns()).isEmpty();
    var spec = LinkSpec.builder("eth0.24", ConfigLayer.CONFIGURATION).build();
    assertThat(spec.id()).isEqualTo("eth0.24");
    assertThat(spec.layeredId()).isEqualTo("configuration/eth0.24");
  }
}
