package dev.spindle.resources.network;

import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.List;

/**
 * The DNS resolvers in effect (id {@code resolvers}), as Talos's {@code ResolverStatusSpec}: the merged
 * {@link ResolverSpec} once its spec controller has taken it. {@code /etc/resolv.conf} is rendered from this.
 * Unlike the spec, {@code searchDomains} is always printed ({@code []} when there are none).
 */
public record ResolverStatus(
    @ProtoField(1) List<IpAddr> dnsServers,
    @ProtoField(4) @OmitEmpty List<NameServerSpec> nameServers,
    @ProtoField(2) List<String> searchDomains) implements NetworkSpec {
  public static final String ID = "resolvers";

  public static final ResourceDefinition<ResolverStatus> DEFINITION =
      ResourceDefinition.of(ResolverStatus.class, "ResolverStatuses.net.talos.dev")
          .defaultNamespace(Namespaces.NETWORK)
          .alias("resolvers")
          .column("Resolvers", "dnsServers")
          .column("Search Domains", "searchDomains")
          .build();

  public ResolverStatus {
    dnsServers = dnsServers == null ? List.of() : List.copyOf(dnsServers);
    nameServers = nameServers == null ? List.of() : List.copyOf(nameServers);
    searchDomains = searchDomains == null ? List.of() : List.copyOf(searchDomains);
  }
}
