package dev.spindle.controllers.network;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;

import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.network.NetlinkException;
import dev.spindle.platform.network.Rtnetlink;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.Declaration;
import dev.spindle.runtime.controller.Output;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.controller.Result;
import dev.spindle.runtime.controller.Trigger;
import dev.spindle.runtime.resource.Resource;
import java.util.List;
import java.util.Objects;

/**
 * Keeps one {@link LinkStatus} per kernel link (id = link name), as Talos's {@code network.LinkStatusController}.
 *
 * <p>It has no inputs: the kernel is its input. On its first reconcile it subscribes to link events, and every event
 * (or a lost-events error) fires the controller's {@link Trigger}; each reconcile then dumps all links and writes what
 * exists (level-triggered, so an event only says "look again"). Links that are gone are destroyed by the runtime's
 * cleanup of untouched outputs. Bursts of events coalesce into one reconcile in the runtime, which replaces Talos's
 * rate-limited trigger. The subscription is closed when the runtime stops the controller.
 *
 * <p>Not yet as in Talos: it does not wait for udev to settle (DevicesStatus) nor watch LinkSpecs, and it has no
 * ethtool or sysfs data (see {@link LinkStatusMapper}).
 */
public final class LinkStatusController implements Controller, AutoCloseable {
  private final Rtnetlink rtnl;
  private final KernelResync events;

  public LinkStatusController(Rtnetlink rtnl) {
    this.rtnl = Objects.requireNonNull(rtnl, "rtnl");
    this.events = new KernelResync(rtnl, "link", KernelResync.Kind.LINKS);
  }

  @Override
  public Declaration declare() {
    return Declaration.of(inputs(),
        outputs(Output.exclusive(LinkStatus.DEFINITION).cleanupUntouched(Namespaces.NETWORK)));
  }

  @Override
  public Result reconcile(ReconcileContext ctx) throws NetlinkException {
    events.subscribe(ctx);
    List<LinkMessage> links = rtnl.links();
    for (LinkMessage link : links) {
      ctx.put(Resource.of(LinkStatus.DEFINITION, Namespaces.NETWORK, link.name(), LinkStatusMapper.map(link, links)));
    }
    return Result.done();
  }

  @Override
  public void close() {
    events.close();
  }
}
