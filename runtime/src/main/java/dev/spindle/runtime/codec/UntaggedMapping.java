package dev.spindle.runtime.codec;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A mapping whose keys are emitted like {@link UntaggedScalar}s: COSI builds the label and annotation mappings
 * from untagged nodes, so a label key {@code 1} prints as {@code 1:}, not {@code "1":}.
 */
// Jackson's ObjectNode narrows the generic JsonNode.deepCopy(); javac flags any subclass for it.
@SuppressWarnings("unchecked")
public final class UntaggedMapping extends ObjectNode {
  private static final long serialVersionUID = 1L;

  public UntaggedMapping() {
    super(JsonNodeFactory.instance);
  }

  @Override
  public UntaggedMapping deepCopy() {
    var copy = new UntaggedMapping();
    properties().forEach(e -> copy.set(e.getKey(), e.getValue().deepCopy()));
    return copy;
  }
}
