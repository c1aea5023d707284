package dev.spindle.resources.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.codec.ProtoSpecs;
import dev.spindle.runtime.codec.ResourceYaml;
import dev.spindle.runtime.testing.ProtoFields;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** RouteSpec against Talos's RouteSpecSpec: the YAML vector of route_spec_test.go, Normalize, ids, protobuf numbers. */
class RouteSpecTest {
  private static final RouteSpec TALOS = RouteSpec.builder(Family.INET6).dst(IpPrefix.parse("192.168.3.4/25"))
      .src(IpAddr.parse("1.1.1.1")).gateway(IpAddr.parse("2.2.2.2")).outLinkName("eth0").table(RoutingTable.LOCAL)
      .priority(1024).scope(Scope.HOST).type(RouteType.of(4)).flags(new RouteFlags(0x4000 | 0x200))
      .protocol(RouteProtocol.BOOT).layer(ConfigLayer.PLATFORM).mtu(1400).build();

  @Test
  void theTalosVectorPrintsByteForByteAndReadsBack() {
    String yaml = """
        family: inet6
        dst: 192.168.3.4/25
        src: 1.1.1.1
        gateway: 2.2.2.2
        outLinkName: eth0
        table: local
        priority: 1024
        scope: host
        type: anycast
        flags: cloned,offload
        protocol: boot
        layer: platform
        mtu: 1400
        """;
    assertThat(ResourceYaml.encodeSpec(TALOS)).isEqualTo(yaml);
    assertThat(ResourceYaml.decodeSpec(yaml, RouteSpec.class)).isEqualTo(TALOS);
  }

  @Test
  void zeroAddressesPrintAsEmptyTextAndOmitEmptyFieldsAreLeftOut() {
    var spec = RouteSpec.builder(Family.INET4).gateway(IpAddr.parse("172.20.0.1")).protocol(RouteProtocol.BOOT)
        .layer(ConfigLayer.CMDLINE).build();
    String yaml = ResourceYaml.encodeSpec(spec);
    assertThat(yaml).isEqualTo("""
        family: inet4
        dst: ""
        src: ""
        gateway: 172.20.0.1
        table: main
        scope: global
        type: unicast
        flags: ""
        protocol: boot
        layer: cmdline
        """);
    assertThat(ResourceYaml.decodeSpec(yaml, RouteSpec.class)).isEqualTo(spec);
    var multipath = spec.toBuilder().gateway(null).nextHops(List.of(new RouteNextHop(IpAddr.parse("fe80::1"),
        "eth0", 2))).build();
    assertThat(ResourceYaml.encodeSpec(multipath)).endsWith("""
        layer: cmdline
        nextHops:
            - gateway: fe80::1
              outLinkName: eth0
              weight: 2
        """);
    assertThat(ResourceYaml.decodeSpec(ResourceYaml.encodeSpec(multipath), RouteSpec.class)).isEqualTo(multipath);
  }

  @Test
  void normalizeClearsZeroValuesAndReportsTheirFamily() {
    var v4 = RouteSpec.builder(Family.INET4).dst(IpPrefix.parse("0.0.0.0/0")).src(IpAddr.parse("0.0.0.0"))
        .gateway(IpAddr.parse("0.0.0.0")).outLinkName("eth0").table(RoutingTable.LOCAL).priority(1024)
        .layer(ConfigLayer.PLATFORM).mtu(1400).scope(Scope.HOST).build().normalize();
    assertThat(v4.spec().dst()).isNull();
    assertThat(v4.spec().src()).isNull();
    assertThat(v4.spec().gateway()).isNull();
    assertThat(v4.family()).contains(Family.INET4);
    assertThat(v4.spec().scope()).isEqualTo(Scope.GLOBAL);
    assertThat(v4.spec().family()).as("the spec's family is left to the caller").isEqualTo(Family.INET4);

    var v6 = RouteSpec.builder(Family.INET4).dst(IpPrefix.parse("::/0")).outLinkName("eth0").build().normalize();
    assertThat(v6.spec().dst()).isNull();
    assertThat(v6.family()).contains(Family.INET6);
    assertThat(v6.spec().scope()).isEqualTo(Scope.GLOBAL);
  }

