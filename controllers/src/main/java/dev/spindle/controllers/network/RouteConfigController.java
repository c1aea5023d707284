package dev.spindle.controllers.network;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.spindle.resources.config.LinkRouteConfig;
import dev.spindle.resources.config.LinkDocument;
import com.fasterxml.jackson.databind.JsonNode;
import dev.spindle.controllers.config.ConfigController;
import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.GoQuote;
import dev.spindle.resources.network.DeviceConfigSpec;
import dev.spindle.resources.network.Family;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.IpPrefix;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.RouteProtocol;
import dev.spindle.resources.network.RouteSpec;
import dev.spindle.resources.network.RouteType;
import dev.spindle.resources.network.RoutingTable;
import dev.spindle.resources.network.Scope;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.resource.ResourceReader;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The config stage of routes, as Talos's {@code network.RouteConfigController}: writes {@code <layer>/<RouteID>}
 * {@link RouteSpec}s into {@code network-config} for
 * <ul>
 *   <li>{@code cmdline}: for each {@code ip=} with a gateway, a default route via it on its link, protocol boot,
 *       metric 1024 plus the {@code ip=}'s position (so two of them do not collide); for an IPv4 gateway outside the
 *       client address's prefix also a link-scope route to the gateway's /32 with the client address as source;
 *       nothing for a link that a {@code machine.network.interfaces[]} entry ignores;</li>
 *   <li>{@code configuration}: {@code routes} of every {@code machine.network.interfaces[]} entry bound to a link (its
 *       {@link DeviceConfigSpec}) and of its {@code vlans[]} on {@code <link>.<vlanId>}: {@code network},
 *       {@code gateway}, {@code source}, {@code metric} (1024 when absent or 0) and {@code mtu}; table main, protocol
 *       static, multicast for a multicast network, family and scope as Talos derives them (Normalize).</li>
 * </ul>
 *
 * <p>The parser has validated the configuration already; a route that still cannot be used is left out with a
 * warning naming the link, the entry and the value, logged once (Talos logs and skips only what does not parse).
 * Beyond Talos, Spindle also skips a network with host bits set (the kernel refuses {@code 10.0.0.5/24} as an IPv4
 * destination, and the route would fail on every pass) and a gateway or source of the other family than the network
 * (a cross-family next hop, RTA_VIA, is not supported by Spindle's route port yet).
 *
 * <p>The multi-document link kinds add their {@code routes} (with {@code table}) on the link their {@code name}
 * resolves to. Not yet as in Talos: {@code BlackholeRouteConfig} (Spindle does not model that document yet). The
 * legacy v1alpha1 route has no table.
 */
public final class RouteConfigController extends ConfigController<RouteSpec> {
  private final WarnOnce warnings = new WarnOnce(name());
  private final CmdlineNetworkSource cmdline = new CmdlineNetworkSource(warnings);

  public RouteConfigController() {
    super(RouteSpec.DEFINITION, Namespaces.NETWORK_CONFIG);
  }

  @Override
  protected List<Input> inputs() {
    return LinkDocuments.INPUTS;
  }

  @Override
  public Map<String, RouteSpec> project(ResourceReader sources) {
    var specs = new LinkedHashMap<String, RouteSpec>();
    // in a dry run, bound from the proposed configuration, as the address stage does
    Map<String, DeviceConfigSpec> devices = AddressConfigController.devices(sources);
    // legacy interface names resolve as the link stage resolves them: through altnames and aliases
    LinkResolver resolver = LinkDocuments.resolver(sources);
    Set<String> ignored = new HashSet<>();
    devices.values().forEach(d -> {
      if (d.device().tree().path("ignore").asBoolean(false)) {
        ignored.add(d.device().interfaceName());
      }
    });
    cmdline.read(sources).ifPresent(settings -> {
      List<CmdlineNetwork.LinkConfig> links = settings.linkConfigs();
      for (int i = 0; i < links.size(); i++) {
        if (!ignored.contains(links.get(i).linkName())) {
          cmdlineRoutes(links.get(i), i).forEach(spec -> add(specs, spec));
        }
      }
    });
    devices.forEach((id, d) -> {
      JsonNode entry = d.device().tree();
      if (entry.path("ignore").asBoolean(false)) {
        return;
      }
      String link = resolver.resolve(d.device().interfaceName());
      configured(specs, link, entry.path("routes"), "DeviceConfigSpec " + id);
      JsonNode vlans = entry.path("vlans");
      for (int i = 0; i < vlans.size(); i++) {
        JsonNode vlan = vlans.get(i);
        configured(specs, VlanLinkName.of(link, vlan.path("vlanId").asInt()), vlan.path("routes"),
            "DeviceConfigSpec " + id + " vlans[" + i + "]");
      }
    });
    for (LinkDocument document : LinkDocuments.documents(sources)) {
      String link = resolver.resolve(document.name());
      List<LinkRouteConfig> routes = document.common().routes();
      for (int i = 0; i < routes.size(); i++) {
        String at = document.kind() + " " + document.name() + " routes[" + i + "]";
        try {
          add(specs, documentRoute(link, routes.get(i)));
          warnings.clear("route/" + at);
        } catch (IllegalArgumentException e) {
          warnings.warn("route/" + at, "skipping route on interface " + GoQuote.quote(link) + " (" + at + "): "
              + e.getMessage());
        }
      }
    }
    return specs;
  }

  /** One {@code routes[]} entry of a link document: the legacy conversion, plus its {@code table}. */
  static RouteSpec documentRoute(String link, LinkRouteConfig route) {
    var entry = JsonNodeFactory.instance.objectNode();
    if (route.destination() != null) {
      entry.put("network", route.destination().toString());
    }
    if (route.gateway() != null) {
      entry.put("gateway", route.gateway().toString());
    }
    if (route.source() != null) {
      entry.put("source", route.source().toString());
    }
    entry.put("metric", route.metric());
    entry.put("mtu", route.mtu());
    RouteSpec spec = configuredRoute(link, entry);
    return route.table().isEmpty() ? spec : spec.toBuilder().table(RoutingTable.parse(route.table())).build();
  }

  /** The routes of the {@code position}-th {@code ip=}: none without a gateway. */
  static List<RouteSpec> cmdlineRoutes(CmdlineNetwork.LinkConfig link, int position) {
    if (link.gateway().isEmpty()) {
      return List.of();
    }
    IpAddr gateway = link.gateway().get();
    int priority = RouteSpec.DEFAULT_METRIC + position;
    RouteSpec viaGateway = RouteSpec.builder(gateway.isV4() ? Family.INET4 : Family.INET6).gateway(gateway)
        .table(RoutingTable.MAIN).priority(priority).protocol(RouteProtocol.BOOT).type(RouteType.UNICAST)
        .outLinkName(link.linkName()).layer(ConfigLayer.CMDLINE).build().normalize().spec();
    boolean onLink = link.address().map(a -> contains(a, gateway)).orElse(false);
    if (!gateway.isV4() || onLink) {
      return List.of(viaGateway);
    }
    RouteSpec toGateway = RouteSpec.builder(Family.INET4).dst(new IpPrefix(gateway, 32))
        .src(link.address().map(IpPrefix::addr).orElse(null)).outLinkName(link.linkName()).table(RoutingTable.MAIN)
        .priority(priority).scope(Scope.LINK).type(RouteType.UNICAST).protocol(RouteProtocol.BOOT)
        .layer(ConfigLayer.CMDLINE).build();
    return List.of(viaGateway, toGateway);
  }

  private void configured(Map<String, RouteSpec> specs, String link, JsonNode routes, String where) {
    for (int i = 0; i < routes.size(); i++) {
      JsonNode route = routes.get(i);
      String at = where + " routes[" + i + "]";
      String topic = "route/" + at;
      try {
        add(specs, configuredRoute(link, route));
        warnings.clear(topic);
      } catch (IllegalArgumentException e) {
        warnings.warn(topic, "skipping route " + GoQuote.quote(route.path("network").asText("")) + " -> "
            + GoQuote.quote(route.path("gateway").asText("")) + " on interface " + GoQuote.quote(link) + " (" + at
            + "): " + e.getMessage());
      }
    }
  }

  /** One {@code routes[]} entry as Talos's {@code processDevicesConfiguration} converts it. */
  static RouteSpec configuredRoute(String link, JsonNode route) {
    IpPrefix dst = text(route, "network").map(RouteConfigController::network).orElse(null);
    IpAddr gateway = text(route, "gateway").map(t -> addr(t, "gateway")).orElse(null);
    IpAddr source = text(route, "source").map(t -> addr(t, "source")).orElse(null);
    RouteSpec.Normalized normalized = RouteSpec.builder(Family.INET4).dst(dst).gateway(gateway).src(source).build()
        .normalize();
    RouteSpec spec = normalized.spec();
    Family family;
    if (spec.gateway() != null && !spec.gateway().isV4()) {
      family = Family.INET6;
    } else if (spec.dst() != null && !spec.dst().addr().isV4()) {
      family = Family.INET6;
    } else {
      family = normalized.family().orElse(Family.INET4);
    }
    // the destination decides; without one, the gateway
    Family routeFamily = spec.dst() != null ? familyOf(spec.dst().addr())
        : spec.gateway() != null ? familyOf(spec.gateway()) : family;
    sameFamily(routeFamily, spec.gateway(), "gateway");
    sameFamily(routeFamily, spec.src(), "source");
    int metric = route.path("metric").asInt(0);
    return spec.toBuilder().family(family).priority(metric == 0 ? RouteSpec.DEFAULT_METRIC : metric)
        .mtu(route.path("mtu").asInt(0)).table(RoutingTable.MAIN).protocol(RouteProtocol.STATIC).outLinkName(link)
        .layer(ConfigLayer.CONFIGURATION)
        .type(spec.dst() != null && isMulticast(spec.dst().addr()) ? RouteType.MULTICAST : RouteType.UNICAST)
        .build();
  }

  private static Optional<String> text(JsonNode route, String field) {
    JsonNode value = route.path(field);
    return value.isValueNode() && !value.asText().isEmpty() ? Optional.of(value.asText())
        : Optional.empty();
  }

  private static IpPrefix network(String text) {
    IpPrefix prefix;
    try {
      prefix = IpPrefix.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("error parsing route network: " + e.getMessage(), e);
    }
    IpPrefix masked = masked(prefix);
    if (!masked.equals(prefix)) {
      throw new IllegalArgumentException("the network has host bits set (the network is " + masked
          + "): the kernel would refuse the route");
    }
    return prefix;
  }

  private static IpAddr addr(String text, String what) {
    try {
      return IpAddr.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("error parsing route " + what + ": " + e.getMessage(), e);
    }
  }

  private static Family familyOf(IpAddr addr) {
    return addr.isV4() ? Family.INET4 : Family.INET6;
  }

  private static void sameFamily(Family family, IpAddr addr, String what) {
    if (addr != null && addr.isV4() != (family == Family.INET4)) {
      throw new IllegalArgumentException("the " + what + " " + addr + " is not " + family.text()
          + " as the route is (a next hop of the other family is not supported)");
    }
  }

  static boolean contains(IpPrefix prefix, IpAddr addr) {
    return addr.isV4() == prefix.addr().isV4() && masked(prefix).equals(masked(new IpPrefix(addr, prefix.bits())));
  }

  static IpPrefix masked(IpPrefix prefix) {
    byte[] b = prefix.addr().bytes();
    for (int i = 0; i < b.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix.bits() - 8 * i));
      b[i] &= (byte) (0xff << (8 - keep));
    }
    return new IpPrefix(new IpAddr(b), prefix.bits());
  }

  private static boolean isMulticast(IpAddr addr) {
    byte[] b = addr.bytes();
    return b.length == 4 ? (b[0] & 0xf0) == 0xe0 : (b[0] & 0xff) == 0xff;
  }

  private static void add(Map<String, RouteSpec> specs, RouteSpec spec) {
    specs.put(spec.layeredId(), spec);
  }
}
