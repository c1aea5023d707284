package dev.spindle.runtime.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a Jackson tree as YAML the way go-yaml's {@code yaml.Marshal} writes the equivalent Go value (v4, which
 * Talos and COSI use, with its v3-compatible defaults): 4-space indentation, sequences under a key indented by 4,
 * empty collections as {@code []} and {@code {}}, and go-yaml's choice of scalar style.
 *
 * <p>Mapping keys keep the order of the tree. Text nodes are Go strings: quoted when plain text would read back as
 * another type ({@code "123"}, {@code "true"}, {@code ""}), single-quoted when a YAML 1.1 reader would take them for
 * a sexagesimal number or an old boolean ({@code '00:11:22'}, {@code 'yes'}), literal ({@code |}) when they span
 * lines. Numbers, booleans and null are plain. {@link UntaggedScalar} and the keys of an {@link UntaggedMapping}
 * follow the rules of untagged hand-built nodes instead.
 */
public final class YamlEmitter {
  public static final int DEFAULT_INDENT = 4;

  private enum Context { ROOT, SEQUENCE_ITEM, MAPPING_VALUE, SIMPLE_KEY, COMPLEX_KEY }

  private final YamlWriter writer;

  private YamlEmitter(int indent) {
    if (indent < 2 || indent > 9) {
      throw new IllegalArgumentException("indent must be between 2 and 9: " + indent);
    }
    this.writer = new YamlWriter(indent);
  }

  /** One YAML document for {@code node}, ending in a line break; no {@code ---} or {@code ...} markers. */
  public static String emit(JsonNode node) {
    return emit(node, DEFAULT_INDENT);
  }

  public static String emit(JsonNode node, int indent) {
    var emitter = new YamlEmitter(indent);
    emitter.node(node, Context.ROOT);
    emitter.writer.writeIndent();
    return emitter.writer.text();
  }

  private void node(JsonNode node, Context context) {
    if (node.isObject()) {
      mapping(node, context);
    } else if (node.isArray()) {
      sequence(node, context);
    } else {
      scalar(node, context);
    }
  }

  private void mapping(JsonNode node, Context context) {
    if (node.isEmpty()) {
      emptyFlow("{", "}");
      return;
    }
    boolean untaggedKeys = node instanceof UntaggedMapping;
    writer.increaseIndent(false, context == Context.SEQUENCE_ITEM);
    for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode key = untaggedKeys ? new UntaggedScalar(entry.getKey()) : TextNode.valueOf(entry.getKey());
      writer.writeIndent();
      if (isSimpleKey(entry.getKey())) {
        scalar(key, Context.SIMPLE_KEY);
        writer.writeIndicator(":", false, false, false);
      } else {
        writer.writeIndicator("?", true, false, true);
        scalar(key, Context.COMPLEX_KEY);
        writer.writeIndent();
        writer.writeIndicator(":", true, false, true);
      }
      node(entry.getValue(), Context.MAPPING_VALUE);
    }
    writer.decreaseIndent();
  }

  private void sequence(JsonNode node, Context context) {
    if (node.isEmpty()) {
      emptyFlow("[", "]");
      return;
    }
    writer.increaseIndent(false, context == Context.SEQUENCE_ITEM);
    for (JsonNode item : node) {
      writer.writeIndent();
      writer.writeIndicator("-", true, false, true);
      node(item, Context.SEQUENCE_ITEM);
    }
    writer.decreaseIndent();
  }

  private void emptyFlow(String open, String close) {
    writer.writeIndicator(open, true, true, false);
    writer.increaseIndent(true, false);
    writer.decreaseIndent();
    writer.writeIndicator(close, false, false, false);
  }

  /** libyaml's check_simple_key: one line and at most 128 bytes, otherwise the key is written after {@code ? }. */
  private static boolean isSimpleKey(String key) {
    return !ScalarAnalysis.of(key).multiline() && key.getBytes(StandardCharsets.UTF_8).length <= 128;
  }

  private void scalar(JsonNode node, Context context) {
    String value = scalarText(node);
    ScalarStyle style = ScalarStyles.select(value, ScalarStyles.requested(node, value),
        context == Context.SIMPLE_KEY);
    writer.increaseIndent(true, context == Context.SEQUENCE_ITEM);
    switch (style) {
      case PLAIN -> writer.writePlain(value);
      case SINGLE_QUOTED -> writer.writeSingleQuoted(value);
      case DOUBLE_QUOTED -> writer.writeDoubleQuoted(value);
      case LITERAL -> writer.writeLiteral(value);
    }
    writer.decreaseIndent();
  }

  private static String scalarText(JsonNode node) {
    if (node.isNull() || node.isMissingNode()) {
      return "null";
    }
    if (node.isBoolean()) {
      return node.booleanValue() ? "true" : "false";
    }
    if (node.isFloat()) {
      return GoFloats.yaml(node.floatValue(), true);
    }
    if (node.isDouble()) {
      return GoFloats.yaml(node.doubleValue(), false);
    }
    if (node.isBigDecimal()) {
      return GoFloats.yaml(node.decimalValue());
    }
    if (node.isNumber()) {
      return node.bigIntegerValue().toString();
    }
    if (node.isBinary()) {
      return Base64.getEncoder().encodeToString(binary(node));
    }
    return node.asText();
  }

  private static byte[] binary(JsonNode node) {
    try {
      return node.binaryValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
