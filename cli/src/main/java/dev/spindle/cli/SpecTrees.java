package dev.spindle.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.spindle.api.RawSpec;
import dev.spindle.runtime.codec.SpecMapper;
import dev.spindle.runtime.codec.YamlReader;
import dev.spindle.runtime.resource.Resource;

/** A resource's spec as the trees talosctl's outputs work on. */
final class SpecTrees {
  private SpecTrees() {}

  /** The spec YAML as read, plain scalars kept plain: what {@code -o yaml} re-emits as go-yaml re-encodes it. */
  static JsonNode raw(Resource<?> resource) {
    if (resource.spec() instanceof RawSpec raw) {
      return raw.yaml().isBlank() ? JsonNodeFactory.instance.objectNode() : YamlReader.read(raw.yaml());
    }
    return SpecMapper.toTree(resource.spec());
  }

  /** The spec decoded as go-yaml decodes into {@code any}: what print columns are evaluated over. */
  static JsonNode typed(Resource<?> resource) {
    return YamlReader.typed(raw(resource));
  }
}
