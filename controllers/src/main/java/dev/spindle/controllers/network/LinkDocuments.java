package dev.spindle.controllers.network;

import dev.spindle.controllers.config.ConfigSources;
import dev.spindle.resources.config.LinkDocument;
import dev.spindle.resources.network.DeviceConfigSpec;
import dev.spindle.resources.network.LinkAliasSpec;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceQuery;
import dev.spindle.runtime.resource.ResourceReader;
import java.util.Comparator;
import java.util.List;

/**
 * What the config stages need to read the multi-document link kinds ({@code LinkConfig}, {@code BondConfig}, …): the
 * documents of the machine configuration (the proposed one in a dry run), and the resolver that turns the names they
 * use — kernel names, altnames, {@code LinkAliasConfig} aliases — into the link's kernel name.
 */
final class LinkDocuments {
  /**
   * The inputs of the link, address and route config stages: what {@link #documents} and {@link #resolver} read,
   * the kernel command line, and the interface entries bound to links ({@code DeviceConfigSpec}).
   */
  static final List<Input> INPUTS = List.of(ConfigSources.MACHINE_CONFIG,
      Input.weak(LinkStatus.DEFINITION, Namespaces.NETWORK), Input.weak(LinkAliasSpec.DEFINITION, Namespaces.NETWORK),
      ConfigSources.KERNEL_CMDLINE, Input.weak(DeviceConfigSpec.DEFINITION, Namespaces.NETWORK));

  private LinkDocuments() {}

  static List<LinkDocument> documents(ResourceReader sources) {
    return ConfigSources.machineConfig(sources).map(c -> c.documents(LinkDocument.class)).orElse(List.of());
  }

  /** The node's links in id order. */
  static List<Resource<LinkStatus>> links(ResourceReader sources) {
    return sources.list(LinkStatus.DEFINITION, Namespaces.NETWORK, ResourceQuery.ALL).stream()
        .sorted(Comparator.comparing(Resource::id)).toList();
  }

  static LinkResolver resolver(ResourceReader sources) {
    return LinkResolver.of(links(sources), sources.list(LinkAliasSpec.DEFINITION, Namespaces.NETWORK,
        ResourceQuery.ALL));
  }
}
