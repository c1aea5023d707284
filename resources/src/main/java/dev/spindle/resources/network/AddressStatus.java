package dev.spindle.resources.network;

import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.Objects;

/**
 * One address the kernel has on a link, as Talos's {@code AddressStatusSpec}: the resource id is
 * {@code <linkName>/<address>} ({@link #id}), e.g. {@code lo/127.0.0.1/8}. Field order, YAML names,
 * {@code omitempty} and protobuf numbers follow Talos. {@code address} is IFA_ADDRESS with the prefix length (the peer
 * on a point-to-point link, as in Talos); the optional addresses are {@code null} when the kernel sent none, which
 * YAML omits as Go omits a zero {@code netip.Addr}.
 */
public record AddressStatus(
    @ProtoField(1) IpPrefix address,
    @ProtoField(2) @OmitEmpty IpAddr local,
    @ProtoField(3) @OmitEmpty IpAddr broadcast,
    @ProtoField(4) @OmitEmpty IpAddr anycast,
    @ProtoField(5) @OmitEmpty IpAddr multicast,
    @ProtoField(6) int linkIndex,
    @ProtoField(7) String linkName,
    @ProtoField(8) Family family,
    @ProtoField(9) Scope scope,
    @ProtoField(10) AddressFlags flags,
    @ProtoField(11) int priority) implements NetworkSpec {

  public static final ResourceDefinition<AddressStatus> DEFINITION =
      ResourceDefinition.of(AddressStatus.class, "AddressStatuses.net.talos.dev")
          .defaultNamespace(Namespaces.NETWORK)
          .alias("address", "addresses")
          .column("Address", "address")
          .column("Link", "linkName")
          .build();

  public AddressStatus {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(family, "family");
    linkName = linkName == null ? "" : linkName;
    scope = scope == null ? Scope.GLOBAL : scope;
    flags = flags == null ? AddressFlags.NONE : flags;
  }

  /** Talos's {@code network.AddressID}: the link name, a slash, the prefix in Go's text form. */
  public static String id(String linkName, IpPrefix address) {
    return linkName + "/" + address;
  }

  public String id() {
    return id(linkName, address);
  }
}
