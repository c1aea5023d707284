package dev.spindle.controllers.network;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;

import dev.spindle.controllers.config.ConfigSources;
import dev.spindle.resources.config.NetworkDevice;
import dev.spindle.resources.network.DeviceConfigSpec;
import dev.spindle.resources.network.DeviceSelectorStatus;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.Declaration;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.controller.Output;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.controller.Result;
import dev.spindle.runtime.resource.Resource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds the machine configuration's {@code machine.network.interfaces[]} entries to links, as Talos's
 * {@code network.DeviceConfigController}: reads the v1alpha1 configuration and every {@link LinkStatus} (both weak),
 * writes one {@link DeviceConfigSpec} per bound entry ({@link DeviceConfigs} has the rules and ids) and, Spindle's
 * addition, a {@link DeviceSelectorStatus} per entry with selectors. Both outputs are exclusive and cleaned up when
 * no longer produced, so a link that disappears (or a selector that stops matching) takes its spec with it.
 *
 * <p>A selector that matches nothing is logged once (Talos's {@code no matching network device for defined
 * selector: …}), again only after it matched in between or its message changed.
 */
public final class DeviceConfigController implements Controller {
  private final WarnOnce warnings = new WarnOnce(name());
  /** Entry indexes warned about in the last reconcile; only touched on the controller's thread. */
  private Set<String> warned = Set.of();

  @Override
  public Declaration declare() {
    return Declaration.of(inputs(ConfigSources.MACHINE_CONFIG, Input.weak(LinkStatus.DEFINITION)),
        outputs(Output.exclusive(DeviceConfigSpec.DEFINITION).cleanupUntouched(Namespaces.NETWORK),
            Output.exclusive(DeviceSelectorStatus.DEFINITION).cleanupUntouched(Namespaces.NETWORK)));
  }

  @Override
  public Result reconcile(ReconcileContext ctx) {
    List<NetworkDevice> devices = ConfigSources.machineConfig(ctx)
        .flatMap(config -> config.v1alpha1())
        .map(v1 -> NetworkDevice.all(v1.machine().network()))
        .orElse(List.of());
    var plan = DeviceConfigs.plan(devices, ctx.list(LinkStatus.DEFINITION));
    plan.specs().forEach((id, spec) -> ctx.put(Resource.of(DeviceConfigSpec.DEFINITION, Namespaces.NETWORK, id, spec)));
    plan.statuses().forEach((id, status) ->
        ctx.put(Resource.of(DeviceSelectorStatus.DEFINITION, Namespaces.NETWORK, id, status)));
    plan.warnings().forEach((index, message) -> warnings.warn("selector/" + index, message));
    for (String index : warned) {
      if (!plan.warnings().containsKey(index)) {
        warnings.clear("selector/" + index);
      }
    }
    warned = new HashSet<>(plan.warnings().keySet());
    return Result.done();
  }
}
