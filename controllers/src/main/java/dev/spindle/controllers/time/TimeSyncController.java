package dev.spindle.controllers.time;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;

import dev.spindle.platform.time.ClockAdjuster;
import dev.spindle.platform.time.ClockException;
import dev.spindle.platform.time.Sntp;
import dev.spindle.platform.time.SntpException;
import dev.spindle.platform.time.SntpResult;
import dev.spindle.platform.time.SntpServer;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.TimeServerStatus;
import dev.spindle.resources.runtime.RuntimeNamespaces;
import dev.spindle.resources.time.TimeStatus;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.Declaration;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.controller.Output;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.controller.Result;
import dev.spindle.runtime.resource.Resource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * Queries the time servers of {@link TimeServerStatus} over SNTP and keeps {@link TimeStatus} ({@code node}), as
 * Talos's {@code time.SyncController} with its NTP syncer. Each round asks the server that answered last, then the
 * others in order, and takes the first answer; the next round comes after the adaptive poll interval of
 * {@link TimeSyncPolicy} ({@link Result#requeueAfter}), or after a doubling retry delay when nobody answered. A
 * changed server list starts a round at once.
 *
 * <p>The clock is set only when a {@link ClockAdjuster} is given (the daemon on {@code --platform linux} with its
 * explicit flag); otherwise the controller measures and reports, and the node counts as synced only when its clock is
 * already within {@link TimeSyncPolicy#EXPECTED_ACCURACY}. As in Talos, {@code synced} latches once reached.
 *
 * <p>Not as in Talos: no NTS, no PTP devices, no boot timeout and no {@code syncDisabled} from the machine
 * configuration (its disabled flag does not reach {@link TimeServerStatus} yet), no RTC update.
 */
public final class TimeSyncController implements Controller {
  private final Sntp sntp;
  private final Optional<ClockAdjuster> clock;
  private final TimeSyncTimings timings;

  // only touched on the controller's thread
  private List<SntpServer> servers = List.of();
  private SntpServer lastGood;
  private Duration poll = Duration.ZERO;
  private Duration retry = Duration.ZERO;
  private long nextRoundNanos;
  private boolean synced;
  private int epoch;
  private SntpResult lastAnswer;

  public TimeSyncController(Sntp sntp, Optional<ClockAdjuster> clock, TimeSyncTimings timings) {
    this.sntp = Objects.requireNonNull(sntp, "sntp");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timings = Objects.requireNonNull(timings, "timings");
  }

  /** Measures only: never sets the clock. */
  public static TimeSyncController measuring(Sntp sntp) {
    return new TimeSyncController(sntp, Optional.empty(), TimeSyncTimings.DEFAULT);
  }

  @Override
  public Declaration declare() {
    return Declaration.of(inputs(Input.weak(TimeServerStatus.DEFINITION, Namespaces.NETWORK).withId(TimeServerStatus.ID)),
        outputs(Output.exclusive(TimeStatus.DEFINITION)));
  }

  @Override
  public Result reconcile(ReconcileContext ctx) {
    Optional<Resource<TimeServerStatus>> status = ctx.find(TimeServerStatus.DEFINITION, Namespaces.NETWORK,
        TimeServerStatus.ID);
    if (status.isEmpty()) {
      return Result.done(); // as Talos: no TimeStatus until the time servers are known
    }
    List<SntpServer> configured = parse(status.get().spec().timeServers(), ctx.logger());
    boolean changed = !configured.equals(servers);
    if (changed) {
      servers = configured;
      lastGood = null;
      lastAnswer = null;
      retry = Duration.ZERO;
    }
    long now = System.nanoTime();
    if (!changed && now - nextRoundNanos < 0) {
      write(ctx);
      return Result.requeueAfter(Duration.ofNanos(nextRoundNanos - now));
    }
    Duration delay = servers.isEmpty() ? null : round(ctx.logger());
    write(ctx);
    if (delay == null) {
      return Result.done();
    }
    nextRoundNanos = System.nanoTime() + delay.toNanos();
    return Result.requeueAfter(delay);
  }

  /** One round of queries; returns the delay until the next. */
  private Duration round(Logger log) {
    List<String> failures = new ArrayList<>();
    Optional<SntpResult> answer = firstAnswer(failures);
    if (answer.isEmpty()) {
      if (retry.isZero()) {
        log.warn("no time server answered, retrying with backoff: {}", String.join("; ", failures));
      }
      retry = TimeSyncPolicy.nextRetry(retry, timings);
      return retry;
    }
    retry = Duration.ZERO;
    SntpResult result = answer.get();
    lastGood = result.server();
    lastAnswer = result;
    poll = TimeSyncPolicy.nextPoll(poll, result.offset(), timings);
    boolean stepped = false;
    if (TimeSyncPolicy.shouldStep(result.offset(), clock.isPresent())) {
      stepped = step(result, log);
    }
    if (!synced && TimeSyncPolicy.inSync(result.offset(), stepped)) {
      synced = true;
      log.info("time in sync via {} (offset {}, stratum {})", result.server(), result.offset(), result.stratum());
    }
    return poll;
  }

  private boolean step(SntpResult result, Logger log) {
    try {
      clock.orElseThrow().step(result.offset());
      log.info("stepped the clock by {} via {}", result.offset(), result.server());
      if (TimeSyncPolicy.newEpoch(result.offset())) {
        epoch++;
      }
      return true;
    } catch (ClockException e) {
      log.warn("cannot step the clock by {}: {}", result.offset(), e.getMessage());
      return false;
    }
  }

  private Optional<SntpResult> firstAnswer(List<String> failures) {
    List<SntpServer> order = new ArrayList<>(servers);
    if (lastGood != null && order.remove(lastGood)) {
      order.addFirst(lastGood);
    }
    for (SntpServer server : order) {
      try {
        return Optional.of(sntp.query(server, timings.queryTimeout()));
      } catch (SntpException e) {
        failures.add(e.getMessage());
      }
    }
    return Optional.empty();
  }

  private void write(ReconcileContext ctx) {
    SntpResult a = lastAnswer;
    TimeStatus spec = a == null ? TimeStatus.of(synced, epoch, false)
        : new TimeStatus(synced, epoch, false, a.server().toString(), a.offset(), a.stratum());
    ctx.put(Resource.of(TimeStatus.DEFINITION, RuntimeNamespaces.RUNTIME, TimeStatus.ID, spec));
  }

  private static List<SntpServer> parse(List<String> entries, Logger log) {
    List<SntpServer> parsed = new ArrayList<>();
    for (String entry : entries) {
      try {
        parsed.add(SntpServer.parse(entry));
      } catch (IllegalArgumentException e) {
        log.warn("time server skipped: {}", e.getMessage());
      }
    }
    return List.copyOf(parsed);
  }
}
