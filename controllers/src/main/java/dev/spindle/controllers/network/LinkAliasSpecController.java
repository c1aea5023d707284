package dev.spindle.controllers.network;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;

import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.LinkChange;
import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.network.NetlinkException;
import dev.spindle.platform.network.Rtnetlink;
import dev.spindle.resources.network.LinkAliasSpec;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.Declaration;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.controller.Result;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceQuery;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes each {@link LinkAliasSpec} into the kernel as the link's {@code IFLA_IFALIAS} (what {@code ip link set dev X
 * alias Y} does), so the alias shows as {@code LinkStatus.alias}, as Talos's {@code LinkAliasSpecController} does.
 *
 * <p>It clears only aliases it set: when a spec goes away, the link's alias is cleared if it still is the one Spindle
 * wrote (someone may have changed it since). Link events wake it, so an alias changed behind it is written again. The
 * record of what it set is in memory: after a restart, aliases written by an earlier run are left as they are.
 */
public final class LinkAliasSpecController implements Controller, AutoCloseable {
  private final Rtnetlink rtnl;
  private final KernelResync events;
  /** link name → the alias this controller wrote there. */
  private final Map<String, String> written = new HashMap<>();

  public LinkAliasSpecController(Rtnetlink rtnl) {
    this.rtnl = Objects.requireNonNull(rtnl, "rtnl");
    this.events = new KernelResync(rtnl, "link", KernelResync.Kind.LINKS);
  }

  @Override
  public Declaration declare() {
    return Declaration.of(inputs(Input.weak(LinkAliasSpec.DEFINITION, Namespaces.NETWORK)), outputs());
  }

  @Override
  public Result reconcile(ReconcileContext ctx) throws NetlinkException {
    events.subscribe(ctx);
    Map<String, String> desired = new HashMap<>();
    for (Resource<LinkAliasSpec> spec : ctx.list(LinkAliasSpec.DEFINITION, Namespaces.NETWORK, ResourceQuery.ALL)) {
      desired.put(spec.id(), spec.spec().alias());
    }
    Map<String, LinkMessage> links = new HashMap<>();
    rtnl.links().forEach(l -> links.put(l.name(), l));
    written.keySet().retainAll(links.keySet()); // a link that went away took its alias along
    var failures = new NetlinkFailures();
    for (var want : desired.entrySet()) {
      LinkMessage link = links.get(want.getKey());
      if (link != null && !link.alias().equals(want.getValue())) {
        set(link, want.getValue(), failures, ctx);
      }
    }
    for (var it = written.entrySet().iterator(); it.hasNext(); ) {
      var mine = it.next();
      if (!desired.containsKey(mine.getKey())) {
        LinkMessage link = links.get(mine.getKey());
        if (link.alias().equals(mine.getValue())) {
          set(link, "", failures, ctx);
        }
        it.remove();
      }
    }
    failures.throwIfAny();
    return Result.done();
  }

  private void set(LinkMessage link, String alias, NetlinkFailures failures, ReconcileContext ctx) {
    try {
      rtnl.setLink(link.index(), LinkChange.NONE.withAlias(alias));
      if (alias.isEmpty()) {
        ctx.logger().info("cleared alias {} of link {}", link.alias(), link.name());
      } else {
        written.put(link.name(), alias);
        ctx.logger().info("set alias {} on link {}", alias, link.name());
      }
    } catch (NetlinkException e) {
      if (e.errno() != Errno.ENODEV) { // the link went away between the dump and the change: the next event says so
        failures.add(new NetlinkException(e.number(),
            (alias.isEmpty() ? "clearing the alias of link " : "setting alias " + alias + " on link ") + link.name()));
      }
    }
  }

  @Override
  public void close() {
    events.close();
  }
}
