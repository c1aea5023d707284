package dev.spindle.resources.network;

import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;

/**
 * A nudge for the link status controller (Talos's {@code LinkRefresh}, id {@code wireguard}): configuring a
 * WireGuard device changes what the link shows without any netlink event, so the link spec controller bumps
 * {@code generation} after it configured one, and the status controller, which watches this resource, looks again.
 */
public record LinkRefresh(@ProtoField(1) long generation) implements NetworkSpec {
  /** The one id Talos uses. */
  public static final String WIREGUARD = "wireguard";

  public static final ResourceDefinition<LinkRefresh> DEFINITION =
      ResourceDefinition.of(LinkRefresh.class, "LinkRefreshes.net.talos.dev")
          .defaultNamespace(Namespaces.NETWORK)
          .build();
}
