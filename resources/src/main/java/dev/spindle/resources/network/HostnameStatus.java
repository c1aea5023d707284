package dev.spindle.resources.network;

import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;

/**
 * The node's host and domain name in effect (id {@code hostname}), as Talos's {@code HostnameStatusSpec}: the merged
 * {@link HostnameSpec} once its spec controller has taken it. The default search domain of the resolvers comes from
 * its {@code domainname}.
 */
public record HostnameStatus(@ProtoField(1) String hostname, @ProtoField(2) String domainname)
    implements NetworkSpec {
  public static final String ID = "hostname";

  public static final ResourceDefinition<HostnameStatus> DEFINITION =
      ResourceDefinition.of(HostnameStatus.class, "HostnameStatuses.net.talos.dev")
          .defaultNamespace(Namespaces.NETWORK)
          .alias("hostname")
          .column("Hostname", "hostname")
          .column("Domainname", "domainname")
          .build();

  public HostnameStatus {
    hostname = hostname == null ? "" : hostname;
    domainname = domainname == null ? "" : domainname;
  }

  public String fqdn() {
    return domainname.isEmpty() ? hostname : hostname + "." + domainname;
  }
}
