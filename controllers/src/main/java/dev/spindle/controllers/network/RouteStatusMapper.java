package dev.spindle.controllers.network;

import dev.spindle.platform.network.RouteMessage;
import dev.spindle.resources.network.Family;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.IpPrefix;
import dev.spindle.resources.network.RouteFlags;
import dev.spindle.resources.network.RouteProtocol;
import dev.spindle.resources.network.RouteStatus;
import dev.spindle.resources.network.RouteType;
import dev.spindle.resources.network.RoutingTable;
import dev.spindle.resources.network.Scope;
import java.util.Map;

/**
 * Turns rtnetlink's view of a route into a {@link RouteStatus}, as Talos's RouteStatusController fills it: the table
 * from RTA_TABLE (all 32 bits), {@code src} from RTA_PREFSRC, the MTU from RTA_METRICS. A pure function, so every rule
 * is tested with plain values.
 */
public final class RouteStatusMapper {
  private RouteStatusMapper() {}

  /**
   * The status of {@code route}; {@code linkNames} maps ifindex to link name from the same moment's link dump. A route
   * without an out link (blackhole, unreachable) or whose link went away between the dumps gets an empty link name,
   * as in Talos.
   */
  public static RouteStatus map(RouteMessage route, Map<Integer, String> linkNames) {
    byte[] dst = route.dst();
    return new RouteStatus(
        Family.of(route.family()),
        dst.length == 0 ? null : new IpPrefix(new IpAddr(dst), route.dstLength()),
        optional(route.prefSrc()),
        optional(route.gateway()),
        route.outIndex(),
        linkNames.getOrDefault(route.outIndex(), ""),
        RoutingTable.of(route.table()),
        route.priority(),
        Scope.of(route.scope()),
        RouteType.of(route.type()),
        new RouteFlags(route.flags()),
        RouteProtocol.of(route.protocol()),
        route.mtu());
  }

  private static IpAddr optional(byte[] ip) {
    return ip.length == 0 ? null : new IpAddr(ip);
  }
}
