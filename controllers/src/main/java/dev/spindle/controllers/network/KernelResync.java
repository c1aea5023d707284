package dev.spindle.controllers.network;

import dev.spindle.platform.network.AddressEvent;
import dev.spindle.platform.network.LinkEvent;
import dev.spindle.platform.network.NetlinkException;
import dev.spindle.platform.network.RouteEvent;
import dev.spindle.platform.network.Rtnetlink;
import dev.spindle.runtime.controller.Trigger;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;

/**
 * The kernel-facing controllers' subscription: every event of the kinds a controller derives from, and every report
 * of lost events ({@code ENOBUFS}), fires its {@link Trigger}, and its next reconcile re-reads the kernel in full.
 * Events are never applied one by one, so a lost or reordered event cannot leave a stale resource behind.
 */
record KernelResync(Trigger trigger, Logger logger, String what, Set<Kind> kinds) implements Rtnetlink.Listener {
  enum Kind { LINKS, ADDRESSES, ROUTES }

  KernelResync {
    kinds = Set.copyOf(EnumSet.copyOf(kinds));
  }

  static KernelResync of(Trigger trigger, Logger logger, String what, Kind first, Kind... rest) {
    return new KernelResync(trigger, logger, what, EnumSet.of(first, rest));
  }

  @Override
  public void onLink(LinkEvent event) {
    fireFor(Kind.LINKS);
  }

  @Override
  public void onAddress(AddressEvent event) {
    fireFor(Kind.ADDRESSES);
  }

  @Override
  public void onRoute(RouteEvent event) {
    fireFor(Kind.ROUTES);
  }

  @Override
  public void onError(NetlinkException error) {
    logger.warn("{} events may have been lost ({}), resyncing", what, error.getMessage());
    trigger.fire();
  }

  private void fireFor(Kind kind) {
    if (kinds.contains(kind)) {
      trigger.fire();
    }
  }
}
