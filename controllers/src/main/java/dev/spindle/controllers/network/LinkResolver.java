package dev.spindle.controllers.network;

import dev.spindle.resources.network.LinkAliasSpec;
import dev.spindle.resources.network.LinkFlag;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.LinkType;
import dev.spindle.runtime.resource.Resource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node's link names as the kernel command line parser needs them, as Talos's {@code LinkResolver}: any name a
 * link answers to (its alias or an altname) resolves to the link's id, and unknown names stay as they are. It also
 * knows which link an {@code ip=} without a device means: the first non-loopback link in name order (Talos asks the
 * host's interfaces for that; Spindle takes it from the {@link LinkStatus} resources, so the simulated node works the
 * same way).
 */
public final class LinkResolver {
  /** No links known: names stay as written and an {@code ip=} without a device names no link. */
  public static final LinkResolver EMPTY = new LinkResolver(Map.of(), Optional.empty());

  private final Map<String, String> lookup;
  private final Optional<String> firstNonLoopback;

  private LinkResolver(Map<String, String> lookup, Optional<String> firstNonLoopback) {
    this.lookup = lookup;
    this.firstNonLoopback = firstNonLoopback;
  }

  public static LinkResolver of(List<Resource<LinkStatus>> links) {
    return build(links, Map.of());
  }

  /**
   * {@link #of(List)} that also knows the aliases the {@code LinkAliasConfig} documents give ({@link LinkAliasSpec},
   * id = the link): Talos writes them to the kernel and reads them back as the link's alias; here a spec counts as
   * that alias already, so configuration can name the link by it before (or without) the kernel round trip. A link's
   * own name still wins over any alias; a spec for a link that is gone is ignored.
   */
  public static LinkResolver of(List<Resource<LinkStatus>> links, List<Resource<LinkAliasSpec>> aliases) {
    var byLink = new HashMap<String, String>();
    aliases.forEach(spec -> byLink.put(spec.id(), spec.spec().alias()));
    return build(links, byLink);
  }

  private static LinkResolver build(List<Resource<LinkStatus>> links, Map<String, String> specAliases) {
    var lookup = new HashMap<String, String>();
    for (Resource<LinkStatus> link : links) {
      link.spec().allAliases().forEach(alias -> lookup.put(alias, link.id()));
    }
    for (Resource<LinkStatus> link : links) {
      String alias = specAliases.get(link.id());
      if (alias != null) {
        lookup.put(alias, link.id());
      }
    }
    // a link's own name always wins over another link's alias of the same text
    links.forEach(link -> lookup.put(link.id(), link.id()));
    Optional<String> first = links.stream()
        .filter(link -> !isLoopback(link.spec()))
        .map(Resource::id)
        .sorted()
        .findFirst();
    return new LinkResolver(Map.copyOf(lookup), first);
  }

  public String resolve(String name) {
    return lookup.getOrDefault(name, name);
  }

  public Optional<String> firstNonLoopback() {
    return firstNonLoopback;
  }

  private static boolean isLoopback(LinkStatus link) {
    return link.flags().contains(LinkFlag.LOOPBACK) || LinkType.LOOPBACK.equals(link.type());
  }
}
