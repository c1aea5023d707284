package dev.spindle.controllers.network;

import dev.spindle.controllers.config.LayerMerge;
import dev.spindle.controllers.config.LayerMergeController;
import dev.spindle.resources.network.AddressFlags;
import dev.spindle.resources.network.AddressSpec;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.runtime.resource.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the layers' addresses fold into the final {@code <link>/<prefix>} specs, as Talos's address merge: one per
 * link and address, the highest layer wins and, within a layer, the later id ({@link LayerMerge#highestLayerWins}).
 * The winner keeps only the flags a spec can ask for ({@link AddressPlan#MANAGED_FLAGS}): the kernel sets the others
 * by itself, and asking for them would make the spec differ from the kernel forever.
 */
public final class AddressMerge implements LayerMerge<AddressSpec> {
  public static final String CONTROLLER = "network.AddressMergeController";

  private final LayerMerge<AddressSpec> pick = LayerMerge.highestLayerWins(AddressSpec::id);

  /** The merge stage of addresses: {@code network-config} → {@code network}. */
  public static LayerMergeController<AddressSpec> controller() {
    return new LayerMergeController<>(CONTROLLER, AddressSpec.DEFINITION, Namespaces.NETWORK_CONFIG,
        Namespaces.NETWORK, new AddressMerge());
  }

  @Override
  public Map<String, AddressSpec> merge(List<Resource<AddressSpec>> inputsInIdOrder) {
    var merged = new LinkedHashMap<String, AddressSpec>();
    pick.merge(inputsInIdOrder).forEach((id, spec) -> merged.put(id,
        spec.withFlags(new AddressFlags(spec.flags().bits() & AddressPlan.MANAGED_FLAGS))));
    return merged;
  }
}
