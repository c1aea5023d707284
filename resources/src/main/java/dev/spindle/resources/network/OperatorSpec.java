package dev.spindle.resources.network;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.Layered;
import dev.spindle.runtime.codec.GoZero;
import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.Objects;

/**
 * An operator a configuration layer asks to run on a link ({@code network-config}, id
 * {@code <layer>/<operator>/<link>}, e.g. {@code configuration/dhcp4/eth0}) or the merged result ({@code network},
 * id {@code <operator>/<link>}), as Talos's {@code OperatorSpecSpec}: field order, YAML names, {@code omitempty} and
 * protobuf numbers follow Talos. Sensitive, as in Talos (a VIP operator carries cloud API tokens); no print columns.
 *
 * <p>Spindle records these (so {@code dhcp: true} shows where it came from) but runs no DHCP client yet, and the
 * {@code vip} part (field 6) is not modelled. The DHCP parts are {@code null} when absent.
 */
public record OperatorSpec(
    @ProtoField(1) Operator operator,
    @ProtoField(2) String linkName,
    @ProtoField(3) boolean requireUp,
    @ProtoField(4) @OmitEmpty Dhcp4OperatorSpec dhcp4,
    @ProtoField(5) @OmitEmpty Dhcp6OperatorSpec dhcp6,
    @ProtoField(7) ConfigLayer layer) implements NetworkSpec, Layered {

  /** Talos's {@code DefaultRouteMetric}: the metric of routes a DHCP client installs unless told otherwise. */
  public static final int DEFAULT_ROUTE_METRIC = 1024;

  public static final ResourceDefinition<OperatorSpec> DEFINITION =
      ResourceDefinition.of(OperatorSpec.class, "OperatorSpecs.net.talos.dev")
          .defaultNamespace(Namespaces.NETWORK)
          .sensitive()
          .build();

  public OperatorSpec {
    Objects.requireNonNull(operator, "operator");
    linkName = linkName == null ? "" : linkName;
    dhcp4 = GoZero.isZero(dhcp4) ? null : dhcp4;
    dhcp6 = GoZero.isZero(dhcp6) ? null : dhcp6;
    layer = layer == null ? ConfigLayer.DEFAULT : layer;
  }

  /** A DHCPv4 client on {@code link} once it is up, with {@code routeMetric}. */
  public static OperatorSpec dhcp4(String link, int routeMetric, ConfigLayer layer) {
    return new OperatorSpec(Operator.DHCP4, link, true, new Dhcp4OperatorSpec(routeMetric, false, false), null, layer);
  }

  /** A DHCPv6 client on {@code link} once it is up, with {@code routeMetric}. */
  public static OperatorSpec dhcp6(String link, int routeMetric, ConfigLayer layer) {
    return new OperatorSpec(Operator.DHCP6, link, true, null, new Dhcp6OperatorSpec(routeMetric, false), layer);
  }

  /** The final id, Talos's {@code OperatorID}: {@code <operator>/<link>}. */
  public String id() {
    return operator.text() + "/" + linkName;
  }

  /** The id in the config namespace: {@code <layer>/<operator>/<link>}. */
  public String layeredId() {
    return layer.id(id());
  }
}
