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

/** RouteStatus against Talos's RouteStatusSpec: YAML names and order, omitempty, protobuf numbers, id, columns. */
class RouteStatusTest {
  private static final RouteStatus DEFAULT = new RouteStatus(Family.INET4, null, null, IpAddr.parse("172.20.0.1"), 2,
      "eth0", RoutingTable.MAIN, 1024, Scope.GLOBAL, RouteType.UNICAST, RouteFlags.NONE, RouteProtocol.STATIC, 0);
  private static final RouteStatus LOOPBACK = new RouteStatus(Family.INET4, IpPrefix.parse("127.0.0.0/8"),
      IpAddr.parse("127.0.0.1"), null, 1, "lo", RoutingTable.LOCAL, 0, Scope.HOST, RouteType.LOCAL,
      RouteFlags.NONE, RouteProtocol.KERNEL, 0);
  private static final RouteStatus V6 = new RouteStatus(Family.INET6, IpPrefix.parse("2001:db8:1::/64"), null,
      IpAddr.parse("2001:db8::fe"), 3, "v0", RoutingTable.of(100), 200, Scope.GLOBAL, RouteType.UNICAST,
      new RouteFlags(0x200 | 0x4000 | 0x4), RouteProtocol.of(16), 1400);

  @Test
  void yamlHasTalosNamesInTalosOrderWithZeroAddressesAsEmptyText() {
    assertThat(ResourceYaml.encodeSpec(DEFAULT)).isEqualTo("""
        family: inet4
        dst: ""
        src: ""
        gateway: 172.20.0.1
        outLinkIndex: 2
        outLinkName: eth0
        table: main
        priority: 1024
        scope: global
        type: unicast
        flags: ""
        protocol: static
        """);
    assertThat(ResourceYaml.encodeSpec(V6)).isEqualTo("""
        family: inet6
        dst: 2001:db8:1::/64
        src: ""
        gateway: 2001:db8::fe
        outLinkIndex: 3
        outLinkName: v0
        table: "100"
        priority: 200
        scope: global
        type: unicast
        flags: cloned,offload
        protocol: RouteProtocol(16)
        mtu: 1400
        """);
  }

  @Test
  void yamlReadsBackButForTheUnprintedNextHopFlags() {
    for (RouteStatus r : new RouteStatus[] {DEFAULT, LOOPBACK}) {
      assertThat(ResourceYaml.decodeSpec(ResourceYaml.encodeSpec(r), RouteStatus.class)).isEqualTo(r);
    }
    RouteStatus back = ResourceYaml.decodeSpec(ResourceYaml.encodeSpec(V6), RouteStatus.class);
    assertThat(back.flags()).as("onlink (0x4) is not printed, as in Talos").isEqualTo(new RouteFlags(0x4200));
    assertThat(back.dst()).isEqualTo(V6.dst());
    assertThat(back.src()).isNull();
  }

  @Test
  void protobufNumbersAreTalos() {
    int[] numbers = Arrays.stream(RouteStatus.class.getRecordComponents())
        .mapToInt(c -> c.getAccessor().getAnnotation(ProtoField.class).value()).toArray();
    assertThat(numbers).containsExactly(IntStream.rangeClosed(1, 13).toArray());
    var fields = ProtoFields.parse(ProtoSpecs.encode(LOOPBACK));
    assertThat(fields.varint(1)).isEqualTo(2);
    assertThat(fields.message(2).bytes(1)).containsExactly(127, 0, 0, 0);
    assertThat(fields.message(2).varint(2)).isEqualTo(8);
    assertThat(fields.message(3).bytes(1)).containsExactly(127, 0, 0, 1);
    assertThat(fields.has(4)).as("no gateway").isFalse();
    assertThat(fields.varint(5)).isEqualTo(1);
    assertThat(fields.string(6)).isEqualTo("lo");
    assertThat(fields.varint(7)).isEqualTo(255);
    assertThat(fields.varint(9)).isEqualTo(254);
    assertThat(fields.varint(10)).isEqualTo(2);
    assertThat(fields.varint(12)).isEqualTo(2);
    var v6 = ProtoFields.parse(ProtoSpecs.encode(V6));
    assertThat(v6.varint(8)).isEqualTo(200);
    assertThat(v6.varint(11)).isEqualTo(0x4204);
    assertThat(v6.varint(13)).isEqualTo(1400);
  }

  @Test
  void theIdIsTalosRouteId() {
    assertThat(DEFAULT.id()).isEqualTo("inet4/172.20.0.1//1024");
    assertThat(LOOPBACK.id()).isEqualTo("local/inet4//127.0.0.0/8/0");
    assertThat(V6.id()).isEqualTo("100/v0/inet6/2001:db8::fe/2001:db8:1::/64/200");
    assertThat(RouteStatus.id(RoutingTable.MAIN, Family.INET4, IpPrefix.parse("10.0.0.35/32"),
        IpAddr.parse("10.0.0.34"), 1024, "eth0")).isEqualTo("inet4/10.0.0.34/10.0.0.35/32/1024");
    assertThat(RouteStatus.id(RoutingTable.MAIN, Family.INET6, null,
        IpAddr.parse("2001:470:6d:30e:8ed2:b60c:9d2f:803b"), 1024, "eth2"))
        .isEqualTo("eth2/inet6/2001:470:6d:30e:8ed2:b60c:9d2f:803b//1024");
    assertThat(RouteStatus.id(RoutingTable.of(101), Family.INET6, null,
        IpAddr.parse("2001:470:6d:30e:8ed2:b60c:9d2f:803b"), 200, "enp0s3"))
        .isEqualTo("101/enp0s3/inet6/2001:470:6d:30e:8ed2:b60c:9d2f:803b//200");
  }

  @Test
  void definitionMatchesTalos() {
    var d = RouteStatus.DEFINITION;
    assertThat(d.type()).isEqualTo("RouteStatuses.net.talos.dev");
    assertThat(d.defaultNamespace()).isEqualTo("network");
    assertThat(d.aliases()).contains("route", "routes", "routestatus");
    assertThat(d.printColumns()).containsExactly(new PrintColumn("Destination", "dst"),
        new PrintColumn("Gateway", "gateway"), new PrintColumn("Link", "outLinkName"),
        new PrintColumn("Metric", "priority"));
  }

  @Test
  void typesProtocolsAndFlagsPrintAsEnumerDoes() {
    assertThat(RouteType.of(6)).hasToString("blackhole");
    assertThat(RouteType.of(11)).hasToString("xresolve");
    assertThat(RouteType.of(12)).hasToString("RouteType(12)");
    assertThat(RouteType.parse("RouteType(12)")).isEqualTo(RouteType.of(12));
    assertThat(RouteType.parse("Multicast")).isEqualTo(RouteType.of(5));
    assertThat(RouteProtocol.of(3)).hasToString("boot");
    assertThat(RouteProtocol.of(9)).hasToString("RouteProtocol(9)");
    assertThatThrownBy(() -> RouteProtocol.parse("bird")).hasMessageContaining("RouteProtocol values");
    assertThat(new RouteFlags(0xff00).text())
        .isEqualTo("notify,cloned,equalize,prefix,lookup_table,fib_match,offload,trap");
    assertThat(new RouteFlags(0x14).text()).as("next-hop bits kept, not printed").isEmpty();
    assertThat(RouteFlags.parse("cloned,offload")).isEqualTo(new RouteFlags(0x4200));
    assertThat(RouteFlags.parse("")).isEqualTo(RouteFlags.NONE);
    assertThatThrownBy(() -> RouteFlags.parse("onlink")).hasMessageContaining("onlink");
  }
}
