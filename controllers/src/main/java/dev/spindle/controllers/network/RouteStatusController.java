package dev.spindle.controllers.network;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;

import dev.spindle.platform.network.NetlinkException;
import dev.spindle.platform.network.RouteMessage;
import dev.spindle.platform.network.Rtnetlink;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.RouteStatus;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.Declaration;
import dev.spindle.runtime.controller.Output;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.controller.Result;
import dev.spindle.runtime.controller.Trigger;
import dev.spindle.runtime.resource.Resource;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps one {@link RouteStatus} per kernel route, in every table, under Talos's RouteID
 * ({@code <table>/<outLink>/<family>/<gateway>/<dst>/<priority>}, see {@link RouteStatus#id}), as Talos's
 * {@code network.RouteStatusController}.
 *
 * <p>Built as {@link AddressStatusController}: no inputs; on its first reconcile it subscribes to rtnetlink events,
 * and every route event, every link event (a renamed link changes the names and, for IPv6, the ids of its routes) and
 * every lost-events error ({@code ENOBUFS}) fires its {@link Trigger}. Each reconcile dumps links and routes and
 * writes what exists; routes that are gone are destroyed by the runtime's cleanup of untouched outputs. Two routes
 * that share an id (IPv4 routes differing only in tos or out link) are one resource, the one dumped last, as in Talos.
 */
public final class RouteStatusController implements Controller, AutoCloseable {
  private final Rtnetlink rtnl;
  private final KernelResync events;

  public RouteStatusController(Rtnetlink rtnl) {
    this.rtnl = Objects.requireNonNull(rtnl, "rtnl");
    this.events = new KernelResync(rtnl, "route", KernelResync.Kind.LINKS, KernelResync.Kind.ROUTES);
  }

  @Override
  public Declaration declare() {
    return Declaration.of(inputs(),
        outputs(Output.exclusive(RouteStatus.DEFINITION).cleanupUntouched(Namespaces.NETWORK)));
  }

  @Override
  public Result reconcile(ReconcileContext ctx) throws NetlinkException {
    events.subscribe(ctx);
    Map<Integer, String> linkNames = LinkTable.dump(rtnl).names();
    for (RouteMessage route : rtnl.routes()) {
      RouteStatus status = RouteStatusMapper.map(route, linkNames);
      ctx.put(Resource.of(RouteStatus.DEFINITION, Namespaces.NETWORK, status.id(), status));
    }
    return Result.done();
  }

  @Override
  public void close() {
    events.close();
  }
}
