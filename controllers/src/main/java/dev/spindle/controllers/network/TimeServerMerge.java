package dev.spindle.controllers.network;

import dev.spindle.controllers.config.LayerMerge;
import dev.spindle.controllers.config.LayerMergeController;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.TimeServerSpec;
import dev.spindle.runtime.resource.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the layers' time servers fold into the final {@code timeservers} spec, as Talos's time server merge: in id
 * order, a spec of a lower layer than the result so far is skipped, one of the same layer adds its servers (NTS only
 * if both use it), and one of a higher layer replaces the result. So the highest layer wins whole, and equal-layer
 * sources (DHCP on two links) are combined.
 */
public final class TimeServerMerge implements LayerMerge<TimeServerSpec> {
  public static final String CONTROLLER = "network.TimeServerMergeController";

  /** The merge stage of the time servers: {@code network-config} → {@code network}, id {@code timeservers}. */
  public static LayerMergeController<TimeServerSpec> controller() {
    return new LayerMergeController<>(CONTROLLER, TimeServerSpec.DEFINITION, Namespaces.NETWORK_CONFIG,
        Namespaces.NETWORK, new TimeServerMerge());
  }

  @Override
  public Map<String, TimeServerSpec> merge(List<Resource<TimeServerSpec>> inputsInIdOrder) {
    TimeServerSpec result = null;
    for (Resource<TimeServerSpec> input : inputsInIdOrder) {
      TimeServerSpec spec = input.spec();
      if (result == null || spec.layer().compareTo(result.layer()) > 0) {
        result = spec;
      } else if (spec.layer() == result.layer()) {
        var servers = new ArrayList<>(result.timeServers());
        servers.addAll(spec.timeServers());
        result = new TimeServerSpec(servers, result.useNTS() && spec.useNTS(), result.layer());
      }
    }
    return result == null ? Map.of() : Map.of(TimeServerSpec.ID, result);
  }
}
