package dev.spindle.resources.network;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.Layered;
import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.Objects;

/**
 * One address a configuration layer wants on a link ({@code network-config}, id {@code <layer>/<link>/<prefix>}) or
 * the merged result ({@code network}, id {@code <link>/<prefix>}, as {@link AddressStatus#id}), as Talos's
 * {@code AddressSpecSpec}: field order, YAML names, {@code omitempty} and protobuf numbers 1–8 follow Talos. Talos
 * gives it no print columns and no aliases.
 *
 * <p>The address keeps its host bits ({@code 10.0.0.5/24}); {@code flags} are the {@code IFA_F_*} bits Spindle asks
 * the kernel for ({@code permanent} for every configured address, as in Talos).
 */
public record AddressSpec(
    @ProtoField(1) IpPrefix address,
    @ProtoField(2) String linkName,
    @ProtoField(3) Family family,
    @ProtoField(4) Scope scope,
    @ProtoField(5) AddressFlags flags,
    @ProtoField(6) @OmitEmpty boolean announceWithARP,
    @ProtoField(7) ConfigLayer layer,
    @ProtoField(8) @OmitEmpty int priority) implements NetworkSpec, Layered {

  public static final ResourceDefinition<AddressSpec> DEFINITION =
      ResourceDefinition.of(AddressSpec.class, "AddressSpecs.net.talos.dev")
          .defaultNamespace(Namespaces.NETWORK)
          .build();

  public AddressSpec {
    Objects.requireNonNull(address, "address");
    linkName = linkName == null ? "" : linkName;
    family = family == null ? (address.addr().isV4() ? Family.INET4 : Family.INET6) : family;
    scope = scope == null ? Scope.GLOBAL : scope;
    flags = flags == null ? AddressFlags.NONE : flags;
    layer = layer == null ? ConfigLayer.DEFAULT : layer;
  }

  /**
   * A permanent address as the config stages build them (Talos's {@code AddressConfigController}): the family from
   * the address, no ARP announcement, no route priority.
   */
  public static AddressSpec permanent(IpPrefix address, String linkName, Scope scope, ConfigLayer layer) {
    return new AddressSpec(address, linkName, null, scope, AddressFlags.of(AddressFlag.PERMANENT), false, layer, 0);
  }

  /** The final id, Talos's {@code network.AddressID}: {@code <link>/<prefix>}. */
  public String id() {
    return AddressStatus.id(linkName, address);
  }

  /** The id in the config namespace: {@code <layer>/<link>/<prefix>}. */
  public String layeredId() {
    return layer.id(id());
  }

  public AddressSpec withFlags(AddressFlags newFlags) {
    return new AddressSpec(address, linkName, family, scope, newFlags, announceWithARP, layer, priority);
  }
}
