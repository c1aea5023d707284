package dev.spindle.controllers.network;

import dev.spindle.resources.config.DeviceSelector;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.runtime.resource.Resource;
import java.util.Comparator;
import java.util.List;

/**
 * Which links a {@link DeviceSelector} picks, as Talos's {@code selectDevices}: every set text field must
 * {@linkplain Glob glob}-match the link's fact (hardware and permanent address as lower-case {@code aa:bb:…} text,
 * PCI id, driver, bus path), and a set {@code physical} must equal {@link LinkStatus#physical()}. The fields are an
 * AND; a selector with none set picks nothing. Links are tried in id order, so the result is in id order.
 */
public final class DeviceSelectors {
  private DeviceSelectors() {}

  /** The ids of the links {@code selector} picks, in id order. */
  public static List<String> select(DeviceSelector selector, List<Resource<LinkStatus>> links) {
    return links.stream()
        .sorted(Comparator.comparing(Resource::id))
        .filter(link -> matches(selector, link.spec()))
        .map(Resource::id)
        .toList();
  }

  public static boolean matches(DeviceSelector selector, LinkStatus link) {
    // Talos's tri-state: unset until a field is checked; the first mismatch settles it
    Boolean match = null;
    String[][] pairs = {
        {selector.hardwareAddr(), link.hardwareAddr().toString()},
        {selector.permanentAddr(), link.permanentAddr().toString()},
        {selector.pciId(), link.pciId()},
        {selector.driver(), link.driver()},
        {selector.busPath(), link.busPath()}};
    for (String[] pair : pairs) {
      if (pair[0].isEmpty()) {
        continue;
      }
      if (!Glob.matches(pair[0], pair[1])) {
        return false;
      }
      match = true;
    }
    if (selector.physical() != null) {
      match = selector.physical() == link.physical();
    }
    return Boolean.TRUE.equals(match);
  }
}
