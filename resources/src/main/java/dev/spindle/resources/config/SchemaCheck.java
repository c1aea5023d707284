package dev.spindle.resources.config;

import dev.spindle.resources.GoDurationText;
import dev.spindle.resources.config.ConfigSchema.AnyValue;
import dev.spindle.resources.config.ConfigSchema.Field;
import dev.spindle.resources.config.ConfigSchema.ListOf;
import dev.spindle.resources.config.ConfigSchema.MapOf;
import dev.spindle.resources.config.ConfigSchema.Scalar;
import dev.spindle.resources.config.ConfigSchema.Shape;
import dev.spindle.resources.config.ConfigSchema.Struct;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Checks a document's tree against its {@link ConfigSchema} shape, as go-yaml's strict decode into Talos's structs
 * would: an unknown key anywhere is an error with its path, as is a value of the wrong shape (a list where a string
 * belongs, {@code mtu: abc}), a repeated key, or an alias that contains itself. A null is always accepted (Go's zero
 * value). It reports everything it finds and goes on.
 */
final class SchemaCheck {
  private final Problems problems;
  private final Map<Node, Boolean> open = new IdentityHashMap<>();

  private SchemaCheck(Problems problems) {
    this.problems = problems;
  }

  /** Checks {@code root} and everything below it. */
  static void check(Node root, Struct shape, Problems problems) {
    new SchemaCheck(problems).value(root, shape, "", false);
  }

  private void value(Node node, Shape shape, String path, boolean secret) {
    if (YamlTree.isNull(node) || shape instanceof AnyValue) {
      return;
    }
    if (open.put(node, Boolean.TRUE) != null) {
      problems.error(node, path, null, "recursive alias");
      return;
    }
    try {
      switch (shape) {
        case Struct s -> struct(node, s, path);
        case MapOf m -> map(node, m, path);
        case ListOf l -> list(node, l, path);
        case Scalar s -> scalar(node, s, path, secret);
        case AnyValue a -> { }
      }
    } finally {
      open.remove(node);
    }
  }

  private void struct(Node node, Struct shape, String path) {
    if (!(node instanceof MappingNode map)) {
      mismatch(node, path, "a mapping", false);
      return;
    }
    Map<String, Node> seen = new HashMap<>();
    for (NodeTuple t : map.getValue()) {
      String key = key(t, seen, path);
      if (key == null) {
        continue;
      }
      String fieldPath = FieldPath.field(path, key);
      Field field = shape.field(key);
      if (field == null) {
        problems.error(t.getKeyNode(), fieldPath, null, "unknown field");
      } else {
        value(t.getValueNode(), field.shape(), fieldPath, field.secret());
      }
    }
  }

  private void map(Node node, MapOf shape, String path) {
    if (!(node instanceof MappingNode map)) {
      mismatch(node, path, "a mapping", false);
      return;
    }
    Map<String, Node> seen = new HashMap<>();
    for (NodeTuple t : map.getValue()) {
      String key = key(t, seen, path);
      if (key != null) {
        value(t.getValueNode(), shape.value(), FieldPath.key(path, key), false);
      }
    }
  }

  /** The key's text, or null (reported) when it is not a scalar or repeats an earlier key. */
  private String key(NodeTuple t, Map<String, Node> seen, String path) {
    if (!(t.getKeyNode() instanceof ScalarNode k)) {
      problems.error(t.getKeyNode(), path, null, "mapping key must be a scalar");
      return null;
    }
    Node first = seen.putIfAbsent(k.getValue(), k);
    if (first != null) {
      problems.error(k, FieldPath.field(path, k.getValue()), null,
          "mapping key already defined at line " + (first.getStartMark().getLine() + 1));
      return null;
    }
    return k.getValue();
  }

  private void list(Node node, ListOf shape, String path) {
    if (!(node instanceof SequenceNode seq)) {
      mismatch(node, path, "a list", false);
      return;
    }
    for (int i = 0; i < seq.getValue().size(); i++) {
      value(seq.getValue().get(i), shape.item(), FieldPath.index(path, i), false);
    }
  }

  private void scalar(Node node, Scalar shape, String path, boolean secret) {
    if (!(node instanceof ScalarNode s)) {
      mismatch(node, path, switch (shape.kind()) {
        case STRING -> "a string";
        case INT -> "an integer";
        case BOOL -> "a boolean";
        case DURATION -> "a duration";
        case SCALAR -> "a scalar";
      }, secret);
      return;
    }
    switch (shape.kind()) {
      case STRING, SCALAR -> { }
      case INT -> {
        if (YamlTree.integer(s) == null) {
          problems.error(s, path, Problems.shown(s, secret), "expected an integer");
        }
      }
      case BOOL -> {
        if (YamlTree.bool(s) == null) {
          problems.error(s, path, Problems.shown(s, secret), "expected a boolean (true or false)");
        }
      }
      case DURATION -> duration(s, path);
    }
  }

  /** go-yaml decodes an integer into a {@code time.Duration} as nanoseconds, a string with {@code ParseDuration}. */
  private void duration(ScalarNode s, String path) {
    if (s.getScalarStyle() == ScalarStyle.PLAIN && YamlTree.integer(s) != null) {
      return;
    }
    try {
      GoDurationText.parse(s.getValue());
    } catch (IllegalArgumentException | ArithmeticException e) {
      problems.error(s, path, Problems.shown(s, false), "expected a duration (Go syntax: 300ms, 30s, 1h5m)");
    }
  }

  private void mismatch(Node node, String path, String expected, boolean secret) {
    String got = switch (node) {
      case MappingNode m -> "a mapping";
      case SequenceNode q -> "a list";
      default -> null;
    };
    if (got == null) {
      problems.error(node, path, Problems.shown(node, secret), "expected " + expected);
    } else {
      problems.error(node, path, null, "expected " + expected + ", got " + got);
    }
  }
}
