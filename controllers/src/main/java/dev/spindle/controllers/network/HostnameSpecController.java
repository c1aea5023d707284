package dev.spindle.controllers.network;

import dev.spindle.resources.network.HostnameSpec;
import dev.spindle.resources.network.HostnameStatus;
import dev.spindle.runtime.controller.ReconcileContext;

/**
 * Publishes the merged host name as {@link HostnameStatus} (id {@code hostname}), as Talos's
 * {@code network.HostnameSpecController} does first.
 *
 * <p>Unlike Talos it does not set the kernel's host and domain name ({@code sethostname}/{@code setdomainname}):
 * Spindle also runs as an unprivileged process on a developer's machine, where renaming the host would be a
 * surprise. The status is what the rest of Spindle reads (the default search domain, later {@code /etc/hosts}).
 */
public final class HostnameSpecController extends SpecStatusController<HostnameSpec, HostnameStatus> {
  public HostnameSpecController() {
    super(HostnameSpec.DEFINITION, HostnameStatus.DEFINITION);
  }

  @Override
  protected HostnameStatus status(HostnameSpec spec) {
    return new HostnameStatus(spec.hostname(), spec.domainname());
  }

  @Override
  protected void changed(ReconcileContext ctx, HostnameStatus status) {
    ctx.logger().info("hostname is {} (not applied to the kernel)", status.fqdn());
  }
}
