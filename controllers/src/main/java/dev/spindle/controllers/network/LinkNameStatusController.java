package dev.spindle.controllers.network;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;

import dev.spindle.controllers.config.ConfigSources;
import dev.spindle.platform.sysfs.NamePolicy;
import dev.spindle.platform.sysfs.NetDeviceFacts;
import dev.spindle.platform.sysfs.NetNames;
import dev.spindle.platform.sysfs.PredictableNames;
import dev.spindle.platform.sysfs.Sysfs;
import dev.spindle.resources.network.LinkNameStatus;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.runtime.KernelArgs;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.Declaration;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.controller.Output;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.controller.Result;
import dev.spindle.runtime.resource.Resource;
import java.util.Objects;
import java.util.Optional;

/**
 * Computes each link's predictable names, one {@link LinkNameStatus} per link {@code net_id} names: for every
 * {@link LinkStatus} it reads the link's sysfs facts through the {@link Sysfs} port, proposes names with
 * {@link PredictableNames} and applies Talos's {@code 99-default.link} ({@link NamePolicy#TALOS_NAME_POLICY}).
 * {@code net.ifnames=0} on the kernel command line (the {@code KernelCmdline} resource; the last
 * {@code net.ifnames} counts) turns the name policy off, so {@code name} stays the kernel name; alternative names are
 * still listed, as udev still adds them.
 *
 * <p>It reports, it does not rename: {@link LinkRenameController} renames the links this status says udev would
 * rename (on a Talos node udev does it before the network controllers start). Spindle adds no altnames.
 */
public final class LinkNameStatusController implements Controller {
  private final Sysfs sysfs;

  public LinkNameStatusController(Sysfs sysfs) {
    this.sysfs = Objects.requireNonNull(sysfs, "sysfs");
  }

  @Override
  public Declaration declare() {
    return Declaration.of(inputs(Input.weak(LinkStatus.DEFINITION), ConfigSources.KERNEL_CMDLINE),
        outputs(Output.exclusive(LinkNameStatus.DEFINITION).cleanupUntouched(Namespaces.NETWORK)));
  }

  @Override
  public Result reconcile(ReconcileContext ctx) {
    boolean enabled = enabled(ConfigSources.cmdline(ctx));
    for (Resource<LinkStatus> link : ctx.list(LinkStatus.DEFINITION)) {
      Optional<NetDeviceFacts> facts = sysfs.netDevice(link.id());
      if (facts.isEmpty()) {
        continue; // gone from sysfs since the LinkStatus was written: its removal follows
      }
      PredictableNames.compute(facts.get()).ifPresent(names -> ctx.put(Resource.of(LinkNameStatus.DEFINITION,
          Namespaces.NETWORK, link.id(), status(facts.get(), names, enabled))));
    }
    return Result.done();
  }

  static LinkNameStatus status(NetDeviceFacts facts, NetNames names, boolean enabled) {
    var outcome = NamePolicy.apply(facts, names, NamePolicy.TALOS_NAME_POLICY,
        NamePolicy.TALOS_ALTERNATIVE_NAMES_POLICY, enabled);
    return new LinkNameStatus(names.onboard(), names.slot(), names.path(), names.mac(),
        enabled ? outcome.name() : "", outcome.policy() == null ? "" : outcome.policy().text(),
        outcome.alternativeNames(), enabled, nameAssignType(facts.nameAssignType()),
        facts.ancestors().isEmpty() ? "" : facts.ancestors().getFirst().sysname());
  }

  /** The kernel's {@code NET_NAME_*} as text; {@code ""} for unknown (which the kernel refuses to show). */
  static String nameAssignType(int type) {
    return switch (type) {
      case 1 -> LinkNameStatus.ENUMERATED;
      case 2 -> "predictable";
      case 3 -> "user";
      case 4 -> "renamed";
      default -> "";
    };
  }

  /** Predictable naming is on unless the command line's last {@code net.ifnames} is false. */
  static boolean enabled(String cmdline) {
    return CmdlineNetwork.predictableNames(KernelArgs.parse(cmdline)).orElse(true);
  }
}
