package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.platform.network.AddressMessage;
import dev.spindle.platform.network.Ifa;
import dev.spindle.resources.network.AddressFlags;
import dev.spindle.resources.network.AddressStatus;
import dev.spindle.resources.network.Family;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.IpPrefix;
import dev.spindle.resources.network.Scope;
import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddressStatusMapperTest {
  private static final Map<Integer, String> LINKS = Map.of(1, "lo", 2, "eth0");

  private static byte[] ip(String literal) {
    return InetAddress.ofLiteral(literal).getAddress();
  }

  @Test
  void anIpv4AddressWithBroadcastAndMetric() {
    var message = AddressMessage.of(2, "172.20.0.2", 24).toBuilder().broadcast(ip("172.20.0.255"))
        .flags(Ifa.F_PERMANENT).label("eth0").priority(1024).build();
    assertThat(AddressStatusMapper.map(message, LINKS)).isEqualTo(new AddressStatus(IpPrefix.parse("172.20.0.2/24"),
        IpAddr.parse("172.20.0.2"), IpAddr.parse("172.20.0.255"), null, null, 2, "eth0", Family.INET4,
        Scope.GLOBAL, new AddressFlags(0x80), 1024));
  }

  @Test
  void anIpv6AddressHasNoLocalAndKeepsItsScopeAndAllFlagBits() {
    var message = AddressMessage.builder(Ifa.AF_INET6, 1).address(ip("::1")).prefixLength(128)
        .scope(Ifa.SCOPE_HOST).flags(Ifa.F_PERMANENT | Ifa.F_NOPREFIXROUTE | 1 << 20).build();
    var status = AddressStatusMapper.map(message, LINKS);
    assertThat(status.id()).isEqualTo("lo/::1/128");
    assertThat(status.local()).isNull();
    assertThat(status.family()).isEqualTo(Family.INET6);
    assertThat(status.scope()).isEqualTo(Scope.HOST);
    assertThat(status.flags().bits()).isEqualTo(0x80 | 0x200 | 1 << 20);
  }

  @Test
  void aPointToPointAddressIsReportedByItsPeerAsTalosDoes() {
    var message = AddressMessage.of(2, "10.9.0.1", 32).toBuilder().address(ip("10.9.0.2")).build();
    var status = AddressStatusMapper.map(message, LINKS);
    assertThat(status.id()).isEqualTo("eth0/10.9.0.2/32");
    assertThat(status.local()).isEqualTo(IpAddr.parse("10.9.0.1"));
  }

  @Test
  void anUnknownLinkIndexGivesAnEmptyNameAndAnUnnamedScopeIsKept() {
    var message = AddressMessage.of(7, "10.0.0.1", 8).toBuilder().scope(100).build();
    var status = AddressStatusMapper.map(message, LINKS);
    assertThat(status.id()).isEqualTo("/10.0.0.1/8");
    assertThat(status.scope()).hasToString("Scope(100)");
  }

  @Test
  void anycastAndMulticastAreCarried() {
    var message = AddressMessage.builder(Ifa.AF_INET6, 2).address(ip("fe80::1")).prefixLength(64)
        .anycast(ip("fe80::2")).multicast(ip("ff02::1")).build();
    var status = AddressStatusMapper.map(message, LINKS);
    assertThat(status.anycast()).isEqualTo(IpAddr.parse("fe80::2"));
    assertThat(status.multicast()).isEqualTo(IpAddr.parse("ff02::1"));
  }
}
