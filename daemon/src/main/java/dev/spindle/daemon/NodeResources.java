package dev.spindle.daemon;

import dev.spindle.resources.config.ConfigResources;
import dev.spindle.resources.files.FilesResources;
import dev.spindle.resources.network.NetworkResources;
import dev.spindle.resources.runtime.RuntimeResources;
import dev.spindle.resources.time.TimeResources;
import dev.spindle.runtime.meta.NamespaceSpec;
import dev.spindle.runtime.meta.ResourceDefinitionSpec;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every resource type and namespace the daemon publishes; each domain adds its catalog here. */
final class NodeResources {
  private NodeResources() {}

  static List<ResourceDefinition<?>> definitions() {
    var all = new ArrayList<ResourceDefinition<?>>(List.of(NamespaceSpec.DEFINITION,
        ResourceDefinitionSpec.DEFINITION));
    all.addAll(NetworkResources.ALL);
    all.addAll(RuntimeResources.ALL);
    all.addAll(ConfigResources.ALL);
    all.addAll(FilesResources.ALL);
    all.addAll(TimeResources.ALL);
    return List.copyOf(all);
  }

  static Map<String, String> namespaces() {
    return Map.of(
        "network", "Network resources: links, addresses, routes, resolvers, time servers.",
        "network-config", "Network configuration inputs, one per configuration layer.",
        "runtime", "Runtime resources of the node.",
        "runtime-config", "Runtime configuration inputs (environment), one per configuration layer.",
        "config", "Machine configuration.",
        "files", "Files the node renders under /etc, and their status.");
  }
}
