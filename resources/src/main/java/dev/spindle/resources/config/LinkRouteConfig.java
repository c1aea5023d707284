package dev.spindle.resources.config;

import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.IpPrefix;

/**
 * One {@code routes[]} entry of a link document (Talos's {@code RouteConfig}): {@code destination}, {@code gateway}
 * and {@code source} null when unset (no destination: a default route for the gateway's family), {@code metric} and
 * {@code mtu} 0 when unset, {@code table} {@code ""} for the main table.
 */
public record LinkRouteConfig(IpPrefix destination, IpAddr gateway, IpAddr source, int metric, int mtu,
    String table) {
  public LinkRouteConfig {
    table = table == null ? "" : table;
  }
}
