package dev.spindle.resources.time;

import dev.spindle.resources.GoDuration;
import dev.spindle.resources.runtime.RuntimeNamespaces;
import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.time.Duration;
import java.util.Objects;

/**
 * Whether the node's clock is in sync, as Talos's {@code TimeStatuses.v1alpha1.talos.dev} (id {@code node}, namespace
 * {@code runtime}): {@code synced}, {@code epoch} (bumped each time the clock was stepped by more than 15 minutes, so
 * certificate holders know to look again) and {@code syncDisabled}, with Talos's field numbers 1 to 3.
 *
 * <p>Spindle adds what it observed, which Talos keeps only in its log: the {@code server} that last answered, the
 * clock {@code offset} it measured (positive: the node is behind; null until a server answered) and that server's {@code stratum}. They use field
 * numbers from 101 so Talos's own future fields cannot collide, and are left out while empty, so a node that has not
 * heard from a server prints exactly Talos's three fields.
 */
public record TimeStatus(
    @ProtoField(1) boolean synced,
    @ProtoField(2) int epoch,
    @ProtoField(3) boolean syncDisabled,
    @ProtoField(101) @OmitEmpty String server,
    @ProtoField(102) @OmitEmpty @GoDuration Duration offset,
    @ProtoField(103) @OmitEmpty int stratum) implements TimeSpec {
  public static final String ID = "node";

  public static final ResourceDefinition<TimeStatus> DEFINITION =
      ResourceDefinition.of(TimeStatus.class, "TimeStatuses.v1alpha1.talos.dev")
          .defaultNamespace(RuntimeNamespaces.RUNTIME)
          .column("Synced", "synced")
          .column("Server", "server")
          .column("Offset", "offset")
          .build();

  public TimeStatus {
    server = Objects.requireNonNullElse(server, "");
  }

  /** Talos's three fields only: nothing heard from a server yet. */
  public static TimeStatus of(boolean synced, int epoch, boolean syncDisabled) {
    return new TimeStatus(synced, epoch, syncDisabled, "", null, 0);
  }
}
