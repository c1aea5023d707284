package dev.spindle.cli;

import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.List;

/** Test resource types whose definitions mirror Talos's (type strings, aliases, print columns). */
final class TestTypes {
  private TestTypes() {}

  /** The fields of Talos's LinkStatusSpec that its six print columns read; alias is omitempty as in Talos. */
  record LinkStatus(@OmitEmpty String alias, String type, String kind, String hardwareAddr, String operationalState,
      boolean linkState) {
    static final ResourceDefinition<LinkStatus> DEFINITION =
        ResourceDefinition.of(LinkStatus.class, "LinkStatuses.net.talos.dev").defaultNamespace("network")
            .alias("link", "links")
            .column("Alias", "alias").column("Type", "type").column("Kind", "kind")
            .column("Hw Addr", "hardwareAddr").column("Oper State", "operationalState")
            .column("Link State", "linkState")
            .build();

    LinkStatus {
      alias = alias == null ? "" : alias;
    }
  }

  record ResolverStatus(List<String> dnsServers, List<String> searchDomains) {
    static final ResourceDefinition<ResolverStatus> DEFINITION =
        ResourceDefinition.of(ResolverStatus.class, "ResolverStatuses.net.talos.dev").defaultNamespace("network")
            .alias("resolvers")
            .column("Resolvers", "dnsServers").column("Search Domains", "searchDomains")
            .build();

    ResolverStatus {
      dnsServers = List.copyOf(dnsServers);
      searchDomains = List.copyOf(searchDomains);
    }
  }

  /** A sensitive type: readers are refused. */
  record Secret(String token) {
    static final ResourceDefinition<Secret> DEFINITION =
        ResourceDefinition.of(Secret.class, "Secrets.test.spindle.dev").defaultNamespace("secrets").sensitive()
            .build();
  }

  static final List<ResourceDefinition<?>> ALL =
      List.of(LinkStatus.DEFINITION, ResolverStatus.DEFINITION, Secret.DEFINITION);
}
