package dev.spindle.controllers.network;

import dev.spindle.controllers.config.LayerMerge;
import dev.spindle.controllers.config.LayerMergeController;
import dev.spindle.resources.network.LinkSpec;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.runtime.resource.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the layers' links fold into the final specs, as Talos's link merge: the copies of one link (by name) are
 * sorted by layer, lowest first, and each is laid over the result so far with {@link LinkSpec#merge} (a higher
 * layer's set fields win, WireGuard merges field by field). Unlike addresses, a link is not picked whole from one
 * layer: {@code default/eth0} {up} and {@code dhcp} {mtu 1450} give {@code eth0} {up, mtu 1450}.
 */
public final class LinkMerge implements LayerMerge<LinkSpec> {
  public static final String CONTROLLER = "network.LinkMergeController";

  /** The merge stage of links: {@code network-config} → {@code network}. */
  public static LayerMergeController<LinkSpec> controller() {
    return new LayerMergeController<>(CONTROLLER, LinkSpec.DEFINITION, Namespaces.NETWORK_CONFIG, Namespaces.NETWORK,
        new LinkMerge());
  }

  @Override
  public Map<String, LinkSpec> merge(List<Resource<LinkSpec>> inputsInIdOrder) {
    var byName = new TreeMap<String, List<LinkSpec>>();
    for (Resource<LinkSpec> input : inputsInIdOrder) {
      byName.computeIfAbsent(input.spec().name(), n -> new ArrayList<>()).add(input.spec());
    }
    var merged = new LinkedHashMap<String, LinkSpec>();
    byName.forEach((name, copies) -> {
      // a stable sort: copies of the same layer keep id order, as Talos's sort of (name, layer) over ids
      copies.sort(Comparator.comparing(LinkSpec::layer));
      LinkSpec result = copies.getFirst();
      for (LinkSpec next : copies.subList(1, copies.size())) {
        result = result.merge(next);
      }
      merged.put(name, result);
    });
    return merged;
  }
}
