package dev.spindle.runtime.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spindle.runtime.resource.Metadata;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.Set;

/**
 * A resource as {@code talosctl get -o yaml} prints it: a raw {@code node: <node>} line, then the document
 * {@code metadata:} (see {@link MetadataTree}) and {@code spec:} (the spec through {@link SpecMapper}), in go-yaml's
 * layout. Several resources are joined by a {@code ---} line, as talosctl does; that is left to the caller.
 */
public final class ResourceYaml {
  /** Top-level keys of talosctl's output that are not part of the resource. */
  private static final Set<String> ENVELOPE = Set.of("node", "event", "metadata", "spec");

  private ResourceYaml() {}

  /** The talosctl document; {@code node} null or empty leaves the {@code node:} line out. */
  public static String encode(Resource<?> resource, String node) {
    return encode(resource.metadata(), SpecMapper.toTree(resource.spec()), node);
  }

  /**
   * The talosctl document of a resource whose spec is known only as YAML, as a client sees a type it has no record
   * for. {@code specTree} is {@link YamlReader#read} of the spec text: plain scalars stay plain and quoted ones are
   * re-quoted by go-yaml's rules, so the spec prints as go-yaml re-encodes the decoded node (what talosctl does).
   */
  public static String encode(Metadata metadata, JsonNode specTree, String node) {
    String body = YamlEmitter.emit(document(metadata, specTree));
    // talosctl prints this line itself with %s, so the node name is never quoted.
    return node == null || node.isEmpty() ? body : "node: " + node + "\n" + body;
  }

  /** The spec alone, as go-yaml's {@code yaml.Marshal} of the Go spec prints it. */
  public static String encodeSpec(Object spec) {
    return YamlEmitter.emit(SpecMapper.toTree(spec));
  }

  /** Reads a spec printed by {@link #encodeSpec} (a COSI {@code yaml_spec}) into its record; unknown fields fail. */
  public static <S> S decodeSpec(String yaml, Class<S> specClass) {
    JsonNode tree = yaml.isBlank() ? JsonNodeFactory.instance.objectNode() : YamlReader.read(yaml);
    return SpecMapper.fromTree(YamlReader.typed(tree), specClass);
  }

  static ObjectNode document(Metadata metadata, JsonNode specTree) {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.set("metadata", MetadataTree.toNode(metadata));
    doc.set("spec", specTree);
    return doc;
  }

  /**
   * Reads a document written by {@link #encode} (or by talosctl) back into a resource of {@code definition}'s type.
   * The {@code node:} line is ignored; the metadata type must be the definition's; unknown spec fields are errors.
   */
  public static <S> Resource<S> decode(String yaml, ResourceDefinition<S> definition) {
    JsonNode doc = YamlReader.read(yaml);
    if (!doc.isObject()) {
      throw new IllegalArgumentException("resource YAML: expected a mapping");
    }
    doc.fieldNames().forEachRemaining(key -> {
      if (!ENVELOPE.contains(key)) {
        throw new IllegalArgumentException("resource YAML: unexpected key \"" + key + "\"");
      }
    });
    JsonNode metadataNode = doc.get("metadata");
    if (metadataNode == null) {
      throw new IllegalArgumentException("resource YAML: metadata is missing");
    }
    Metadata metadata = MetadataTree.fromNode(metadataNode);
    if (!metadata.type().equals(definition.type())) {
      throw new IllegalArgumentException("resource YAML: type \"" + metadata.type() + "\" is not \""
          + definition.type() + "\"");
    }
    JsonNode specNode = doc.get("spec");
    if (specNode == null || (specNode instanceof UntaggedScalar plain && YamlResolver.resolve(plain.textValue())
        == YamlResolver.Kind.NULL)) {
      throw new IllegalArgumentException("resource YAML: spec is missing");
    }
    S spec = SpecMapper.fromTree(YamlReader.typed(specNode), definition.specClass());
    return new Resource<>(metadata, spec);
  }
}
