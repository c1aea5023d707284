package dev.spindle.controllers.network;

import dev.spindle.resources.network.ResolverSpec;
import dev.spindle.resources.network.ResolverStatus;
import dev.spindle.runtime.controller.ReconcileContext;

/**
 * Publishes the merged resolvers as {@link ResolverStatus} (id {@code resolvers}), as Talos's
 * {@code network.ResolverSpecController}; {@code /etc/resolv.conf} is rendered from the status by
 * {@link ResolvConfController}. Logs {@code setting resolvers} when they change.
 */
public final class ResolverSpecController extends SpecStatusController<ResolverSpec, ResolverStatus> {
  public ResolverSpecController() {
    super(ResolverSpec.DEFINITION, ResolverStatus.DEFINITION);
  }

  @Override
  protected ResolverStatus status(ResolverSpec spec) {
    return new ResolverStatus(spec.dnsServers(), spec.nameServers(), spec.searchDomains());
  }

  @Override
  protected void changed(ReconcileContext ctx, ResolverStatus status) {
    ctx.logger().info("setting resolvers {}, search domains {}", status.nameServers(), status.searchDomains());
  }
}
