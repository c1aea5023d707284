package dev.spindle.resources.network;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.Layered;
import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.List;

/**
 * The DNS resolvers one configuration layer asks for ({@code network-config}, id {@code <layer>/resolvers}) or the
 * merged result ({@code network}, id {@code resolvers}), as Talos's {@code ResolverSpecSpec}.
 *
 * <p>{@code dnsServers} is Talos's deprecated flat list, kept for {@code talosctl get} columns and old clients;
 * {@code nameServers} carries the protocol too. The config stage fills only {@code nameServers}; the merge calls
 * {@link #converted()} so the final spec has both. {@code searchDomainsOverridden} says that the machine configuration
 * set the search domains explicitly (possibly to none), so they replace every lower layer's instead of merging. An
 * empty list here stands for Go's nil, which is what every producer of these specs means by it.
 */
public record ResolverSpec(
    @ProtoField(1) List<IpAddr> dnsServers,
    @ProtoField(4) @OmitEmpty List<NameServerSpec> nameServers,
    @ProtoField(2) ConfigLayer layer,
    @ProtoField(3) @OmitEmpty List<String> searchDomains,
    @ProtoField(5) @OmitEmpty boolean searchDomainsOverridden) implements NetworkSpec, Layered {
  public static final String ID = "resolvers";

  public static final ResourceDefinition<ResolverSpec> DEFINITION =
      ResourceDefinition.of(ResolverSpec.class, "ResolverSpecs.net.talos.dev")
          .defaultNamespace(Namespaces.NETWORK)
          .column("Layer", "layer")
          .column("Resolvers", "dnsServers")
          .column("Search Domains", "searchDomains")
          .build();

  public ResolverSpec {
    dnsServers = dnsServers == null ? List.of() : List.copyOf(dnsServers);
    nameServers = nameServers == null ? List.of() : List.copyOf(nameServers);
    layer = layer == null ? ConfigLayer.DEFAULT : layer;
    searchDomains = searchDomains == null ? List.of() : List.copyOf(searchDomains);
  }

  /** Name servers and search domains at a layer, as a config controller writes them (no flat list yet). */
  public static ResolverSpec of(ConfigLayer layer, List<NameServerSpec> nameServers, List<String> searchDomains) {
    return new ResolverSpec(List.of(), nameServers, layer, searchDomains, false);
  }

  /**
   * Talos's {@code Convert()}: fills whichever of the two server lists is empty from the other, so old and new
   * readers see the same servers.
   */
  public ResolverSpec converted() {
    if (nameServers.isEmpty() && !dnsServers.isEmpty()) {
      return new ResolverSpec(dnsServers, dnsServers.stream().map(NameServerSpec::of).toList(), layer, searchDomains,
          searchDomainsOverridden);
    }
    if (dnsServers.isEmpty() && !nameServers.isEmpty()) {
      return new ResolverSpec(nameServers.stream().map(NameServerSpec::addr).toList(), nameServers, layer,
          searchDomains, searchDomainsOverridden);
    }
    return this;
  }
}
