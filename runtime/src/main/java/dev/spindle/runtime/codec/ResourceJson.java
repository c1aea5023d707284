package dev.spindle.runtime.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spindle.runtime.resource.Resource;

/**
 * A resource as {@code talosctl get -o json} prints it. talosctl builds that JSON by marshalling the YAML document,
 * decoding it into a Go map and encoding the map, so this does the same in effect: keys sorted at every level,
 * metadata scalars typed as YAML would type them ({@code "version": 3}, an unset owner as {@code null}, version 0 as
 * {@code "undefined"}), the spec as its tree. One document per call, 4-space indented, ending in a line break.
 */
public final class ResourceJson {
  private ResourceJson() {}

  /** {@code node} null or empty leaves the {@code "node"} key out, like {@link ResourceYaml#encode}. */
  public static String encode(Resource<?> resource, String node) {
    ObjectNode doc = ResourceYaml.document(resource);
    doc.set("metadata", YamlReader.typed(doc.get("metadata")));
    if (node != null && !node.isEmpty()) {
      doc.put("node", node);
    }
    return GoJson.write(doc);
  }
}
