package dev.spindle.resources.network;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.Objects;

/**
 * One route the kernel has, in any table, as Talos's {@code RouteStatusSpec}: field order, YAML names,
 * {@code omitempty} and protobuf numbers follow Talos, and so does the id ({@link #id}). {@code dst}, {@code src}
 * (the preferred source, RTA_PREFSRC) and {@code gateway} are {@code null} when the kernel sent none, printed as
 * {@code ""} like Go's zero {@code netip} values; a default route has no {@code dst}.
 */
public record RouteStatus(
    @ProtoField(1) Family family,
    @ProtoField(2) @JsonSerialize(nullsUsing = ZeroText.Null.class) @JsonDeserialize(using = ZeroText.Prefix.class)
    IpPrefix dst,
    @ProtoField(3) @JsonSerialize(nullsUsing = ZeroText.Null.class) @JsonDeserialize(using = ZeroText.Addr.class)
    IpAddr src,
    @ProtoField(4) @JsonSerialize(nullsUsing = ZeroText.Null.class) @JsonDeserialize(using = ZeroText.Addr.class)
    IpAddr gateway,
    @ProtoField(5) @OmitEmpty int outLinkIndex,
    @ProtoField(6) @OmitEmpty String outLinkName,
    @ProtoField(7) RoutingTable table,
    @ProtoField(8) int priority,
    @ProtoField(9) Scope scope,
    @ProtoField(10) RouteType type,
    @ProtoField(11) RouteFlags flags,
    @ProtoField(12) RouteProtocol protocol,
    @ProtoField(13) @OmitEmpty int mtu) implements NetworkSpec {

  public static final ResourceDefinition<RouteStatus> DEFINITION =
      ResourceDefinition.of(RouteStatus.class, "RouteStatuses.net.talos.dev")
          .defaultNamespace(Namespaces.NETWORK)
          .alias("route", "routes")
          .column("Destination", "dst")
          .column("Gateway", "gateway")
          .column("Link", "outLinkName")
          .column("Metric", "priority")
          .build();

  public RouteStatus {
    Objects.requireNonNull(family, "family");
    outLinkName = outLinkName == null ? "" : outLinkName;
    table = table == null ? RoutingTable.UNSPEC : table;
    scope = scope == null ? Scope.GLOBAL : scope;
    type = type == null ? RouteType.of(0) : type;
    flags = flags == null ? RouteFlags.NONE : flags;
    protocol = protocol == null ? RouteProtocol.of(0) : protocol;
  }

  /**
   * Talos's {@code network.RouteID}: {@code <table>/} unless the table is main, then {@code <outLinkName>/} for IPv6
   * only, then {@code <family>/<gateway>/<dst>/<priority>}; an absent gateway or dst is an empty segment. E.g.
   * {@code inet4/172.20.0.1//1024}, {@code local/inet4//127.0.0.0/8/0}, {@code eth0/inet6//fe80::/64/256}.
   */
  public static String id(RoutingTable table, Family family, IpPrefix dst, IpAddr gateway, int priority,
      String outLinkName) {
    var id = new StringBuilder();
    if (!table.equals(RoutingTable.MAIN)) {
      id.append(table.text()).append('/');
    }
    if (family == Family.INET6) {
      id.append(outLinkName).append('/');
    }
    return id.append(family.text()).append('/').append(gateway == null ? "" : gateway.toString()).append('/')
        .append(dst == null ? "" : dst.toString()).append('/').append(Integer.toUnsignedString(priority))
        .toString();
  }

  public String id() {
    return id(table, family, dst, gateway, priority, outLinkName);
  }
}
