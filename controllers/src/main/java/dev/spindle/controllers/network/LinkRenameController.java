package dev.spindle.controllers.network;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;

import dev.spindle.controllers.config.ConfigSources;
import dev.spindle.controllers.network.LinkRenamePlan.Rename;
import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.LinkChange;
import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.network.NetlinkException;
import dev.spindle.platform.network.Rtnetlink;
import dev.spindle.resources.network.LinkNameStatus;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.runtime.KernelCmdline;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.Declaration;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.controller.Result;
import dev.spindle.runtime.resource.Resource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Renames links to their predictable names, the part of systemd-udevd's {@code NamePolicy=} that Talos leaves to udev:
 * each link {@link LinkRenamePlan} picks from the {@link LinkNameStatus}es (enabled, so not with {@code net.ifnames=0};
 * a kernel-enumerated name; a link on a bus device, never the loopback or a logical link) is renamed through
 * {@link Rtnetlink#setLink} to the policy's name, and each rename is logged once ("renamed link eth0 to enp0s2 (policy
 * path)"). The kernel then marks the name renamed, so the {@code keep} policy holds it and nothing is renamed twice.
 *
 * <p>Nothing is renamed before the {@code KernelCmdline} resource exists, nor when it turns naming off: a status
 * computed before the command line was read still says enabled, and a rename cannot be taken back.
 *
 * <p>A kernel before 6.2 refuses ({@code EBUSY}) to rename a link that is up: the link is taken down, renamed and
 * brought up again, which the log says. Taking it down drops its routes and IPv6 addresses, as {@code ip link set
 * down} does; the spec controllers put back what configuration asks for. A name that is taken (by another link's name
 * or altname, or {@code EEXIST} from the kernel) is a warning naming both links, logged once; the rename is tried
 * again when links change (every {@link LinkStatus} change wakes this controller), and a taken name is checked before
 * the link is taken down, so an old kernel's down/up does not repeat.
 *
 * <p>Unlike udev, it does not move a name that is the link's own altname out of the way (the port has no altname
 * requests), and it renames only {@code NET_NAME_ENUM} names, where udev would also rename names of unknown origin.
 */
public final class LinkRenameController implements Controller {
  private final Rtnetlink rtnl;
  private final WarnOnce warnings = new WarnOnce(name());

  public LinkRenameController(Rtnetlink rtnl) {
    this.rtnl = Objects.requireNonNull(rtnl, "rtnl");
  }

  @Override
  public Declaration declare() {
    return Declaration.of(inputs(Input.weak(LinkNameStatus.DEFINITION, Namespaces.NETWORK),
        Input.weak(LinkStatus.DEFINITION, Namespaces.NETWORK), ConfigSources.KERNEL_CMDLINE), outputs());
  }

  @Override
  public Result reconcile(ReconcileContext ctx) throws NetlinkException {
    Optional<Resource<KernelCmdline>> cmdline = ctx.find(KernelCmdline.DEFINITION, KernelCmdline.ID);
    // a status computed before the command line was read says enabled: only the command line itself may allow it
    if (cmdline.isEmpty() || !LinkNameStatusController.enabled(cmdline.get().spec().cmdline())) {
      return Result.done();
    }
    List<LinkMessage> links = rtnl.links();
    var failures = new NetlinkFailures();
    for (Rename r : LinkRenamePlan.plan(ctx.list(LinkNameStatus.DEFINITION), links)) {
      String doing = "renaming link " + r.from() + " to " + r.to() + " (policy " + r.policy() + ")";
      Optional<LinkMessage> holder = holder(links, r.to());
      if (holder.isPresent()) {
        taken(r, doing, holder.get());
        continue;
      }
      try {
        rename(r, ctx);
        warnings.clear(r.from());
      } catch (NetlinkException e) {
        switch (e.errno()) {
          case EEXIST -> taken(r, doing, null);
          case ENODEV -> { } // the link went away since the dump: its status goes with it
          default -> failures.add(new NetlinkException(e.number(), doing));
        }
      }
    }
    failures.throwIfAny();
    return Result.done();
  }

  private void rename(Rename r, ReconcileContext ctx) throws NetlinkException {
    try {
      rtnl.setLink(r.index(), LinkChange.NONE.withName(r.to()));
      ctx.logger().info("renamed link {} to {} (policy {})", r.from(), r.to(), r.policy());
    } catch (NetlinkException e) {
      if (e.errno() != Errno.EBUSY || !r.up()) {
        throw e;
      }
      renameWhileDown(r);
      ctx.logger().info("renamed link {} to {} (policy {}) while down: this kernel (before 6.2) refuses to rename a "
          + "link that is up, so it was taken down and brought up again", r.from(), r.to(), r.policy());
    }
  }

  /** Down, rename, up; the link comes up again even when the rename fails. */
  private void renameWhileDown(Rename r) throws NetlinkException {
    rtnl.setLink(r.index(), LinkChange.up(false));
    NetlinkException failed = null;
    try {
      rtnl.setLink(r.index(), LinkChange.NONE.withName(r.to()));
    } catch (NetlinkException e) {
      failed = e;
    }
    try {
      rtnl.setLink(r.index(), LinkChange.up(true));
    } catch (NetlinkException e) {
      if (failed == null) {
        throw new NetlinkException(e.number(), "bringing link " + r.to() + " up again after renaming it");
      }
      failed.addSuppressed(e);
    }
    if (failed != null) {
      throw failed;
    }
  }

  private void taken(Rename r, String doing, LinkMessage holder) {
    String by = holder == null ? "another link"
        : "link " + holder.name() + " (index " + holder.index() + ")" + (holder.name().equals(r.to()) ? ""
            : ", as an altname");
    warnings.warn(r.from(), doing + ": EEXIST, the name is taken by " + by + "; trying again when links change");
  }

  /** The link whose name or altname is {@code name}, as the kernel keeps both in one table. */
  private static Optional<LinkMessage> holder(List<LinkMessage> links, String name) {
    return links.stream().filter(l -> l.name().equals(name) || l.altNames().contains(name)).findFirst();
  }
}
