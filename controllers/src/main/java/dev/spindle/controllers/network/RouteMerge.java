package dev.spindle.controllers.network;

import dev.spindle.controllers.config.LayerMerge;
import dev.spindle.controllers.config.LayerMergeController;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.RouteSpec;
import dev.spindle.runtime.resource.Resource;
import java.util.List;
import java.util.Map;

/**
 * How the layers' routes fold into the final specs, as Talos's route merge: one per RouteID, the highest layer wins
 * and, within a layer, the later id ({@link LayerMerge#highestLayerWins}). Unlike addresses, nothing of the winner is
 * changed.
 */
public final class RouteMerge implements LayerMerge<RouteSpec> {
  public static final String CONTROLLER = "network.RouteMergeController";

  private final LayerMerge<RouteSpec> pick = LayerMerge.highestLayerWins(RouteSpec::id);

  /** The merge stage of routes: {@code network-config} → {@code network}. */
  public static LayerMergeController<RouteSpec> controller() {
    return new LayerMergeController<>(CONTROLLER, RouteSpec.DEFINITION, Namespaces.NETWORK_CONFIG,
        Namespaces.NETWORK, new RouteMerge());
  }

  @Override
  public Map<String, RouteSpec> merge(List<Resource<RouteSpec>> inputsInIdOrder) {
    return pick.merge(inputsInIdOrder);
  }
}
