package dev.spindle.resources.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The parts of {@code machine.network} Spindle reads today. {@code searchDomains} is null when the key is absent:
 * an explicit empty list overrides the search domains of every other layer. {@code interfaces} is kept as parsed
 * YAML until the link layer models it.
 */
public record NetworkSection(String hostname, List<String> nameservers, List<String> searchDomains,
    boolean disableSearchDomain, List<JsonNode> interfaces) {
  public static final NetworkSection EMPTY = new NetworkSection("", List.of(), null, false, List.of());

  public NetworkSection {
    hostname = hostname == null ? "" : hostname;
    nameservers = List.copyOf(nameservers);
    searchDomains = searchDomains == null ? null : List.copyOf(searchDomains);
    interfaces = List.copyOf(interfaces);
  }

  /** The interfaces as a count: they hold WireGuard private keys. */
  @Override
  public String toString() {
    return "NetworkSection[hostname=" + hostname + ", nameservers=" + nameservers + ", searchDomains=" + searchDomains
        + ", disableSearchDomain=" + disableSearchDomain + ", interfaces=" + interfaces.size() + "]";
  }
}
