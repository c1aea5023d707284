package dev.spindle.controllers.network;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;

import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.network.NetlinkException;
import dev.spindle.platform.network.Rtnetlink;
import dev.spindle.platform.network.WireguardInfo;
import dev.spindle.platform.wireguard.UnavailableWireGuard;
import dev.spindle.platform.wireguard.WireGuard;
import dev.spindle.platform.wireguard.WireguardDevice;
import dev.spindle.platform.wireguard.WireguardException;
import dev.spindle.platform.wireguard.WireguardKey;
import dev.spindle.platform.wireguard.WireguardPeer;
import dev.spindle.resources.network.LinkRefresh;
import dev.spindle.resources.network.LinkSpec;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.Declaration;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.controller.Output;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.controller.Result;
import dev.spindle.runtime.resource.Resource;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Applies the merged {@link LinkSpec}s to the kernel, as Talos's {@code network.LinkSpecController}: observe (the
 * links through the {@link Rtnetlink} port) → {@link LinkPlan#plan} → apply. Every running spec carries this
 * controller's finalizer, so a spec that goes away first has its logical link deleted — only if Spindle created it.
 *
 * <p>Creations come first in a pass; the attributes of a new link (master, up) are set on the next pass, which the
 * kernel's link event for the creation triggers, so a bond exists before its ports are enslaved and a VLAN's parent
 * before the VLAN. A spec that waits for a link (its own physical link, a parent, a master) is woken by link events.
 * A refusal fails the pass with every refusal attached (the runtime retries with backoff); nothing else in the pass
 * is skipped because of it.
 *
 * <p>WireGuard links are made and removed through the {@link WireGuard} port (a kernel link, or a {@code wireguard-go}
 * process on a node without the module), and once a device exists its keys, port, mark and peers are brought to the
 * spec with the smallest change ({@link WireguardPlan}): peers that match are not touched, so their sessions survive.
 * After a change the controller bumps {@link LinkRefresh} {@code wireguard}, since WireGuard raises no netlink event.
 * A peer it dials that has not answered yet is added again each second for its first few seconds
 * ({@link WireguardRedial}), so a node that came up before its peers does not wait out WireGuard's 5 s retry.
 *
 * <p>Which logical links Spindle created is kept in memory: after a restart, links an earlier run created count as
 * someone else's and are configured but never deleted.
 */
public final class LinkSpecController implements Controller, AutoCloseable {
  private final Rtnetlink rtnl;
  private final WireGuard wireguard;
  private final WireguardPlan.Resolver resolver;
  private final KernelResync events;
  private final Set<String> created = new HashSet<>();
  private final Set<String> reported = new HashSet<>();
  private final WireguardRedial redials;
  private final LongSupplier nanoTime;

  /** Without WireGuard: a WireGuard link in a spec fails with the reason. */
  public LinkSpecController(Rtnetlink rtnl) {
    this(rtnl, UnavailableWireGuard.notConfigured());
  }

  public LinkSpecController(Rtnetlink rtnl, WireGuard wireguard) {
    this(rtnl, wireguard, WireguardPlan::resolve);
  }

  /** With a resolver for peer endpoints given as names (tests resolve without DNS). */
  LinkSpecController(Rtnetlink rtnl, WireGuard wireguard, WireguardPlan.Resolver resolver) {
    this(rtnl, wireguard, resolver, new WireguardRedial(), System::nanoTime);
  }

  /** With a first-contact policy and a clock of the test's. */
  LinkSpecController(Rtnetlink rtnl, WireGuard wireguard, WireguardPlan.Resolver resolver, WireguardRedial redials,
      LongSupplier nanoTime) {
    this.redials = Objects.requireNonNull(redials, "redials");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.rtnl = Objects.requireNonNull(rtnl, "rtnl");
    this.wireguard = Objects.requireNonNull(wireguard, "wireguard");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.events = new KernelResync(rtnl, "link", KernelResync.Kind.LINKS);
  }

  @Override
  public Declaration declare() {
    return Declaration.of(inputs(Input.strong(LinkSpec.DEFINITION, Namespaces.NETWORK)),
        outputs(Output.exclusive(LinkRefresh.DEFINITION)));
  }

  @Override
  public Result reconcile(ReconcileContext ctx) throws NetlinkException {
    events.subscribe(ctx);
    List<LinkPlan.Desired> desired = HeldSpecs.hold(ctx, LinkSpec.DEFINITION, name(), LinkPlan.Desired::new);
    // a userspace WireGuard device is a tun link: the plan sees it as the wireguard link its spec describes
    var kernel = new WireguardLinks(wireguard).normalise(rtnl.links());
    var names = new HashSet<String>();
    var byName = new HashMap<String, LinkMessage>();
    kernel.forEach(l -> {
      names.add(l.name());
      byName.put(l.name(), l);
    });
    created.retainAll(names); // a created link that went away is no longer ours to delete
    LinkPlan.Result plan = LinkPlan.plan(desired, kernel, Set.copyOf(created));

    var failures = new NetlinkFailures();
    var failed = new HashSet<String>();
    for (LinkPlan.Step step : plan.steps()) {
      if (failed.contains(step.specId())) {
        continue;
      }
      try {
        apply(step, byName, ctx.logger());
      } catch (NetlinkException e) {
        failed.add(step.specId());
        failures.add(new NetlinkException(e.number(), describe(step)));
      } catch (WireguardException e) {
        failed.add(step.specId());
        failures.add(new NetlinkException(e.errno(), e.doing()));
      } catch (IllegalArgumentException e) {
        failed.add(step.specId());
        report(ctx.logger(), "unsupported/" + step.specId(), e.getMessage());
      }
    }
    var remade = new HashSet<String>(); // created or replaced in this pass: configured on the next, as it exists
    plan.steps().stream().filter(step -> !(step instanceof LinkPlan.Change)).forEach(s -> remade.add(s.specId()));
    boolean reconfigured = false;
    var wireguardLinks = new HashSet<String>();
    Duration recheck = null;
    for (LinkPlan.Desired d : desired) {
      LinkSpec spec = d.spec();
      if (d.tearingDown() || !spec.kind().equals("wireguard") || spec.wireguard() == null
          || !byName.containsKey(spec.name()) || remade.contains(d.id())) {
        continue;
      }
      try {
        WireguardDevice device = wireguard.device(spec.name());
        var change = WireguardPlan.diff(spec.name(), spec.wireguard(), device, resolver);
        var touched = new HashSet<WireguardKey>();
        if (change.isPresent()) {
          wireguard.configure(spec.name(), change.get());
          reconfigured = true;
          change.get().peers().stream().filter(p -> !p.remove()).forEach(p -> touched.add(p.publicKey()));
          ctx.logger().info("reconfigured wireguard link {} ({} peer changes)", spec.name(),
              change.get().peers().size());
        }
        wireguardLinks.add(spec.name());
        boolean rekeyed = change.isPresent() && change.get().privateKey() != null;
        var redial = redials.plan(spec.name(), device, touched, rekeyed, nanoTime.getAsLong());
        if (redial.change().isPresent()) {
          wireguard.configure(spec.name(), redial.change().get());
          reconfigured = true;
          logRedials(spec.name(), redial.peers(), ctx.logger());
        }
        if (redial.next().isPresent() && (recheck == null || redial.next().get().compareTo(recheck) < 0)) {
          recheck = redial.next().get();
        }
      } catch (WireguardException e) {
        failed.add(d.id());
        failures.add(new NetlinkException(e.errno(), e.doing()));
      } catch (IllegalArgumentException e) {
        failed.add(d.id());
        report(ctx.logger(), "wireguard/" + d.id(), "wireguard link " + spec.name() + " cannot be configured: "
            + e.getMessage());
      }
    }
    if (reconfigured) {
      var current = ctx.find(LinkRefresh.DEFINITION, Namespaces.NETWORK, LinkRefresh.WIREGUARD);
      long generation = current.map(r -> r.spec().generation()).orElse(0L) + 1;
      ctx.put(Resource.of(LinkRefresh.DEFINITION, Namespaces.NETWORK, LinkRefresh.WIREGUARD,
          new LinkRefresh(generation)));
    }
    HeldSpecs.release(ctx, LinkSpec.DEFINITION, name(), plan.released(), failed);
    var topics = new HashSet<String>();
    plan.conflicts().forEach(id -> topics.add("conflict/" + id));
    plan.waiting().forEach(id -> topics.add("waiting/" + id));
    reported.retainAll(topics);
    for (String id : plan.conflicts()) {
      report(ctx.logger(), "conflict/" + id, "link " + id + " exists with another kind (or VLAN id) and was not "
          + "created by Spindle: leaving it as it is");
    }
    for (String id : plan.waiting()) {
      report(ctx.logger(), "waiting/" + id, "link " + id + " waits for a link that does not exist yet");
    }
    redials.forget(wireguardLinks);
    failures.throwIfAny();
    return recheck == null ? Result.done() : Result.requeueAfter(recheck);
  }

  private void apply(LinkPlan.Step step, Map<String, LinkMessage> byName, Logger logger)
      throws NetlinkException, WireguardException {
    switch (step) {
      case LinkPlan.Create create -> {
        if (create.request().info() instanceof WireguardInfo) {
          wireguard.createDevice(create.request().name()); // the kernel's link, or a wireguard-go process
        } else {
          rtnl.createLink(create.request());
        }
        created.add(create.request().name());
        logger.info("created link {} ({})", create.request().name(), create.request().info().kind());
      }
      case LinkPlan.Delete delete -> {
        LinkMessage link = byName.get(delete.name());
        try {
          if (link != null && "wireguard".equals(link.kind())) {
            wireguard.deleteDevice(delete.name());
          } else {
            rtnl.deleteLink(delete.index());
          }
        } catch (NetlinkException e) {
          if (e.errno() != Errno.ENODEV) { // gone already: what the step wanted
            throw e;
          }
        } catch (WireguardException e) {
          if (e.errno() != Errno.ENODEV) {
            throw e;
          }
        }
        created.remove(delete.name());
        logger.info("deleted link {}", delete.name());
      }
      case LinkPlan.Change change -> {
        rtnl.setLink(change.index(), change.change());
        logger.info("changed link {}: {}", change.name(), change.change());
      }
    }
  }

  /** The first and the last re-add of a window at info: a peer that never answers costs two lines, not four. */
  private void logRedials(String link, List<WireguardPeer> peers, Logger logger) {
    for (var peer : peers) {
      int attempt = redials.attempts(link, peer.publicKey());
      String format = "wireguard link {}: no handshake with peer {} at {} yet: added it again for a new initiation "
          + "(attempt {} of {}" + (attempt == WireguardRedial.ATTEMPTS
              ? "; from now on WireGuard retries by itself, every 5 s)" : ")");
      Object[] args = {link, peer.publicKey().base64(), peer.endpoint(), attempt, WireguardRedial.ATTEMPTS};
      if (attempt == 1 || attempt == WireguardRedial.ATTEMPTS) {
        logger.info(format, args);
      } else {
        logger.debug(format, args);
      }
    }
  }

  private static String describe(LinkPlan.Step step) {
    return switch (step) {
      case LinkPlan.Create c -> "creating link " + c.request().name() + " (" + c.request().info().kind() + ")";
      case LinkPlan.Delete d -> "deleting link " + d.name();
      case LinkPlan.Change c -> "changing link " + c.name() + " (" + c.change() + ")";
    };
  }

  private void report(Logger logger, String topic, String message) {
    if (reported.add(topic)) {
      logger.warn(message);
    }
  }

  @Override
  public void close() {
    events.close();
  }
}
