package dev.spindle.controllers.network;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;

import dev.spindle.platform.network.AddressMessage;
import dev.spindle.platform.network.NetlinkException;
import dev.spindle.platform.network.Rtnetlink;
import dev.spindle.resources.network.AddressSpec;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.Declaration;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.controller.Result;
import dev.spindle.runtime.controller.Trigger;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;

/**
 * Applies the final {@link AddressSpec}s to the kernel, as Talos's {@code network.AddressSpecController}: observe
 * (the links and addresses through the {@link Rtnetlink} port) → {@link AddressPlan#plan} → apply the steps.
 *
 * <p>The specs are a strong input: each running spec carries this controller's finalizer, so when the merge drops
 * one it tears down first, the address Spindle added is deleted, and only then the finalizer is released. Unlike
 * Talos, which deletes whatever address a torn-down spec names, Spindle deletes or changes only addresses it added
 * itself (kept in memory: after a restart, the addresses already there count as someone else's and are left
 * alone).
 *
 * <p>On its first reconcile it subscribes to rtnetlink events: an address event (someone deleted or changed an
 * address behind it), a link event (a link a spec waits for appeared) and a report of lost events all fire its
 * {@link Trigger}, so it converges again. A refused request does not stop the pass: the other steps still run, and
 * the pass fails with the first {@link NetlinkException} ({@code adding address 10.0.0.5/24 to eth0: EEXIST}, the
 * errno kept), so the runtime retries with backoff.
 */
public final class AddressSpecController implements Controller, AutoCloseable {
  private final Rtnetlink rtnl;
  /** What this controller added, by kernel key; only touched on the controller's thread. */
  private final Set<AddressPlan.Key> added = new HashSet<>();
  private final Set<String> reportedConflicts = new HashSet<>();
  private final KernelResync events;

  public AddressSpecController(Rtnetlink rtnl) {
    this.rtnl = Objects.requireNonNull(rtnl, "rtnl");
    this.events = new KernelResync(rtnl, "address", KernelResync.Kind.LINKS, KernelResync.Kind.ADDRESSES);
  }

  @Override
  public Declaration declare() {
    return Declaration.of(inputs(Input.strong(AddressSpec.DEFINITION, Namespaces.NETWORK)), outputs());
  }

  @Override
  public Result reconcile(ReconcileContext ctx) throws NetlinkException {
    events.subscribe(ctx);
    List<AddressPlan.Desired> desired = HeldSpecs.hold(ctx, AddressSpec.DEFINITION, name(), AddressPlan.Desired::new);
    LinkTable table = LinkTable.dump(rtnl);
    Map<String, Integer> links = table.indexes();
    Map<Integer, String> names = table.names();
    // a link that went away took its addresses; a new link may reuse the index
    added.removeIf(key -> !names.containsKey(key.index()));
    List<AddressMessage> kernel = rtnl.addresses();
    AddressPlan plan = AddressPlan.plan(desired, links, kernel, added);

    var failures = new NetlinkFailures();
    var failed = new HashSet<String>();
    for (AddressPlan.Step step : plan.steps()) {
      if (failed.contains(step.specId())) {
        continue;
      }
      try {
        apply(step, ctx.logger());
      } catch (NetlinkException e) {
        failed.add(step.specId());
        var located = located(step, e);
        failures.add(located);
      }
    }
    HeldSpecs.release(ctx, AddressSpec.DEFINITION, name(), plan.released(), failed);
    reportedConflicts.retainAll(plan.conflicts());
    for (String id : plan.conflicts()) {
      if (reportedConflicts.add(id)) {
        ctx.logger().warn("address {} is on the link already with other attributes and was not added by Spindle:"
            + " leaving it as it is", id);
      }
    }
    failures.throwIfAny();
    return Result.done();
  }

  private void apply(AddressPlan.Step step, Logger logger) throws NetlinkException {
    AddressSpec spec = step.spec();
    switch (step) {
      case AddressPlan.Add add -> {
        rtnl.addAddress(add.message());
        added.add(AddressPlan.Key.of(add.message()));
        logger.info("assigned address {} to {}", spec.address(), spec.linkName());
      }
      case AddressPlan.Replace replace -> {
        rtnl.replaceAddress(replace.message());
        logger.info("updated address {} on {}", spec.address(), spec.linkName());
      }
      case AddressPlan.Delete delete -> {
        rtnl.deleteAddress(delete.message());
        added.remove(AddressPlan.Key.of(delete.message()));
        logger.info("removed address {} from {}", spec.address(), spec.linkName());
      }
    }
  }

  /** The port's error restated with what Spindle was doing: {@code adding address 10.0.0.5/24 to eth0: EEXIST}. */
  static NetlinkException located(AddressPlan.Step step, NetlinkException error) {
    var located = new NetlinkException(error.number(), doing(step));
    located.initCause(error);
    return located;
  }

  private static String doing(AddressPlan.Step step) {
    String what = step.spec().address() + (step instanceof AddressPlan.Delete ? " from " : " to ")
        + step.spec().linkName();
    return switch (step) {
      case AddressPlan.Add add -> "adding address " + what;
      case AddressPlan.Replace replace -> "replacing address " + what;
      case AddressPlan.Delete delete -> "deleting address " + what;
    };
  }

  @Override
  public void close() {
    events.close();
  }
}
