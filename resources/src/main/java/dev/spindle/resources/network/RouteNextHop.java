package dev.spindle.resources.network;

import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;
import java.util.Objects;

/**
 * One next hop of a multipath (ECMP) {@link RouteSpec}, as Talos's {@code RouteNextHop}: the gateway (which may be of
 * the other family, RFC 8950), the out link and the weight. Kept so that a spec from another node or an API client
 * reads and prints as in Talos; Spindle's config stages do not produce multipath routes and
 * {@code RouteSpecController} does not apply them yet.
 */
public record RouteNextHop(
    @ProtoField(1) IpAddr gateway,
    @ProtoField(2) @OmitEmpty String outLinkName,
    @ProtoField(3) @OmitEmpty int weight) {
  public RouteNextHop {
    Objects.requireNonNull(gateway, "gateway");
    outLinkName = outLinkName == null ? "" : outLinkName;
  }
}
