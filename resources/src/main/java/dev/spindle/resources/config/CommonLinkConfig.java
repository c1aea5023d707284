package dev.spindle.resources.config;

import java.util.List;

/**
 * The fields every link document has (Talos's {@code CommonLinkConfig}): {@code up} and {@code multicast} are null
 * when unset ({@code up} then means up), {@code mtu} 0 when unset (the kernel's default).
 */
public record CommonLinkConfig(Boolean up, int mtu, List<LinkAddressConfig> addresses,
    List<LinkRouteConfig> routes, Boolean multicast) {
  public static final CommonLinkConfig EMPTY = new CommonLinkConfig(null, 0, List.of(), List.of(), null);

  public CommonLinkConfig {
    addresses = addresses == null ? List.of() : List.copyOf(addresses);
    routes = routes == null ? List.of() : List.copyOf(routes);
  }

  /** Talos's {@code Up().ValueOr(true)}. */
  public boolean upOrDefault() {
    return up == null || up;
  }
}
