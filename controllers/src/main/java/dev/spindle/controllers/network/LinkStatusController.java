package dev.spindle.controllers.network;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;

import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.Ethtool;
import dev.spindle.platform.network.EthtoolFacts;
import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.network.NetlinkException;
import dev.spindle.platform.network.Rtnetlink;
import dev.spindle.platform.sysfs.NetDeviceFacts;
import dev.spindle.platform.sysfs.Sysfs;
import dev.spindle.platform.wireguard.UnavailableWireGuard;
import dev.spindle.platform.wireguard.WireGuard;
import dev.spindle.platform.wireguard.WireguardException;
import dev.spindle.resources.network.LinkRefresh;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.Declaration;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.controller.Output;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.controller.Result;
import dev.spindle.runtime.controller.Trigger;
import dev.spindle.runtime.resource.Resource;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Objects;

/**
 * Keeps one {@link LinkStatus} per kernel link (id = link name), as Talos's {@code network.LinkStatusController}.
 *
 * <p>Its input is the kernel, plus {@link LinkRefresh}, which the link spec controller bumps after configuring a
 * WireGuard device (that raises no netlink event). A WireGuard link's {@code wireguard} section is read from the
 * {@link WireGuard} port: public key, port, mark and peers, never the private key.
 *
 * <p>The kernel is its main input. On its first reconcile it subscribes to link events, and every event
 * (or a lost-events error) fires the controller's {@link Trigger}; each reconcile then dumps all links and writes what
 * exists (level-triggered, so an event only says "look again"). Links that are gone are destroyed by the runtime's
 * cleanup of untouched outputs. Bursts of events coalesce into one reconcile in the runtime, which replaces Talos's
 * rate-limited trigger. The subscription is closed when the runtime stops the controller.
 *
 * <p>The device facts (bus path, driver, PCI ids and names) come from the {@link Sysfs} port, read once per link (by
 * index and name) and kept while the link lives, so a resync of many links costs no sysfs reads.
 *
 * <p>Carrier, speed, duplex, port and the driver's versions come from the {@link Ethtool} port on every pass. Not yet
 * as in Talos: it does not wait for udev to settle (DevicesStatus), watch LinkSpecs, or join ethtool's netlink
 * {@code monitor} group, so a speed change without a link event shows on the next event.
 */
public final class LinkStatusController implements Controller, AutoCloseable {
  private final Rtnetlink rtnl;
  private final Sysfs sysfs;
  private final Ethtool ethtool;
  private final WireGuard wireguard;
  private final KernelResync events;
  private final Set<String> ethtoolWarned = new HashSet<>();
  /** Sysfs facts by link index and name: they do not change while the link lives; only on the controller thread. */
  private final Map<String, Optional<NetDeviceFacts>> hardware = new HashMap<>();

  /** Without sysfs: the device fields stay empty. */
  public LinkStatusController(Rtnetlink rtnl) {
    this(rtnl, name -> Optional.empty());
  }

  public LinkStatusController(Rtnetlink rtnl, Sysfs sysfs) {
    this(rtnl, sysfs, null, UnavailableWireGuard.notConfigured());
  }

  /**
   * With every source Talos reads: rtnetlink, sysfs, ethtool ({@code null}: none, the ethtool-only fields take the
   * "unavailable" values) and WireGuard.
   */
  public LinkStatusController(Rtnetlink rtnl, Sysfs sysfs, Ethtool ethtool, WireGuard wireguard) {
    this.rtnl = Objects.requireNonNull(rtnl, "rtnl");
    this.sysfs = Objects.requireNonNull(sysfs, "sysfs");
    this.ethtool = ethtool;
    this.wireguard = Objects.requireNonNull(wireguard, "wireguard");
    this.events = new KernelResync(rtnl, "link", KernelResync.Kind.LINKS);
  }

  @Override
  public Declaration declare() {
    return Declaration.of(inputs(Input.weak(LinkRefresh.DEFINITION, Namespaces.NETWORK)),
        outputs(Output.exclusive(LinkStatus.DEFINITION).cleanupUntouched(Namespaces.NETWORK)));
  }

  @Override
  public Result reconcile(ReconcileContext ctx) throws NetlinkException {
    events.subscribe(ctx);
    List<LinkMessage> links = rtnl.links();
    Set<String> present = new HashSet<>();
    for (LinkMessage link : links) {
      String key = link.index() + "/" + link.name();
      present.add(key);
      LinkStatus status = LinkStatusMapper.map(link, links, facts(key, link.name(), ctx), ethtool(link.name(), ctx));
      status = withWireguard(status, link, ctx);
      ctx.put(Resource.of(LinkStatus.DEFINITION, Namespaces.NETWORK, link.name(), status));
    }
    hardware.keySet().retainAll(present);
    return Result.done();
  }

  /**
   * What ethtool says now (carrier and speed change while the link lives, so this is read on every pass, as Talos
   * does); a link gone since the dump is silent, any other refusal a warning once per link.
   */
  private Optional<EthtoolFacts> ethtool(String name, ReconcileContext ctx) {
    if (ethtool == null) {
      return Optional.empty();
    }
    try {
      Optional<EthtoolFacts> facts = Optional.of(ethtool.facts(name));
      ethtoolWarned.remove(name);
      return facts;
    } catch (NetlinkException e) {
      if (e.errno() != Errno.ENODEV && ethtoolWarned.add(name)) {
        ctx.logger().warn("reading ethtool facts of link {}: {}", name, e.getMessage());
      }
      return Optional.empty();
    }
  }

  /**
   * The status with the link's WireGuard section, if it is a WireGuard device. A device that cannot be read is a
   * warning, as in Talos: the link is still shown, without the section.
   */
  private LinkStatus withWireguard(LinkStatus status, LinkMessage link, ReconcileContext ctx) {
    try {
      return WireguardLinks.read(wireguard, link.kind(), link.name())
          .map(device -> status.withWireguard(WireguardStatusMapper.linkSection(device))).orElse(status);
    } catch (WireguardException e) {
      ctx.logger().warn("reading wireguard link {}: {}", link.name(), e.getMessage());
      return status;
    }
  }

  /** The link's sysfs facts, read once per link; a read that fails is retried on the next pass, not cached. */
  private Optional<NetDeviceFacts> facts(String key, String name, ReconcileContext ctx) {
    Optional<NetDeviceFacts> known = hardware.get(key);
    if (known != null) {
      return known;
    }
    try {
      Optional<NetDeviceFacts> read = sysfs.netDevice(name);
      hardware.put(key, read);
      return read;
    } catch (UncheckedIOException e) {
      ctx.logger().warn("reading sysfs for link {}: {}", name, e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    events.close();
  }
}
