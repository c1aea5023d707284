package dev.spindle.resources.config;

import java.util.List;

/**
 * {@code searchDomains} of a {@code ResolverConfig}. Present with an empty list means "no search domains at all" (it
 * overrides the other layers), which is why the enclosing field is nullable rather than empty by default.
 */
public record SearchDomainsConfig(List<String> domains, boolean disableDefault) {
  public SearchDomainsConfig {
    domains = List.copyOf(domains);
  }
}
