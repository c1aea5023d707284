package dev.spindle.controllers.network;

import dev.spindle.controllers.config.LayerMerge;
import dev.spindle.controllers.config.LayerMergeController;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.OperatorSpec;

/**
 * The merge stage of operators, as Talos's operator merge: one final {@code <operator>/<link>} spec, the highest
 * layer wins and, within a layer, the later id ({@link LayerMerge#highestLayerWins}).
 */
public final class OperatorMerge {
  public static final String CONTROLLER = "network.OperatorMergeController";

  private OperatorMerge() {}

  public static LayerMergeController<OperatorSpec> controller() {
    return new LayerMergeController<>(CONTROLLER, OperatorSpec.DEFINITION, Namespaces.NETWORK_CONFIG,
        Namespaces.NETWORK, LayerMerge.highestLayerWins(OperatorSpec::id));
  }
}
