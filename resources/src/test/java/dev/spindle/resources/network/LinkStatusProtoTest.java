package dev.spindle.resources.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.codec.ProtoSpecs;
import dev.spindle.runtime.testing.ProtoFields;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The protobuf form of the §1.5 vector, read back by field number and checked against Talos's
 * {@code api/resource/definitions/network/network.proto} (LinkStatusSpec and its nested messages).
 */
class LinkStatusProtoTest {
  private final ProtoFields fields = ProtoFields.parse(ProtoSpecs.encode(LinkStatusVector.spec()));

  @Test
  void everyComponentHasOneOfTheThirtyFourTalosNumbers() {
    int[] numbers = Arrays.stream(LinkStatus.class.getRecordComponents())
        .mapToInt(c -> c.getAccessor().getAnnotation(ProtoField.class).value()).sorted().toArray();
    assertThat(numbers).containsExactly(IntStream.rangeClosed(1, 34).toArray());
  }

  @Test
  void rtnetlinkFieldsHaveTheirNumbersAndWireTypes() {
    assertThat(fields.varint(1)).as("index").isEqualTo(3);
    assertThat(fields.varint(2)).as("type, an enum").isEqualTo(1);
    assertThat(fields.varint(3)).as("link_index").isEqualTo(44);
    assertThat(fields.varint(4)).as("flags, a uint32").isEqualTo(1 | 1 << 6);
    byte[] mac = {0x01, 0x23, 0x45, 0x67, (byte) 0x89, (byte) 0xab};
    assertThat(fields.bytes(5)).as("hardware_addr, bytes").containsExactly(mac);
    assertThat(fields.bytes(30)).as("permanent_addr").containsExactly(mac);
    assertThat(fields.bytes(6)).as("broadcast_addr").containsExactly(-1, -1, -1, -1, -1, -1);
    assertThat(fields.varint(7)).as("mtu").isEqualTo(1500);
    assertThat(fields.string(8)).as("queue_disc").isEqualTo("fifo");
    assertThat(fields.varint(9)).as("master_index").isEqualTo(4);
    assertThat(fields.varint(10)).as("operational_state").isEqualTo(3);
    assertThat(fields.string(11)).isEqualTo("bridge");
    assertThat(fields.string(12)).isEqualTo("ether");
    assertThat(fields.has(31)).as("alias, empty").isFalse();
    assertThat(fields.has(32)).as("alt_names, empty").isFalse();
  }

  @Test
  void hardwareAndEthtoolFieldsHaveTheirNumbers() {
    assertThat(fields.string(13)).isEqualTo("00:11:22");
    assertThat(fields.string(14)).isEqualTo("0000:00:00.0");
    assertThat(fields.string(15)).isEqualTo("bonding");
    assertThat(fields.string(16)).isEqualTo("1.0.0");
    assertThat(fields.string(17)).isEqualTo("3.1.5");
    assertThat(fields.string(18)).isEqualTo("0x3ebf");
    assertThat(fields.string(19)).isEqualTo("0x1d6b");
    assertThat(fields.string(20)).isEqualTo("10Gbase-T");
    assertThat(fields.string(21)).isEqualTo("Intel Corporation");
    assertThat(fields.varint(22)).as("link_state").isEqualTo(1);
    assertThat(fields.varint(23)).as("speed_megabits").isEqualTo(1024);
    assertThat(fields.has(24)).as("port TwistedPair is 0, a proto3 default").isFalse();
    assertThat(fields.varint(25)).as("duplex Full").isEqualTo(1);
  }

  @Test
  void kindSpecificMessagesHaveTheirNumbers() {
    var vlan = fields.message(26);
    assertThat(vlan.varint(1)).isEqualTo(25);
    assertThat(vlan.varint(2)).as("802.1ad").isEqualTo(0x88a8);
    assertThat(fields.has(27)).as("bridge_master, absent").isFalse();
    var bond = fields.message(28);
    assertThat(bond.varint(1)).as("mode 802.3ad").isEqualTo(4);
    assertThat(bond.varint(2)).as("hash_policy encap3+4").isEqualTo(4);
    assertThat(bond.varint(6)).as("primary_index").isEqualTo(3);
    assertThat(bond.varint(8)).as("fail_over_mac follow").isEqualTo(2);
    assertThat(bond.varint(10)).as("mii_mon").isEqualTo(33);
    assertThat(bond.varint(24)).as("peer_notify_delay").isEqualTo(40);
    assertThat(fields.message(33).varint(1)).as("vrf_master.table").isEqualTo(123);
    assertThat(fields.has(34)).as("veth, absent").isFalse();
  }

  @Test
  void wireguardPeersAreNestedWithWellKnownDurationsAndNetIpPrefixes() {
    var wireguard = fields.message(29);
    assertThat(wireguard.has(1)).as("private_key, never in a status").isFalse();
    assertThat(wireguard.string(2)).isEqualTo("bar=");
    assertThat(wireguard.varint(3)).isEqualTo(51820);
    assertThat(wireguard.varint(4)).isEqualTo(11233);
    var peer = wireguard.message(5);
    assertThat(peer.string(1)).isEqualTo("peer=");
    assertThat(peer.string(2)).isEqualTo("key=");
    assertThat(peer.string(3)).isEqualTo("127.0.0.1:3333");
    assertThat(peer.message(4).varint(1)).as("Duration.seconds").isEqualTo(30);
    var prefix = peer.message(5);
    assertThat(prefix.bytes(1)).containsExactly(192, 83, 93, 94);
    assertThat(prefix.varint(2)).isEqualTo(31);
  }
}
