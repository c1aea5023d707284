package dev.spindle.controllers.network;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;

import dev.spindle.platform.wireguard.WireGuard;
import dev.spindle.platform.wireguard.WireguardException;
import dev.spindle.platform.wireguard.WireguardPeer;
import dev.spindle.resources.network.LinkRefresh;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.WireguardPeerStatus;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.Declaration;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.controller.Output;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.controller.Result;
import dev.spindle.runtime.resource.Resource;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps one {@link WireguardPeerStatus} per peer of every WireGuard link ({@code <link>/<public key>}): endpoint,
 * last handshake, bytes received and sent. WireGuard raises no events for handshakes or traffic, so while a
 * WireGuard link exists the controller reads the devices again every {@code interval}; a new link, a reconfigured
 * device ({@link LinkRefresh}) or a link going away wake it at once.
 */
public final class WireguardPeerStatusController implements Controller {
  /** How often handshakes and counters are read by default: as often as the mesh's keepalive. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

  private final WireGuard wireguard;
  private final Duration interval;
  private final Set<String> warned = new HashSet<>();

  public WireguardPeerStatusController(WireGuard wireguard) {
    this(wireguard, DEFAULT_INTERVAL);
  }

  public WireguardPeerStatusController(WireGuard wireguard, Duration interval) {
    this.wireguard = Objects.requireNonNull(wireguard, "wireguard");
    this.interval = Objects.requireNonNull(interval, "interval");
  }

  @Override
  public Declaration declare() {
    return Declaration.of(inputs(Input.weak(LinkStatus.DEFINITION), Input.weak(LinkRefresh.DEFINITION,
        Namespaces.NETWORK)), outputs(Output.exclusive(WireguardPeerStatus.DEFINITION)
            .cleanupUntouched(Namespaces.NETWORK)));
  }

  @Override
  public Result reconcile(ReconcileContext ctx) {
    boolean any = false;
    var failing = new HashSet<String>();
    for (Resource<LinkStatus> link : ctx.list(LinkStatus.DEFINITION)) {
      try {
        var device = WireguardLinks.read(wireguard, link.spec().kind(), link.id());
        if (device.isEmpty()) {
          continue;
        }
        any = true;
        for (WireguardPeer peer : device.get().peers()) {
          ctx.put(Resource.of(WireguardPeerStatus.DEFINITION, Namespaces.NETWORK,
              link.id() + "/" + peer.publicKey().base64(), WireguardStatusMapper.peer(link.id(), peer)));
        }
      } catch (WireguardException e) {
        any = true;
        failing.add(link.id());
        if (warned.add(link.id())) {
          ctx.logger().warn("reading wireguard link {}: {}", link.id(), e.getMessage());
        }
      }
    }
    warned.retainAll(failing);
    return any ? Result.requeueAfter(interval) : Result.done();
  }
}