  @Test
  void normalizeDerivesTheScope() {
    assertThat(scope("10.0.0.0/8", null)).isEqualTo(Scope.LINK);
    assertThat(scope("10.0.0.0/8", "10.0.0.1")).isEqualTo(Scope.GLOBAL);
    assertThat(scope("127.0.0.0/8", "10.0.0.1")).isEqualTo(Scope.HOST);
    assertThat(scope("::1/128", "fe80::1")).isEqualTo(Scope.HOST);
    assertThat(scope(null, "10.0.0.1")).isEqualTo(Scope.GLOBAL);
    assertThat(scope(null, null)).isEqualTo(Scope.GLOBAL);
    var multipath = RouteSpec.builder(Family.INET4).dst(IpPrefix.parse("10.0.0.0/8"))
        .nextHops(List.of(new RouteNextHop(IpAddr.parse("10.0.0.1"), "", 0))).build().normalize();
    assertThat(multipath.spec().scope()).isEqualTo(Scope.GLOBAL);
    assertThat(multipath.family()).isEqualTo(Optional.empty());
  }

  private static Scope scope(String dst, String gateway) {
    return RouteSpec.builder(Family.INET4).dst(dst == null ? null : IpPrefix.parse(dst))
        .gateway(gateway == null ? null : IpAddr.parse(gateway)).build().normalize().spec().scope();
  }

  @Test
  void idsAreTalosRouteIdsWithAndWithoutTheLayer() {
    var cmdline = RouteSpec.builder(Family.INET4).dst(IpPrefix.parse("172.20.0.1/32")).priority(1024)
        .layer(ConfigLayer.CMDLINE).build();
    assertThat(cmdline.layeredId()).isEqualTo("cmdline/inet4//172.20.0.1/32/1024");
    var v6 = RouteSpec.builder(Family.INET6).gateway(IpAddr.parse("2001:470:6d:30e:8ed2:b60c:9d2f:803b"))
        .outLinkName("eth2").priority(1024).layer(ConfigLayer.CONFIGURATION).build();
    assertThat(v6.layeredId()).isEqualTo("configuration/eth2/inet6/2001:470:6d:30e:8ed2:b60c:9d2f:803b//1024");
    assertThat(v6.toBuilder().table(RoutingTable.of(101)).outLinkName("enp0s3").priority(200).build().layeredId())
        .isEqualTo("configuration/101/enp0s3/inet6/2001:470:6d:30e:8ed2:b60c:9d2f:803b//200");
    assertThat(RouteSpec.builder(Family.INET4).dst(IpPrefix.parse("10.0.0.35/32")).gateway(IpAddr.parse("10.0.0.34"))
        .priority(1024).build().id()).isEqualTo("inet4/10.0.0.34/10.0.0.35/32/1024");
    assertThat(RouteSpec.DEFINITION.type()).isEqualTo("RouteSpecs.net.talos.dev");
    assertThat(RouteSpec.DEFINITION.defaultNamespace()).isEqualTo("network");
    assertThat(RouteSpec.DEFINITION.printColumns()).isEmpty();
    assertThat(RouteSpec.DEFINITION.aliases()).containsExactly("routespec", "rs");
  }

  @Test
  void protobufNumbersAreTalos() {
    int[] numbers = Arrays.stream(RouteSpec.class.getRecordComponents())
        .mapToInt(c -> c.getAccessor().getAnnotation(ProtoField.class).value()).toArray();
    assertThat(numbers).containsExactly(IntStream.rangeClosed(1, 14).toArray());
    var fields = ProtoFields.parse(ProtoSpecs.encode(TALOS));
    assertThat(fields.varint(1)).isEqualTo(10);
    assertThat(fields.message(2).bytes(1)).containsExactly(192, 168, 3, 4);
    assertThat(fields.message(2).varint(2)).isEqualTo(25);
    assertThat(fields.message(3).bytes(1)).containsExactly(1, 1, 1, 1);
    assertThat(fields.message(4).bytes(1)).containsExactly(2, 2, 2, 2);
    assertThat(fields.string(5)).isEqualTo("eth0");
    assertThat(fields.varint(6)).isEqualTo(255);
    assertThat(fields.varint(7)).isEqualTo(1024);
    assertThat(fields.varint(8)).isEqualTo(254);
    assertThat(fields.varint(9)).isEqualTo(4);
    assertThat(fields.varint(10)).isEqualTo(0x4200);
    assertThat(fields.varint(11)).isEqualTo(3);
    assertThat(fields.varint(12)).isEqualTo(2);
    assertThat(fields.varint(13)).isEqualTo(1400);
    assertThat(fields.has(14)).isFalse();
  }
}
