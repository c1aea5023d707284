package dev.spindle.resources.network;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.Layered;
import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One route a configuration layer wants ({@code network-config}, id {@code <layer>/<RouteID>}) or the merged result
 * ({@code network}, id the RouteID, {@link RouteStatus#id}), as Talos's {@code RouteSpecSpec}: field order, YAML
 * names, {@code omitempty} and protobuf numbers 1–14 follow Talos. Talos gives it no print columns and no aliases.
 *
 * <p>{@code dst}, {@code src} (the preferred source address, RTA_PREFSRC) and {@code gateway} are {@code null} for Go's
 * zero {@code netip} values and print as {@code ""}; a default route has no {@code dst}. Talos writes {@code priority}
 * 1024 ({@link #DEFAULT_METRIC}) for configured routes without a metric.
 */
public record RouteSpec(
    @ProtoField(1) Family family,
    @ProtoField(2) @JsonSerialize(nullsUsing = ZeroText.Null.class) @JsonDeserialize(using = ZeroText.Prefix.class)
    IpPrefix dst,
    @ProtoField(3) @JsonSerialize(nullsUsing = ZeroText.Null.class) @JsonDeserialize(using = ZeroText.Addr.class)
    IpAddr src,
    @ProtoField(4) @JsonSerialize(nullsUsing = ZeroText.Null.class) @JsonDeserialize(using = ZeroText.Addr.class)
    IpAddr gateway,
    @ProtoField(5) @OmitEmpty String outLinkName,
    @ProtoField(6) RoutingTable table,
    @ProtoField(7) @OmitEmpty int priority,
    @ProtoField(8) Scope scope,
    @ProtoField(9) RouteType type,
    @ProtoField(10) RouteFlags flags,
    @ProtoField(11) RouteProtocol protocol,
    @ProtoField(12) ConfigLayer layer,
    @ProtoField(13) @OmitEmpty int mtu,
    @ProtoField(14) @OmitEmpty List<RouteNextHop> nextHops) implements NetworkSpec, Layered {

  /** Talos's {@code network.DefaultRouteMetric}: the metric of a configured route that names none. */
  public static final int DEFAULT_METRIC = 1024;

  public static final ResourceDefinition<RouteSpec> DEFINITION =
      ResourceDefinition.of(RouteSpec.class, "RouteSpecs.net.talos.dev")
          .defaultNamespace(Namespaces.NETWORK)
          .build();

  private static final IpAddr ZERO4 = new IpAddr(new byte[4]);
  private static final IpAddr ZERO16 = new IpAddr(new byte[16]);

  public RouteSpec {
    Objects.requireNonNull(family, "family");
    outLinkName = outLinkName == null ? "" : outLinkName;
    table = table == null ? RoutingTable.MAIN : table;
    scope = scope == null ? Scope.GLOBAL : scope;
    type = type == null ? RouteType.UNICAST : type;
    flags = flags == null ? RouteFlags.NONE : flags;
    protocol = protocol == null ? RouteProtocol.of(0) : protocol;
    layer = layer == null ? ConfigLayer.DEFAULT : layer;
    nextHops = nextHops == null ? List.of() : List.copyOf(nextHops);
  }

  /** The final id, Talos's {@code network.RouteID}. */
  public String id() {
    return RouteStatus.id(table, family, dst, gateway, priority, outLinkName);
  }

  /** The id in the config namespace: {@code <layer>/<RouteID>}. */
  public String layeredId() {
    return layer.id(id());
  }

  /**
   * Talos's {@code RouteSpecSpec.Normalize}: a {@code 0.0.0.0/0} or {@code ::/0} destination and a {@code 0.0.0.0} or
   * {@code ::} gateway or source become absent, and the scope follows from what is left (global for a multipath route;
   * link for a destination without a gateway; host for a loopback destination; global otherwise). The family of the
   * last such zero value seen is returned beside the spec (Talos's return value): the spec's own family is not changed,
   * the config stages decide it.
   */
  public Normalized normalize() {
    Family seen = null;
    IpPrefix d = dst;
    if (d != null && d.bits() == 0 && isZero(d.addr())) {
      seen = d.addr().isV4() ? Family.INET4 : Family.INET6;
      d = null;
    }
    IpAddr g = gateway;
    if (g != null && isZero(g)) {
      seen = g.isV4() ? Family.INET4 : Family.INET6;
      g = null;
    }
    IpAddr s = src;
    if (s != null && isZero(s)) {
      seen = s.isV4() ? Family.INET4 : Family.INET6;
      s = null;
    }
    Scope normalizedScope;
    if (!nextHops.isEmpty()) {
      normalizedScope = Scope.GLOBAL;
    } else if (g == null && d != null) {
      normalizedScope = Scope.LINK;
    } else if (d != null && isLoopback(d.addr())) {
      normalizedScope = Scope.HOST;
    } else {
      normalizedScope = Scope.GLOBAL;
    }
    return new Normalized(new RouteSpec(family, d, s, g, outLinkName, table, priority, normalizedScope, type, flags,
        protocol, layer, mtu, nextHops), Optional.ofNullable(seen));
  }

  /** {@link #normalize()}'s result: the normalized spec and the family its zero values showed, if any. */
  public record Normalized(RouteSpec spec, Optional<Family> family) {}

  private static boolean isZero(IpAddr addr) {
    return addr.equals(ZERO4) || addr.equals(ZERO16);
  }

  /** 127.0.0.0/8 or ::1, as Go's {@code netip.Addr.IsLoopback}. */
  static boolean isLoopback(IpAddr addr) {
    byte[] b = addr.bytes();
    if (b.length == 4) {
      return b[0] == 127;
    }
    byte[] one = new byte[16];
    one[15] = 1;
    return Arrays.equals(b, one);
  }

  /** A builder with Talos's zero values (no family yet: set one). */
  public static Builder builder(Family family) {
    return new Builder(family);
  }

  public Builder toBuilder() {
    return new Builder(family).dst(dst).src(src).gateway(gateway).outLinkName(outLinkName).table(table)
        .priority(priority).scope(scope).type(type).flags(flags).protocol(protocol).layer(layer).mtu(mtu)
        .nextHops(nextHops);
  }

  /** Builds a {@link RouteSpec}; unset fields take Talos's zero values. */
  public static final class Builder {
    private Family family;
    private IpPrefix dst;
    private IpAddr src;
    private IpAddr gateway;
    private String outLinkName = "";
    private RoutingTable table = RoutingTable.MAIN;
    private int priority;
    private Scope scope = Scope.GLOBAL;
    private RouteType type = RouteType.UNICAST;
    private RouteFlags flags = RouteFlags.NONE;
    private RouteProtocol protocol = RouteProtocol.of(0);
    private ConfigLayer layer = ConfigLayer.DEFAULT;
    private int mtu;
    private List<RouteNextHop> nextHops = List.of();

    private Builder(Family family) {
      this.family = family;
    }

    public Builder family(Family v) { family = v; return this; }
    public Builder dst(IpPrefix v) { dst = v; return this; }
    public Builder src(IpAddr v) { src = v; return this; }
    public Builder gateway(IpAddr v) { gateway = v; return this; }
    public Builder outLinkName(String v) { outLinkName = v; return this; }
    public Builder table(RoutingTable v) { table = v; return this; }
    public Builder priority(int v) { priority = v; return this; }
    public Builder scope(Scope v) { scope = v; return this; }
    public Builder type(RouteType v) { type = v; return this; }
    public Builder flags(RouteFlags v) { flags = v; return this; }
    public Builder protocol(RouteProtocol v) { protocol = v; return this; }
    public Builder layer(ConfigLayer v) { layer = v; return this; }
    public Builder mtu(int v) { mtu = v; return this; }
    public Builder nextHops(List<RouteNextHop> v) { nextHops = v; return this; }

    public RouteSpec build() {
      return new RouteSpec(family, dst, src, gateway, outLinkName, table, priority, scope, type, flags, protocol,
          layer, mtu, nextHops);
    }
  }
}
