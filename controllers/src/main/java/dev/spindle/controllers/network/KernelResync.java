package dev.spindle.controllers.network;

import dev.spindle.platform.network.AddressEvent;
import dev.spindle.platform.network.LinkEvent;
import dev.spindle.platform.network.NetlinkException;
import dev.spindle.platform.network.RouteEvent;
import dev.spindle.platform.network.Rtnetlink;
import dev.spindle.platform.network.Subscription;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.controller.Trigger;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;

/**
 * The kernel-facing controllers' subscription: every event of the kinds a controller derives from, and every report
 * of lost events ({@code ENOBUFS}), fires its {@link Trigger}, and its next reconcile re-reads the kernel in full.
 * Events are never applied one by one, so a lost or reordered event cannot leave a stale resource behind.
 *
 * <p>Owned by one controller and touched only on its thread (the runtime runs reconcile and close there).
 */
final class KernelResync implements AutoCloseable {
  enum Kind { LINKS, ADDRESSES, ROUTES }

  private final Rtnetlink rtnl;
  private final String what;
  private final Set<Kind> kinds;
  private Subscription subscription;

  /** @param what the events' noun in the lost-events warning ({@code "address"}) */
  KernelResync(Rtnetlink rtnl, String what, Kind first, Kind... rest) {
    this.rtnl = Objects.requireNonNull(rtnl, "rtnl");
    this.what = Objects.requireNonNull(what, "what");
    this.kinds = Set.copyOf(EnumSet.of(first, rest));
  }

  /**
   * Subscribes on the first call. Call it before reading the kernel: a change racing the dumps then still triggers
   * the next reconcile.
   */
  void subscribe(ReconcileContext ctx) throws NetlinkException {
    if (subscription == null) {
      subscription = rtnl.subscribe(new Listener(ctx.trigger(), ctx.logger(), what, kinds));
    }
  }

  @Override
  public void close() {
    if (subscription != null) {
      subscription.close();
      subscription = null;
    }
  }

  private record Listener(Trigger trigger, Logger logger, String what, Set<Kind> kinds)
      implements Rtnetlink.Listener {
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
}
