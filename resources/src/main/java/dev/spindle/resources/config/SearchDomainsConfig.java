package dev.spindle.resources.config;

import java.util.List;

/**
 * {@code searchDomains} of a {@code ResolverConfig}. Present with an empty list means "no search domains at all" (it
 * overrides the other layers), which is why the enclosing field is nullable rather than empty by default.
 * {@code domains} is null when the section only sets {@code disableDefault}: as in Talos, only a {@code domains} list
 * (even an empty one) overrides the other layers' search domains.
 */
public record SearchDomainsConfig(List<String> domains, boolean disableDefault) {
  public SearchDomainsConfig {
    domains = domains == null ? null : List.copyOf(domains);
  }
}
