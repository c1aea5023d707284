package dev.spindle.runtime.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spindle.runtime.resource.Metadata;
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
    return encode(resource.metadata(), SpecMapper.toTree(resource.spec()), node);
  }

  /** The same for a spec known only as a tree ({@link YamlReader#read} of its YAML, or any spec tree). */
  public static String encode(Metadata metadata, JsonNode specTree, String node) {
    return GoJson.write(tree(metadata, specTree, node));
  }

  /**
   * The decoded document talosctl's {@code -o json} encodes and {@code -o jsonpath} searches: metadata and spec
   * typed as go-yaml decodes them into Go maps, plus {@code node} unless it is null or empty. Callers may add keys
   * (talosctl adds {@code event} when watching) before writing it with {@link GoJson#write}.
   */
  public static ObjectNode tree(Metadata metadata, JsonNode specTree, String node) {
    ObjectNode doc = ResourceYaml.document(metadata, specTree);
    doc.set("metadata", YamlReader.typed(doc.get("metadata")));
    doc.set("spec", YamlReader.typed(doc.get("spec")));
    if (node != null && !node.isEmpty()) {
      doc.put("node", node);
    }
    return doc;
  }
}
