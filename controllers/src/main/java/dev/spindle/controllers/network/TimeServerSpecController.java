package dev.spindle.controllers.network;

import dev.spindle.resources.network.TimeServerSpec;
import dev.spindle.resources.network.TimeServerStatus;
import dev.spindle.runtime.controller.ReconcileContext;

/**
 * Publishes the merged time servers as {@link TimeServerStatus} (id {@code timeservers}), as Talos's
 * {@code network.TimeServerSpecController}; the time synchronisation reads the status.
 */
public final class TimeServerSpecController extends SpecStatusController<TimeServerSpec, TimeServerStatus> {
  public TimeServerSpecController() {
    super(TimeServerSpec.DEFINITION, TimeServerStatus.DEFINITION);
  }

  @Override
  protected TimeServerStatus status(TimeServerSpec spec) {
    return new TimeServerStatus(spec.timeServers(), spec.useNTS());
  }

  @Override
  protected void changed(ReconcileContext ctx, TimeServerStatus status) {
    ctx.logger().info("setting time servers {}, NTS {}", status.timeServers(), status.useNTS());
  }
}
