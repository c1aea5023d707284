package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.platform.network.Ifa;
import dev.spindle.platform.network.RouteMessage;
import dev.spindle.platform.network.Rtn;
import dev.spindle.resources.network.Family;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.IpPrefix;
import dev.spindle.resources.network.RouteFlags;
import dev.spindle.resources.network.RouteProtocol;
import dev.spindle.resources.network.RouteStatus;
import dev.spindle.resources.network.RouteType;
import dev.spindle.resources.network.RoutingTable;
import dev.spindle.resources.network.Scope;
import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteStatusMapperTest {
  private static final Map<Integer, String> LINKS = Map.of(1, "lo", 2, "eth0");

  private static byte[] ip(String literal) {
    return InetAddress.ofLiteral(literal).getAddress();
  }

  @Test
  void aDefaultRouteHasNoDestinationAndIsKeyedByItsGateway() {
    var message = RouteMessage.of(null, 0, "172.20.0.1", 2, 1024).toBuilder().protocol(Rtn.PROT_STATIC).build();
    RouteStatus status = RouteStatusMapper.map(message, LINKS);
    assertThat(status).isEqualTo(new RouteStatus(Family.INET4, null, null, IpAddr.parse("172.20.0.1"), 2, "eth0",
        RoutingTable.MAIN, 1024, Scope.GLOBAL, RouteType.UNICAST, RouteFlags.NONE, RouteProtocol.STATIC, 0));
    assertThat(status.id()).isEqualTo("inet4/172.20.0.1//1024");
  }

  @Test
  void aLocalTableRouteTakesItsPreferredSourceAsSrc() {
    var message = RouteMessage.builder(Ifa.AF_INET).dst(ip("127.0.0.0")).dstLength(8).table(Rtn.TABLE_LOCAL)
        .type(Rtn.LOCAL).scope(Ifa.SCOPE_HOST).protocol(Rtn.PROT_KERNEL).outIndex(1).prefSrc(ip("127.0.0.1"))
        .build();
    RouteStatus status = RouteStatusMapper.map(message, LINKS);
    assertThat(status.id()).isEqualTo("local/inet4//127.0.0.0/8/0");
    assertThat(status.dst()).isEqualTo(IpPrefix.parse("127.0.0.0/8"));
    assertThat(status.src()).isEqualTo(IpAddr.parse("127.0.0.1"));
    assertThat(status.gateway()).isNull();
    assertThat(status.scope()).isEqualTo(Scope.HOST);
    assertThat(status.type()).isEqualTo(RouteType.LOCAL);
    assertThat(status.protocol()).isEqualTo(RouteProtocol.KERNEL);
  }

  @Test
  void anIpv6RouteIsKeyedByItsLinkAndKeepsTableMtuAndFlags() {
    var message = RouteMessage.of("2001:db8:1::", 64, "2001:db8::fe", 2, 200).toBuilder().table(1000).mtu(1400)
        .flags(Rtn.F_ONLINK | Rtn.F_CLONED).build();
    RouteStatus status = RouteStatusMapper.map(message, LINKS);
    assertThat(status.id()).isEqualTo("RoutingTable(1000)/eth0/inet6/2001:db8::fe/2001:db8:1::/64/200");
    assertThat(status.mtu()).isEqualTo(1400);
    assertThat(status.flags().bits()).isEqualTo(0x204);
    assertThat(status.flags().text()).isEqualTo("cloned");
  }

  @Test
  void aRouteWithoutALinkOrWithAVanishedOneHasAnEmptyLinkName() {
    var blackhole = RouteMessage.of("10.99.0.0", 16, null, 0, 0).toBuilder().type(Rtn.BLACKHOLE).build();
    assertThat(RouteStatusMapper.map(blackhole, LINKS).outLinkName()).isEmpty();
    assertThat(RouteStatusMapper.map(blackhole, LINKS).type().text()).isEqualTo("blackhole");
    var gone = RouteMessage.of("fd00::", 64, null, 9, 256);
    assertThat(RouteStatusMapper.map(gone, LINKS).id()).isEqualTo("/inet6//fd00::/64/256");
  }
}
