package dev.spindle.resources.network;

import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.List;

/**
 * The time servers in effect (id {@code timeservers}), as Talos's {@code TimeServerStatus}: the merged
 * {@code TimeServerSpec} once its spec controller has taken it. The SNTP client queries these.
 */
public record TimeServerStatus(@ProtoField(1) List<String> timeServers, @ProtoField(2) boolean useNTS)
    implements NetworkSpec {
  public static final String ID = "timeservers";

  public static final ResourceDefinition<TimeServerStatus> DEFINITION =
      ResourceDefinition.of(TimeServerStatus.class, "TimeServerStatuses.net.talos.dev")
          .defaultNamespace(Namespaces.NETWORK)
          .alias("timeserver", "timeservers")
          .column("Timeservers", "timeServers")
          .column("UseNTS", "useNTS")
          .build();

  public TimeServerStatus {
    timeServers = List.copyOf(timeServers);
  }
}
