package dev.spindle.controllers.network;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;

import dev.spindle.platform.network.AddressMessage;
import dev.spindle.platform.network.NetlinkException;
import dev.spindle.platform.network.Rtnetlink;
import dev.spindle.resources.network.AddressStatus;
import dev.spindle.resources.network.Namespaces;
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
 * Keeps one {@link AddressStatus} per kernel address (id {@code <link>/<prefix>}), as Talos's
 * {@code network.AddressStatusController}.
 *
 * <p>Like {@link LinkStatusController} it has no inputs: on its first reconcile it subscribes to rtnetlink events,
 * and every address event, every link event (a renamed link changes the ids of its addresses) and every lost-events
 * error ({@code ENOBUFS}) fires its {@link Trigger}. Each reconcile dumps links (for the names) and addresses and
 * writes what exists; addresses that are gone are destroyed by the runtime's cleanup of untouched outputs. Bursts
 * coalesce into one reconcile in the runtime, in place of Talos's rate-limited trigger.
 */
public final class AddressStatusController implements Controller, AutoCloseable {
  private final Rtnetlink rtnl;
  private final KernelResync events;

  public AddressStatusController(Rtnetlink rtnl) {
    this.rtnl = Objects.requireNonNull(rtnl, "rtnl");
    this.events = new KernelResync(rtnl, "address", KernelResync.Kind.LINKS, KernelResync.Kind.ADDRESSES);
  }

  @Override
  public Declaration declare() {
    return Declaration.of(inputs(),
        outputs(Output.exclusive(AddressStatus.DEFINITION).cleanupUntouched(Namespaces.NETWORK)));
  }

  @Override
  public Result reconcile(ReconcileContext ctx) throws NetlinkException {
    events.subscribe(ctx);
    Map<Integer, String> linkNames = LinkTable.dump(rtnl).names();
    for (AddressMessage address : rtnl.addresses()) {
      AddressStatus status = AddressStatusMapper.map(address, linkNames);
      ctx.put(Resource.of(AddressStatus.DEFINITION, Namespaces.NETWORK, status.id(), status));
    }
    return Result.done();
  }

  @Override
  public void close() {
    events.close();
  }
}
