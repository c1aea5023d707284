package dev.spindle.resources.config;

import java.util.List;

/** The {@code ResolverConfig} document: DNS name servers and search domains. {@code searchDomains} may be null. */
public record ResolverConfig(List<NameServerConfig> nameservers, SearchDomainsConfig searchDomains)
    implements ConfigDocument {
  public static final String KIND = "ResolverConfig";

  public ResolverConfig {
    nameservers = List.copyOf(nameservers);
  }

  @Override
  public String kind() {
    return KIND;
  }
}
