package dev.spindle.runtime.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one YAML document into a Jackson tree, typing scalars the way go-yaml does rather than the way a YAML 1.1
 * parser would ({@code 00:11:22} and {@code yes} stay strings, {@code 0o17} is a number).
 *
 * <p>SnakeYAML only parses; its own typing is ignored. {@link #read} returns the raw tree, with each plain scalar as
 * an {@link UntaggedScalar} holding its exact text (quoted scalars are text nodes); {@link #typed} then resolves the
 * plain scalars. Metadata is read raw, as COSI reads it; specs are read typed.
 */
public final class YamlReader {
  private YamlReader() {}

  public static JsonNode read(String yaml) {
    var options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Node root;
    try {
      root = new Yaml(options).compose(new StringReader(yaml));
    } catch (YAMLException e) {
      throw new IllegalArgumentException("invalid YAML: " + e.getMessage(), e);
    }
    if (root == null) {
      throw new IllegalArgumentException("invalid YAML: empty document");
    }
    return convert(root, new IdentityHashMap<>());
  }

  private static JsonNode convert(Node node, Map<Node, Boolean> open) {
    if (open.put(node, Boolean.TRUE) != null) {
      throw new IllegalArgumentException("invalid YAML: recursive alias at " + node.getStartMark());
    }
    try {
      return switch (node) {
        case ScalarNode s -> s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
            ? new UntaggedScalar(s.getValue())
            : TextNode.valueOf(s.getValue());
        case SequenceNode seq -> {
          ArrayNode array = JsonNodeFactory.instance.arrayNode();
          seq.getValue().forEach(item -> array.add(convert(item, open)));
          yield array;
        }
        case MappingNode map -> mapping(map, open);
        default -> throw new IllegalArgumentException("invalid YAML: unsupported node at " + node.getStartMark());
      };
    } finally {
      open.remove(node);
    }
  }

  private static ObjectNode mapping(MappingNode map, Map<Node, Boolean> open) {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    for (NodeTuple tuple : map.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        throw new IllegalArgumentException("invalid YAML: non-scalar mapping key at "
            + tuple.getKeyNode().getStartMark());
      }
      if (object.has(key.getValue())) {
        throw new IllegalArgumentException("invalid YAML: mapping key \"" + key.getValue() + "\" already defined at "
            + key.getStartMark());
      }
      object.set(key.getValue(), convert(tuple.getValueNode(), open));
    }
    return object;
  }

  /** A copy of {@code tree} with every {@link UntaggedScalar} replaced by what go-yaml resolves it to. */
  public static JsonNode typed(JsonNode tree) {
    if (tree instanceof UntaggedScalar plain) {
      return resolve(plain.textValue());
    }
    if (tree.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      tree.properties().forEach(e -> copy.set(e.getKey(), typed(e.getValue())));
      return copy;
    }
    if (tree.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      tree.forEach(item -> copy.add(typed(item)));
      return copy;
    }
    return tree;
  }

  /**
   * One plain scalar as go-yaml decodes it into an {@code interface{}}. Timestamps stay text, as go-yaml v3 leaves
   * them "for backward compatibility" (talosctl's JSON output goes through that decode).
   */
  static JsonNode resolve(String plain) {
    var f = JsonNodeFactory.instance;
    return switch (YamlResolver.resolve(plain)) {
      case NULL -> f.nullNode();
      case BOOL -> f.booleanNode(plain.equalsIgnoreCase("true"));
      case INT -> {
        BigInteger value = YamlResolver.parseGoInt(plain.replace("_", ""));
        yield value.bitLength() < 64 ? f.numberNode(value.longValue()) : f.numberNode(value);
      }
      case FLOAT -> f.numberNode(parseFloat(plain));
      case STR, TIMESTAMP, MERGE -> f.textNode(plain);
    };
  }

  private static double parseFloat(String plain) {
    return switch (plain) {
      case ".nan", ".NaN", ".NAN" -> Double.NaN;
      case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" -> Double.POSITIVE_INFINITY;
      case "-.inf", "-.Inf", "-.INF" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(plain.replace("_", ""));
    };
  }
}
