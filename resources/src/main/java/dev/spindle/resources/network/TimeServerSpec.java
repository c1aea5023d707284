package dev.spindle.resources.network;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.Layered;
import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.List;

/**
 * The NTP servers one configuration layer asks for ({@code network-config}, id {@code <layer>/timeservers}) or the
 * merged result ({@code network}, id {@code timeservers}), as Talos's {@code TimeServerSpecSpec}: host names or
 * addresses as text, and whether to use Network Time Security. {@code useNTS} is omitted from YAML when false, so the
 * {@code UseNTS} column is blank then, as with {@code talosctl}.
 */
public record TimeServerSpec(
    @ProtoField(1) List<String> timeServers,
    @ProtoField(3) @OmitEmpty boolean useNTS,
    @ProtoField(2) ConfigLayer layer) implements NetworkSpec, Layered {
  public static final String ID = "timeservers";

  public static final ResourceDefinition<TimeServerSpec> DEFINITION =
      ResourceDefinition.of(TimeServerSpec.class, "TimeServerSpecs.net.talos.dev")
          .defaultNamespace(Namespaces.NETWORK)
          .column("Timeservers", "timeServers")
          .column("UseNTS", "useNTS")
          .build();

  public TimeServerSpec {
    timeServers = timeServers == null ? List.of() : List.copyOf(timeServers);
    layer = layer == null ? ConfigLayer.DEFAULT : layer;
  }
}
