package dev.spindle.controllers.network;

import dev.spindle.resources.network.AddressFlag;
import dev.spindle.resources.network.AddressFlags;
import dev.spindle.resources.config.LinkAddressConfig;
import dev.spindle.resources.config.LinkDocument;
import com.fasterxml.jackson.databind.JsonNode;
import dev.spindle.controllers.config.ConfigController;
import dev.spindle.controllers.config.ConfigPreview;
import dev.spindle.controllers.config.ConfigSources;
import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.GoQuote;
import dev.spindle.resources.network.AddressSpec;
import dev.spindle.resources.config.NetworkDevice;
import dev.spindle.resources.network.DeviceConfigSpec;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.IpPrefix;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.Scope;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.resource.ResourceQuery;
import dev.spindle.runtime.resource.ResourceReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The config stage of addresses, as Talos's {@code network.AddressConfigController}: writes
 * {@code <layer>/<link>/<prefix>} {@link AddressSpec}s into {@code network-config} for
 * <ul>
 *   <li>{@code default}: {@code 127.0.0.1/8} on {@code lo}, scope host;</li>
 *   <li>{@code cmdline}: the address of each {@code ip=} link, scope global;</li>
 *   <li>{@code configuration}: each {@code machine.network.interfaces[]} entry bound to a link (its
 *       {@link DeviceConfigSpec}, so device selectors are already resolved): the legacy {@code cidr} and then
 *       {@code addresses}, and those of its {@code vlans[]} on {@code <link>.<vlanId>}; an entry with
 *       {@code ignore: true} contributes nothing.</li>
 * </ul>
 * Every address is {@code permanent}. A configured address may omit the prefix length (it is then a host address,
 * /32 or /128, as Talos's {@code ParseSubnetOrAddress}); one that does not parse is left out with a warning naming
 * the link, the entry and the value, logged once, as Talos skips it.
 *
 * <p>{@code apply-config --dry-run} shows address changes too: during a preview the entries are bound from the
 * proposed configuration with the same pure {@link DeviceConfigs#plan} {@link DeviceConfigController} uses.
 *
 * <p>The multi-document link kinds ({@code LinkConfig}, {@code BondConfig}, {@code BridgeConfig}, {@code VLANConfig},
 * {@code DummyLinkConfig}, {@code WireguardConfig}) add their {@code addresses} (with {@code routePriority}) to the configuration layer, on
 * the link their {@code name} resolves to (kernel name, altname or alias).
 */
public final class AddressConfigController extends ConfigController<AddressSpec> {
  static final IpPrefix LOOPBACK = IpPrefix.parse("127.0.0.1/8");

  private final WarnOnce warnings = new WarnOnce(name());
  private final CmdlineNetworkSource cmdline = new CmdlineNetworkSource(warnings);

  public AddressConfigController() {
    super(AddressSpec.DEFINITION, Namespaces.NETWORK_CONFIG);
  }

  @Override
  protected List<Input> inputs() {
    return LinkDocuments.INPUTS;
  }

  @Override
  public Map<String, AddressSpec> project(ResourceReader sources) {
    var specs = new LinkedHashMap<String, AddressSpec>();
    add(specs, AddressSpec.permanent(LOOPBACK, "lo", Scope.HOST, ConfigLayer.DEFAULT));
    cmdline.read(sources).ifPresent(settings -> settings.linkConfigs().forEach(link -> link.address()
        .ifPresent(address -> add(specs, AddressSpec.permanent(address, link.linkName(), Scope.GLOBAL,
            ConfigLayer.CMDLINE)))));
    // legacy interface names resolve as the link stage resolves them: through altnames and aliases
    LinkResolver resolver = LinkDocuments.resolver(sources);
    devices(sources).forEach((id, device) -> {
      JsonNode entry = device.device().tree();
      if (entry.path("ignore").asBoolean(false)) {
        return;
      }
      String link = resolver.resolve(device.device().interfaceName());
      configured(specs, link, entry, "DeviceConfigSpec " + id);
      JsonNode vlans = entry.path("vlans");
      for (int i = 0; i < vlans.size(); i++) {
        JsonNode vlan = vlans.get(i);
        configured(specs, VlanLinkName.of(link, vlan.path("vlanId").asInt()), vlan,
            "DeviceConfigSpec " + id + " vlans[" + i + "]");
      }
    });
    for (LinkDocument document : LinkDocuments.documents(sources)) {
      String link = resolver.resolve(document.name());
      for (LinkAddressConfig address : document.common().addresses()) {
        int priority = address.routePriority() == null ? 0 : address.routePriority();
        add(specs, new AddressSpec(address.address(), link, null, Scope.GLOBAL,
            AddressFlags.of(AddressFlag.PERMANENT), false, ConfigLayer.CONFIGURATION, priority));
      }
    }
    return specs;
  }

  private void configured(Map<String, AddressSpec> specs, String link, JsonNode entry,
      String where) {
    var values = new ArrayList<String>();
    if (entry.path("cidr").isTextual() && !entry.path("cidr").textValue().isEmpty()) {
      values.add(entry.path("cidr").textValue());
    }
    entry.path("addresses").forEach(value -> values.add(value.asText()));
    for (String value : values) {
      try {
        add(specs, AddressSpec.permanent(parseSubnetOrAddress(value), link, Scope.GLOBAL, ConfigLayer.CONFIGURATION));
      } catch (IllegalArgumentException e) {
        String topic = "address/" + where + "/" + value;
        warnings.warn(topic, "skipping address " + GoQuote.quote(value) + " on interface "
            + GoQuote.quote(link) + " (" + where + "): " + e.getMessage());
      }
    }
  }

  /**
   * The bound interface entries by id: the live {@link DeviceConfigSpec}s, or, in a dry run, those the proposed
   * configuration would bind ({@link DeviceConfigs#plan} over the current links), because a preview replaces only the
   * machine configuration and {@link DeviceConfigController} is not a config stage it re-evaluates.
   */
  static Map<String, DeviceConfigSpec> devices(ResourceReader sources) {
    var devices = new TreeMap<String, DeviceConfigSpec>();
    if (ConfigPreview.previewing()) {
      List<NetworkDevice> entries = ConfigSources.machineConfig(sources).flatMap(config -> config.v1alpha1())
          .map(v1 -> NetworkDevice.all(v1.machine().network())).orElse(List.of());
      devices.putAll(DeviceConfigs.plan(entries, sources.list(LinkStatus.DEFINITION, Namespaces.NETWORK,
          ResourceQuery.ALL)).specs());
    } else {
      sources.list(DeviceConfigSpec.DEFINITION, Namespaces.NETWORK, ResourceQuery.ALL)
          .forEach(r -> devices.put(r.id(), r.spec()));
    }
    return devices;
  }

  /** {@code 10.0.0.5/24} as is; {@code 10.0.0.5} as {@code 10.0.0.5/32}, {@code fd00::5} as {@code fd00::5/128}. */
  static IpPrefix parseSubnetOrAddress(String text) {
    if (text.indexOf('/') >= 0) {
      return IpPrefix.parse(text);
    }
    IpAddr addr = IpAddr.parse(text);
    return new IpPrefix(addr, addr.isV4() ? 32 : 128);
  }

  private static void add(Map<String, AddressSpec> specs, AddressSpec spec) {
    specs.put(spec.layeredId(), spec);
  }
}
