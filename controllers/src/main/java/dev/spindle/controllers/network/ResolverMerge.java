package dev.spindle.controllers.network;

import dev.spindle.controllers.config.LayerMerge;
import dev.spindle.controllers.config.LayerMergeController;
import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.network.NameServerSpec;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.ResolverSpec;
import dev.spindle.runtime.resource.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How the layers' resolvers fold into the final {@code resolvers} spec, as Talos's resolver merge: the specs are
 * taken in layer order (ids in order within a layer) and each one changes the result so far:
 * <ul>
 *   <li>same layer as the result: its servers are appended;</li>
 *   <li>{@code configuration}: its servers replace the result's, unless it names none;</li>
 *   <li>any other (higher) layer: a family-aware replace. If the new servers lack IPv4 (IPv6) ones while the result
 *       has some, those are kept after the new ones, so a DHCPv6 lease does not drop the DHCPv4 servers.</li>
 * </ul>
 * Search domains merge at every layer (new ones go first, in their order, duplicates dropped), except that a
 * configuration that sets them ({@code searchDomainsOverridden}) replaces them, possibly with none. The result keeps
 * the last layer, has both server lists ({@link ResolverSpec#converted()}), and exists only if it has servers.
 */
public final class ResolverMerge implements LayerMerge<ResolverSpec> {
  public static final String CONTROLLER = "network.ResolverMergeController";

  /** The merge stage of the resolvers: {@code network-config} → {@code network}, id {@code resolvers}. */
  public static LayerMergeController<ResolverSpec> controller() {
    return new LayerMergeController<>(CONTROLLER, ResolverSpec.DEFINITION, Namespaces.NETWORK_CONFIG,
        Namespaces.NETWORK, new ResolverMerge());
  }

  @Override
  public Map<String, ResolverSpec> merge(List<Resource<ResolverSpec>> inputsInIdOrder) {
    List<ResolverSpec> specs = inputsInIdOrder.stream().map(Resource::spec)
        .sorted(Comparator.comparing(ResolverSpec::layer)) // stable: ids stay in order within a layer
        .toList();
    List<NameServerSpec> servers = new ArrayList<>();
    List<String> search = new ArrayList<>();
    ConfigLayer layer = ConfigLayer.DEFAULT;
    for (ResolverSpec spec : specs) {
      if (spec.layer() == layer) {
        servers.addAll(spec.nameServers());
        search = mergeSearchDomains(search, spec.searchDomains());
      } else if (spec.layer() == ConfigLayer.CONFIGURATION) {
        if (!spec.nameServers().isEmpty()) {
          servers = new ArrayList<>(spec.nameServers());
        }
        search = spec.searchDomainsOverridden() ? new ArrayList<>(spec.searchDomains())
            : mergeSearchDomains(search, spec.searchDomains());
      } else {
        servers = mergeNameServers(servers, spec.nameServers());
        search = mergeSearchDomains(search, spec.searchDomains());
      }
      layer = spec.layer();
    }
    if (servers.isEmpty()) {
      return Map.of();
    }
    return Map.of(ResolverSpec.ID, ResolverSpec.of(layer, servers, search).converted());
  }

  /** New domains first, in their order; domains already present keep their place. */
  static List<String> mergeSearchDomains(List<String> dst, List<String> src) {
    var merged = new ArrayList<>(dst);
    int at = 0;
    for (String domain : src) {
      if (!merged.contains(domain)) {
        merged.add(at++, domain);
      }
    }
    return merged;
  }

  /** The new servers, plus the old ones of a family the new ones lack (IPv4 checked first, as Talos does). */
  static List<NameServerSpec> mergeNameServers(List<NameServerSpec> dst, List<NameServerSpec> src) {
    Predicate<NameServerSpec> v4 = ns -> ns.addr().isV4();
    var merged = new ArrayList<>(src);
    if (dst.stream().anyMatch(v4) && src.stream().noneMatch(v4)) {
      dst.stream().filter(v4).forEach(merged::add);
    } else if (dst.stream().anyMatch(v4.negate()) && src.stream().noneMatch(v4.negate())) {
      dst.stream().filter(v4.negate()).forEach(merged::add);
    }
    return merged;
  }
}
