package dev.spindle.controllers.network;

import dev.spindle.controllers.config.ConfigPreview;
import dev.spindle.controllers.config.ConfigSources;
import dev.spindle.resources.config.NetworkDevice;
import dev.spindle.resources.network.DeviceConfigSpec;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.runtime.resource.ResourceQuery;
import dev.spindle.runtime.resource.ResourceReader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bound {@code machine.network.interfaces[]} entries a config stage reads, by id: the live
 * {@link DeviceConfigSpec}s, or, in a dry run, those the proposed configuration would bind ({@link DeviceConfigs#plan}
 * over the current links), because a preview replaces only the machine configuration and
 * {@link DeviceConfigController} is not a config stage it re-evaluates. (The same rule as
 * {@link AddressConfigController}'s.)
 */
final class BoundDevices {
  private BoundDevices() {}

  static Map<String, DeviceConfigSpec> read(ResourceReader sources) {
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
}
