package dev.spindle.resources.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spindle.runtime.codec.YamlResolver;
import java.math.BigInteger;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Lenient reads of SnakeYAML nodes with go-yaml's scalar typing ({@code yes} is a string, {@code 0644} is octal).
 * The schema check has already reported every value of the wrong shape, so these return null for one instead of
 * reporting it again.
 */
final class YamlTree {
  private YamlTree() {}

  static boolean isNull(Node node) {
    return node == null || node instanceof ScalarNode s && s.getScalarStyle() == ScalarStyle.PLAIN
        && YamlResolver.resolve(s.getValue()) == YamlResolver.Kind.NULL;
  }

  /** The value of {@code key} in a mapping, or null (also for an explicit null). */
  static Node field(Node mapping, String key) {
    if (mapping instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          return isNull(t.getValueNode()) ? null : t.getValueNode();
        }
      }
    }
    return null;
  }

  /** The key node of {@code key}, to locate "this field conflicts with that one" errors. */
  static Node keyNode(Node mapping, String key) {
    if (mapping instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          return k;
        }
      }
    }
    return null;
  }

  static boolean has(Node mapping, String key) {
    return keyNode(mapping, key) != null;
  }

  /** A scalar's text, or null for a null, a list or a mapping. */
  static String text(Node node) {
    return node instanceof ScalarNode s && !isNull(s) ? s.getValue() : null;
  }

  /** A boolean as go-yaml decodes one into a Go bool (including YAML 1.1's yes/no/on/off), or null. */
  static Boolean bool(Node node) {
    if (!(node instanceof ScalarNode s) || s.getScalarStyle() != ScalarStyle.PLAIN) {
      return null;
    }
    String v = s.getValue();
    if (YamlResolver.resolve(v) == YamlResolver.Kind.BOOL) {
      return v.equalsIgnoreCase("true");
    }
    if (YamlResolver.isOldBool(v)) {
      return switch (v.toLowerCase()) {
        case "y", "yes", "on" -> true;
        default -> false;
      };
    }
    return null;
  }

  static boolean isTrue(Node node) {
    return Boolean.TRUE.equals(bool(node));
  }

  /** An integer as go-yaml reads one ({@code 0x1F}, {@code 0o17}, {@code 017}, {@code 1_000}), or null. */
  static BigInteger integer(Node node) {
    if (!(node instanceof ScalarNode s) || s.getScalarStyle() != ScalarStyle.PLAIN) {
      return null;
    }
    String v = s.getValue();
    if (YamlResolver.resolve(v) == YamlResolver.Kind.INT) {
      try {
        return parseInt(v);
      } catch (NumberFormatException e) {
        return null; // a form go-yaml calls an integer but this reading does not cover: reported as not one
      }
    }
    if (YamlResolver.resolve(v) == YamlResolver.Kind.FLOAT) {
      try {
        var d = new java.math.BigDecimal(v.replace("_", ""));
        return d.stripTrailingZeros().scale() <= 0 ? d.toBigIntegerExact() : null;
      } catch (NumberFormatException | ArithmeticException e) {
        return null;
      }
    }
    return null;
  }

  static BigInteger parseInt(String text) {
    String s = text.replace("_", "");
    boolean negative = s.startsWith("-");
    if (negative || s.startsWith("+")) {
      s = s.substring(1);
    }
    int radix = 10;
    if (s.startsWith("0x") || s.startsWith("0X")) {
      radix = 16;
      s = s.substring(2);
    } else if (s.startsWith("0o") || s.startsWith("0O")) {
      radix = 8;
      s = s.substring(2);
    } else if (s.startsWith("0b") || s.startsWith("0B")) {
      radix = 2;
      s = s.substring(2);
    } else if (s.length() > 1 && s.startsWith("0")) {
      radix = 8;
    }
    BigInteger value = new BigInteger(s, radix);
    return negative ? value.negate() : value;
  }

  static List<Node> items(Node node) {
    return node instanceof SequenceNode seq ? seq.getValue() : List.of();
  }

  static List<NodeTuple> entries(Node node) {
    return node instanceof MappingNode map ? map.getValue() : List.of();
  }

  /** The strings of a list of scalars (skipping anything else), or null when the node is absent. */
  static List<String> strings(Node node) {
    if (node == null) {
      return null;
    }
    return items(node).stream().map(YamlTree::text).filter(java.util.Objects::nonNull).toList();
  }

  private static JsonNode floatNode(String text) {
    try {
      return JsonNodeFactory.instance.numberNode(Double.parseDouble(text.replace("_", "")));
    } catch (NumberFormatException e) {
      return JsonNodeFactory.instance.textNode(text); // .inf and .nan: no JSON number for them
    }
  }

  /** The tree as Jackson nodes, scalars typed as go-yaml types them into an {@code interface{}}. */
  static JsonNode json(Node node) {
    var f = JsonNodeFactory.instance;
    return switch (node) {
      case ScalarNode s when s.getScalarStyle() != ScalarStyle.PLAIN -> f.textNode(s.getValue());
      case ScalarNode s -> switch (YamlResolver.resolve(s.getValue())) {
        case NULL -> f.nullNode();
        case BOOL -> f.booleanNode(s.getValue().equalsIgnoreCase("true"));
        case INT -> {
          BigInteger v = parseInt(s.getValue());
          yield v.bitLength() < 64 ? f.numberNode(v.longValue()) : f.numberNode(v);
        }
        case FLOAT -> floatNode(s.getValue());
        default -> f.textNode(s.getValue());
      };
      case SequenceNode seq -> {
        ArrayNode array = f.arrayNode();
        seq.getValue().forEach(item -> array.add(json(item)));
        yield array;
      }
      case MappingNode map -> {
        ObjectNode object = f.objectNode();
        for (NodeTuple t : map.getValue()) {
          if (t.getKeyNode() instanceof ScalarNode k && !object.has(k.getValue())) {
            object.set(k.getValue(), json(t.getValueNode()));
          }
        }
        yield object;
      }
      default -> f.nullNode();
    };
  }
}
