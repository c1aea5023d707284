package dev.spindle.controllers.network;

import dev.spindle.controllers.config.LayerMerge;
import dev.spindle.controllers.config.LayerMergeController;
import dev.spindle.resources.network.HostnameSpec;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.runtime.resource.Resource;
import java.util.List;
import java.util.Map;

/**
 * How the layers' host names fold into the final {@code hostname} spec, as Talos's hostname merge: the highest layer
 * wins and, within a layer, the first id ({@link LayerMerge#highestLayerFirstWins}); a spec without a host name takes
 * no part.
 */
public final class HostnameMerge implements LayerMerge<HostnameSpec> {
  public static final String CONTROLLER = "network.HostnameMergeController";

  private final LayerMerge<HostnameSpec> pick = LayerMerge.highestLayerFirstWins(spec -> HostnameSpec.ID);

  /** The merge stage of the host name: {@code network-config} → {@code network}, id {@code hostname}. */
  public static LayerMergeController<HostnameSpec> controller() {
    return new LayerMergeController<>(CONTROLLER, HostnameSpec.DEFINITION, Namespaces.NETWORK_CONFIG,
        Namespaces.NETWORK, new HostnameMerge());
  }

  @Override
  public Map<String, HostnameSpec> merge(List<Resource<HostnameSpec>> inputsInIdOrder) {
    return pick.merge(inputsInIdOrder.stream().filter(r -> !r.spec().hostname().isEmpty()).toList());
  }
}
