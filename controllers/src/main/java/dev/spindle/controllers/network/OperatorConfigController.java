package dev.spindle.controllers.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spindle.controllers.config.ConfigController;
import dev.spindle.controllers.config.ConfigSources;
import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.config.LinkDocument;
import dev.spindle.resources.network.DeviceConfigSpec;
import dev.spindle.resources.network.LinkSpec;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.OperatorSpec;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceQuery;
import dev.spindle.runtime.resource.ResourceReader;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The config stage of operators, as Talos's {@code network.OperatorConfigController}, for DHCP: writes
 * {@code <layer>/<operator>/<link>} {@link OperatorSpec}s into {@code network-config} for
 * <ul>
 *   <li>{@code cmdline}: {@code ip=<dev>:dhcp} (and {@code autoconf=dhcp}) → DHCPv4 on that link;</li>
 *   <li>{@code configuration}: each bound {@code machine.network.interfaces[]} entry (and each of its
 *       {@code vlans[]}) with {@code dhcp: true} → DHCPv4 unless {@code dhcpOptions.ipv4: false}, DHCPv6 when
 *       {@code dhcpOptions.ipv6: true}, with {@code dhcpOptions.routeMetric} (default 1024); ignored entries and
 *       {@code talos.network.interface.ignore=} links get none;</li>
 *   <li>{@code default}: while the configuration has no link documents, DHCPv4 on every physical link that no
 *       {@code cmdline}, {@code platform} or {@code configuration} link spec names.</li>
 * </ul>
 * Spindle runs no DHCP client yet: these specs only record what Talos would run. Not yet as in Talos: the
 * {@code DHCPv4Config}/{@code DHCPv6Config} documents, client identifiers and DUIDs, and the VIP operator.
 */
public final class OperatorConfigController extends ConfigController<OperatorSpec> {
  private final WarnOnce warnings = new WarnOnce(name());

  public OperatorConfigController() {
    super(OperatorSpec.DEFINITION, Namespaces.NETWORK_CONFIG);
  }

  @Override
  protected List<Input> inputs() {
    return List.of(ConfigSources.MACHINE_CONFIG, ConfigSources.KERNEL_CMDLINE,
        Input.weak(DeviceConfigSpec.DEFINITION, Namespaces.NETWORK),
        Input.weak(LinkStatus.DEFINITION, Namespaces.NETWORK),
        Input.weak(LinkSpec.DEFINITION, Namespaces.NETWORK_CONFIG));
  }

  @Override
  public Map<String, OperatorSpec> project(ResourceReader sources) {
    List<Resource<LinkStatus>> links = sources.list(LinkStatus.DEFINITION, Namespaces.NETWORK, ResourceQuery.ALL)
        .stream().sorted(Comparator.comparing(Resource::id)).toList();
    LinkResolver resolver = LinkResolver.of(links);
    var specs = new LinkedHashMap<String, OperatorSpec>();
    Set<String> ignored = new HashSet<>();
    try {
      CmdlineNetwork network = CmdlineNetwork.parse(ConfigSources.cmdline(sources), resolver);
      ignored.addAll(network.ignoreInterfaces());
      network.linkConfigs().stream().filter(l -> l.dhcp() && !l.linkName().isEmpty()).forEach(link -> put(specs,
          OperatorSpec.dhcp4(resolver.resolve(link.linkName()), OperatorSpec.DEFAULT_ROUTE_METRIC,
              ConfigLayer.CMDLINE)));
      warnings.clear("cmdline");
    } catch (CmdlineNetworkException e) {
      warnings.warn("cmdline", "ignored cmdline parse failure: " + e.getMessage());
    }
    for (DeviceConfigSpec device : BoundDevices.read(sources).values()) {
      JsonNode entry = device.device().tree();
      String original = device.device().interfaceName();
      String name = resolver.resolve(original);
      if (entry.path("ignore").asBoolean(false)) {
        ignored.add(name);
      }
      if (ignored.contains(name)) {
        continue;
      }
      dhcp(specs, entry, name);
      for (JsonNode vlan : entry.path("vlans")) {
        dhcp(specs, vlan, VlanLinkName.of(original, vlan.path("vlanId").asInt(0)));
      }
    }
    boolean linkDocuments = ConfigSources.machineConfig(sources)
        .map(c -> !c.documents(LinkDocument.class).isEmpty()).orElse(false);
    if (!linkDocuments) {
      Set<String> configured = new HashSet<>();
      for (Resource<LinkSpec> spec : sources.list(LinkSpec.DEFINITION, Namespaces.NETWORK_CONFIG,
          ResourceQuery.ALL)) {
        switch (spec.spec().layer()) {
          case CMDLINE, PLATFORM, CONFIGURATION -> configured.add(resolver.resolve(spec.spec().name()));
          case DEFAULT, OPERATOR -> { }
        }
      }
      for (Resource<LinkStatus> link : links) {
        if (link.spec().physical() && !configured.contains(link.id()) && !ignored.contains(link.id())) {
          put(specs, OperatorSpec.dhcp4(link.id(), OperatorSpec.DEFAULT_ROUTE_METRIC, ConfigLayer.DEFAULT));
        }
      }
    }
    return specs;
  }

  /** Talos's reading of {@code dhcp} and {@code dhcpOptions} (ipv4 on unless turned off, ipv6 only when on). */
  private static void dhcp(Map<String, OperatorSpec> specs, JsonNode entry, String link) {
    if (!entry.path("dhcp").asBoolean(false)) {
      return;
    }
    JsonNode options = entry.path("dhcpOptions");
    int metric = options.path("routeMetric").asInt(0);
    metric = metric == 0 ? OperatorSpec.DEFAULT_ROUTE_METRIC : metric;
    if (options.path("ipv4").asBoolean(true)) {
      put(specs, OperatorSpec.dhcp4(link, metric, ConfigLayer.CONFIGURATION));
    }
    if (options.path("ipv6").asBoolean(false)) {
      put(specs, OperatorSpec.dhcp6(link, metric, ConfigLayer.CONFIGURATION));
    }
  }

  private static void put(Map<String, OperatorSpec> specs, OperatorSpec spec) {
    specs.put(spec.layeredId(), spec);
  }
}
