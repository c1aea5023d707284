package dev.spindle.controllers.network;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;

import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.NetlinkException;
import dev.spindle.platform.network.RouteMessage;
import dev.spindle.platform.network.Rtnetlink;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.RouteSpec;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.Declaration;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.controller.Result;
import dev.spindle.runtime.controller.Trigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * Applies the final {@link RouteSpec}s to the kernel, as Talos's {@code network.RouteSpecController}: observe (the
 * links and routes through the {@link Rtnetlink} port) → {@link RoutePlan#plan} → apply the steps.
 *
 * <p>The specs are a strong input: each running spec carries this controller's finalizer, so when the merge drops one
 * it tears down first, the route Spindle added is deleted, and only then the finalizer is released. Unlike Talos,
 * which deletes whatever route matches a torn-down spec, Spindle deletes or changes only routes it added itself and
 * that still carry the protocol it added them with ({@code static} for the configuration, {@code boot} for the
 * command line, as Talos marks them): a route someone replaced with {@code ip route replace ... proto dhcp} is theirs
 * from then on. What Spindle added is kept in memory: after a restart, the routes already there count as someone
 * else's and are left alone.
 *
 * <p>On its first reconcile it subscribes to rtnetlink events: a route event (someone deleted or changed a route
 * behind it; a connected route appeared), an address or link event (a gateway or a link a spec waits for may be
 * there now) and a report of lost events all fire its {@link Trigger}, so it converges again.
 *
 * <p>A gateway that no route reaches yet ({@code ENETUNREACH}, IPv6 {@code EHOSTUNREACH}: the address that makes it
 * reachable is not assigned yet) and a link that went away between the dump and the request ({@code ENODEV}) are not
 * failures: the spec waits, reported once, and the pass ends with a requeue in {@link #RETRY} besides the event that
 * normally brings it back. Any other refused request does not stop the pass either: the other steps still run, and
 * the pass fails with the first {@link NetlinkException} ({@code adding route 10.7.0.0/16 via 10.0.0.1 on eth0:
 * EEXIST}, the errno kept), so the runtime retries with backoff.
 */
public final class RouteSpecController implements Controller, AutoCloseable {
  /** How soon a pass that left a route waiting for its gateway looks again without an event. */
  static final Duration RETRY = Duration.ofSeconds(5);

  private final Rtnetlink rtnl;
  /** What this controller added, by match key, with the protocol it was added with; only on the controller thread. */
  private final Map<RoutePlan.Key, Integer> added = new HashMap<>();
  private final Set<String> reported = new HashSet<>();
  private final KernelResync events;

  public RouteSpecController(Rtnetlink rtnl) {
    this.rtnl = Objects.requireNonNull(rtnl, "rtnl");
    this.events = new KernelResync(rtnl, "route", KernelResync.Kind.LINKS, KernelResync.Kind.ADDRESSES,
        KernelResync.Kind.ROUTES);
  }

  @Override
  public Declaration declare() {
    return Declaration.of(inputs(Input.strong(RouteSpec.DEFINITION, Namespaces.NETWORK)), outputs());
  }

  @Override
  public Result reconcile(ReconcileContext ctx) throws NetlinkException {
    events.subscribe(ctx);
    List<RoutePlan.Desired> desired = HeldSpecs.hold(ctx, RouteSpec.DEFINITION, name(), RoutePlan.Desired::new);
    LinkTable table = LinkTable.dump(rtnl);
    Map<String, Integer> links = table.indexes();
    Map<Integer, String> names = table.names();
    List<RouteMessage> kernel = rtnl.routes();
    // a route that is gone (deleted behind us, or with its link) is no longer ours; re-adding it makes it ours again
    Set<RoutePlan.Key> present = kernel.stream().map(RoutePlan.Key::of).collect(Collectors.toSet());
    added.keySet().retainAll(present);
    RoutePlan plan = RoutePlan.plan(desired, links, kernel, added);

    var failures = new NetlinkFailures();
    var failed = new HashSet<String>();
    var unreachable = new ArrayList<String>();
    for (RoutePlan.Step step : plan.steps()) {
      if (failed.contains(step.specId())) {
        continue;
      }
      try {
        apply(step, names, ctx.logger());
      } catch (NetlinkException e) {
        failed.add(step.specId());
        if (!(step instanceof RoutePlan.Delete) && waitable(e.errno())) {
          unreachable.add(step.specId());
          report(ctx.logger(), "unreachable/" + step.specId(), "route {} waits: {}", step.specId(),
              located(step, names, e).getMessage());
          continue;
        }
        var located = located(step, names, e);
        failures.add(located);
      }
    }
    HeldSpecs.release(ctx, RouteSpec.DEFINITION, name(), plan.released(), failed);
    var topics = new HashSet<String>();
    unreachable.forEach(id -> topics.add("unreachable/" + id));
    plan.conflicts().forEach(id -> topics.add("conflict/" + id));
    plan.unsupported().forEach(id -> topics.add("unsupported/" + id));
    reported.retainAll(topics);
    for (String id : plan.conflicts()) {
      report(ctx.logger(), "conflict/" + id, "route {} is in the kernel already with other attributes (or another"
          + " gateway) and was not added by Spindle: leaving it as it is", id);
    }
    for (String id : plan.unsupported()) {
      report(ctx.logger(), "unsupported/" + id, "route {} has next hops (multipath): not applied, Spindle does not"
          + " support multipath routes yet", id);
    }
    failures.throwIfAny();
    return unreachable.isEmpty() ? Result.done() : Result.requeueAfter(RETRY);
  }

  /** The gateway is not reachable yet, or the link went away: the spec waits for the kernel to change. */
  private static boolean waitable(Errno errno) {
    return errno == Errno.ENETUNREACH || errno == Errno.EHOSTUNREACH || errno == Errno.ENODEV;
  }

  private void report(Logger logger, String topic, String format, Object... args) {
    if (reported.add(topic)) {
      logger.warn(format, args);
    }
  }

  private void apply(RoutePlan.Step step, Map<Integer, String> names, Logger logger) throws NetlinkException {
    switch (step) {
      case RoutePlan.Add add -> {
        rtnl.addRoute(add.message());
        added.put(RoutePlan.Key.of(add.message()), add.message().protocol());
        logger.info("created route {}", describe(step, names));
      }
      case RoutePlan.Replace replace -> {
        rtnl.replaceRoute(replace.message());
        added.put(RoutePlan.Key.of(replace.message()), replace.message().protocol());
        logger.info("updated route {}", describe(step, names));
      }
      case RoutePlan.Delete delete -> {
        rtnl.deleteRoute(delete.message());
        added.remove(RoutePlan.Key.of(delete.message()));
        logger.info("deleted route {}", describe(step, names));
      }
    }
  }

  /** The port's error restated with what Spindle was doing: {@code adding route default via 10.0.0.1 on eth0: EEXIST}. */
  static NetlinkException located(RoutePlan.Step step, Map<Integer, String> names, NetlinkException error) {
    String doing = switch (step) {
      case RoutePlan.Add add -> "adding route ";
      case RoutePlan.Replace replace -> "replacing route ";
      case RoutePlan.Delete delete -> "deleting route ";
    };
    var located = new NetlinkException(error.number(), doing + describe(step, names));
    located.initCause(error);
    return located;
  }

  /** As {@code ip route} names a route: {@code 10.7.0.0/16 via 10.0.0.1 on eth0 table main metric 1024}. */
  static String describe(RoutePlan.Step step, Map<Integer, String> names) {
    RouteSpec spec = step.spec();
    String link = step instanceof RoutePlan.Delete ? names.getOrDefault(step.message().outIndex(), "")
        : spec.outLinkName();
    return (spec.dst() == null ? "default" : spec.dst().toString())
        + (spec.gateway() == null ? "" : " via " + spec.gateway())
        + (link.isEmpty() ? "" : " on " + link)
        + " table " + spec.table() + " metric " + Integer.toUnsignedString(step.message().priority());
  }

  @Override
  public void close() {
    events.close();
  }
}
