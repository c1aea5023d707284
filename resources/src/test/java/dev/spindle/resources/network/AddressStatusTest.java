package dev.spindle.resources.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.codec.ProtoSpecs;
import dev.spindle.runtime.codec.ResourceYaml;
import dev.spindle.runtime.resource.PrintColumn;
import dev.spindle.runtime.testing.ProtoFields;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** AddressStatus against Talos's AddressStatusSpec: YAML names and order, omitempty, protobuf numbers, id, columns. */
class AddressStatusTest {
  private static final AddressStatus ETH0 = new AddressStatus(IpPrefix.parse("172.20.0.2/24"),
      IpAddr.parse("172.20.0.2"), IpAddr.parse("172.20.0.255"), null, null, 2, "eth0", Family.INET4, Scope.GLOBAL,
      AddressFlags.of(AddressFlag.PERMANENT), 0);
  private static final AddressStatus LINK_LOCAL = new AddressStatus(IpPrefix.parse("fe80::5054:ff:fe12:3456/64"),
      null, null, null, null, 2, "eth0", Family.INET6, Scope.LINK,
      AddressFlags.of(AddressFlag.PERMANENT, AddressFlag.NO_DAD), 256);

  @Test
  void yamlHasTalosNamesInTalosOrderAndOmitsAbsentAddresses() {
    assertThat(ResourceYaml.encodeSpec(ETH0)).isEqualTo("""
        address: 172.20.0.2/24
        local: 172.20.0.2
        broadcast: 172.20.0.255
        linkIndex: 2
        linkName: eth0
        family: inet4
        scope: global
        flags: permanent
        priority: 0
        """);
    assertThat(ResourceYaml.encodeSpec(LINK_LOCAL)).isEqualTo("""
        address: fe80::5054:ff:fe12:3456/64
        linkIndex: 2
        linkName: eth0
        family: inet6
        scope: link
        flags: nodad,permanent
        priority: 256
        """);
  }

  @Test
  void protobufNumbersAreTalos() {
    int[] numbers = Arrays.stream(AddressStatus.class.getRecordComponents())
        .mapToInt(c -> c.getAccessor().getAnnotation(ProtoField.class).value()).toArray();
    assertThat(numbers).containsExactly(IntStream.rangeClosed(1, 11).toArray());
    var fields = ProtoFields.parse(ProtoSpecs.encode(ETH0));
    var address = fields.message(1);
    assertThat(address.bytes(1)).containsExactly(172, 20, 0, 2);
    assertThat(address.varint(2)).isEqualTo(24);
    assertThat(fields.message(2).bytes(1)).containsExactly(172, 20, 0, 2);
    assertThat(fields.message(3).bytes(1)).containsExactly(172, 20, 0, 255);
    assertThat(fields.has(4)).as("anycast, absent").isFalse();
    assertThat(fields.has(5)).as("multicast, absent").isFalse();
    assertThat(fields.varint(6)).isEqualTo(2);
    assertThat(fields.string(7)).isEqualTo("eth0");
    assertThat(fields.varint(8)).as("family: AF_INET").isEqualTo(2);
    assertThat(fields.has(9)).as("scope global is 0, a proto3 default").isFalse();
    assertThat(fields.varint(10)).as("flags, a uint32").isEqualTo(0x80);
    var v6 = ProtoFields.parse(ProtoSpecs.encode(LINK_LOCAL));
    assertThat(v6.varint(8)).isEqualTo(10);
    assertThat(v6.varint(9)).isEqualTo(253);
    assertThat(v6.varint(11)).isEqualTo(256);
  }

  @Test
  void theIdIsTheLinkNameAndThePrefix() {
    assertThat(ETH0.id()).isEqualTo("eth0/172.20.0.2/24");
    assertThat(LINK_LOCAL.id()).isEqualTo("eth0/fe80::5054:ff:fe12:3456/64");
    assertThat(AddressStatus.id("lo", IpPrefix.parse("127.0.0.1/8"))).isEqualTo("lo/127.0.0.1/8");
  }

  @Test
  void definitionMatchesTalos() {
    var d = AddressStatus.DEFINITION;
    assertThat(d.type()).isEqualTo("AddressStatuses.net.talos.dev");
    assertThat(d.defaultNamespace()).isEqualTo("network");
    assertThat(d.aliases()).contains("address", "addresses", "addressstatus", "as");
    assertThat(d.printColumns()).containsExactly(new PrintColumn("Address", "address"),
        new PrintColumn("Link", "linkName"));
  }

  @Test
  void flagsPrintInBitOrderAndReadBack() {
    assertThat(new AddressFlags(0xfff).text()).isEqualTo("temporary,nodad,optimistic,dadfailed,homeaddress,"
        + "deprecated,tentative,permanent,mngmtmpaddr,noprefixroute,mcautojoin,stableprivacy");
    assertThat(new AddressFlags(1 << 20 | 0x80).text()).as("unnamed bits kept, not printed").isEqualTo("permanent");
    assertThat(AddressFlags.parse("NoDAD,permanent")).isEqualTo(new AddressFlags(0x82));
    assertThat(AddressFlags.parse("")).isEqualTo(AddressFlags.NONE);
    assertThatThrownBy(() -> AddressFlags.parse("permanent,secondary")).hasMessageContaining("secondary");
  }

  @Test
  void scopesAndFamiliesPrintAsEnumerDoes() {
    assertThat(Scope.of(254)).hasToString("host");
    assertThat(Scope.of(100)).hasToString("Scope(100)");
    assertThat(Scope.parse("Scope(100)")).isEqualTo(Scope.of(100));
    assertThat(Scope.parse("NOWHERE")).isEqualTo(Scope.NOWHERE);
    assertThatThrownBy(() -> Scope.parse("Scope(256)")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Family.of(10).text()).isEqualTo("inet6");
    assertThat(Family.parse("inet4")).isEqualTo(Family.INET4);
    assertThatThrownBy(() -> Family.of(7)).hasMessageContaining("Family 7");
  }
}
