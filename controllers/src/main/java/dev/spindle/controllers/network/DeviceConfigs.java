package dev.spindle.controllers.network;

import dev.spindle.resources.config.DeviceSelector;
import dev.spindle.resources.config.NetworkDevice;
import dev.spindle.resources.network.DeviceConfigSpec;
import dev.spindle.resources.network.DeviceSelectorStatus;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.runtime.resource.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pure core of {@link DeviceConfigController}, Talos's {@code DeviceConfigController.Run}: binds each
 * {@code machine.network.interfaces[i]} entry to links.
 * <ul>
 *   <li>a {@code deviceSelector}: one spec per matched link, the entry with {@code interface} set to the link. Several
 *       matches give several specs (Talos ≥ 1.6, commit {@code 9c2f765c8}; Talos ≤ 1.5 took the first match, and the
 *       seed's older text calls several matches invalid: Spindle follows current Talos);</li>
 *   <li>{@code bond.deviceSelectors}: one spec, the bond with {@code bond.interfaces} set to every selector's matches
 *       in selector order, without the bond itself (it carries its first member's MAC and would match its own
 *       selector) and without de-duplication, as in Talos;</li>
 *   <li>otherwise the entry as it is.</li>
 * </ul>
 * An entry whose selectors match nothing gives no spec, a warning in Talos's words, and a
 * {@link DeviceSelectorStatus} with {@code matched: false}; every entry with selectors gets a status.
 */
public final class DeviceConfigs {
  private DeviceConfigs() {}

  /**
   * @param specs by {@link DeviceConfigSpec#id Talos id}
   * @param statuses by entry index ({@code %03d})
   * @param warnings by entry index, for the entries that matched nothing
   */
  public record Plan(Map<String, DeviceConfigSpec> specs, Map<String, DeviceSelectorStatus> statuses,
      Map<String, String> warnings) {
    public Plan {
      specs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(specs));
      statuses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
      warnings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(warnings));
    }
  }

  public static Plan plan(List<NetworkDevice> devices, List<Resource<LinkStatus>> links) {
    var specs = new LinkedHashMap<String, DeviceConfigSpec>();
    var statuses = new LinkedHashMap<String, DeviceSelectorStatus>();
    var warnings = new LinkedHashMap<String, String>();
    for (int i = 0; i < devices.size(); i++) {
      NetworkDevice device = devices.get(i);
      String index = String.format("%03d", i);
      String path = "machine.network.interfaces[" + i + "]";
      DeviceSelector selector = device.deviceSelector();
      if (selector != null) {
        List<String> matched = DeviceSelectors.select(selector, links);
        statuses.put(index, new DeviceSelectorStatus(path + ".deviceSelector", List.of(selector), matched,
            !matched.isEmpty()));
        if (matched.isEmpty()) {
          warnings.put(index, "no matching network device for defined selector: " + selector);
        }
        for (int m = 0; m < matched.size(); m++) {
          specs.put(DeviceConfigSpec.id(matched.get(m), i, m, matched.size()),
              new DeviceConfigSpec(device.forLink(matched.get(m))));
        }
      } else if (!device.bondSelectors().isEmpty()) {
        List<String> members = bondMembers(device, links);
        statuses.put(index, new DeviceSelectorStatus(path + ".bond.deviceSelectors", device.bondSelectors(),
            members, !members.isEmpty()));
        if (members.isEmpty()) {
          warnings.put(index, "no matching network device for defined bond selectors: " + device.bondSelectors());
        } else {
          specs.put(DeviceConfigSpec.id(device.interfaceName(), i, 0, 1),
              new DeviceConfigSpec(device.withBondInterfaces(members)));
        }
      } else if (!device.interfaceName().isEmpty()) {
        specs.put(DeviceConfigSpec.id(device.interfaceName(), i, 0, 1), new DeviceConfigSpec(device));
      }
    }
    return new Plan(specs, statuses, warnings);
  }

  private static List<String> bondMembers(NetworkDevice bond, List<Resource<LinkStatus>> links) {
    var members = new ArrayList<String>();
    for (DeviceSelector selector : bond.bondSelectors()) {
      DeviceSelectors.select(selector, links).stream()
          .filter(link -> !link.equals(bond.interfaceName()))
          .forEach(members::add);
    }
    return members;
  }
}
