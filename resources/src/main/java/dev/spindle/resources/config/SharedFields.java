package dev.spindle.resources.config;

import dev.spindle.resources.GoDurationText;
import dev.spindle.resources.GoQuote;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Value reads shared by the v1alpha1 document and the multi-document kinds (environment maps, PEM, durations). */
final class SharedFields {
  private SharedFields() {}

  /**
   * An environment map, in document order. With {@code checkNames} (Talos's {@code EnvironmentConfig}) every name must
   * be {@code [A-Za-z_][A-Za-z0-9_]*}; without ({@code machine.env}) any name is accepted, as Talos accepts it there,
   * and the environment pipeline drops the names it cannot set, with a warning.
   */
  static Map<String, String> env(Node node, String path, boolean checkNames, Problems problems) {
    Map<String, String> env = new LinkedHashMap<>();
    for (NodeTuple t : YamlTree.entries(node)) {
      if (!(t.getKeyNode() instanceof ScalarNode key) || env.containsKey(key.getValue())) {
        continue; // reported by the schema check
      }
      if (checkNames && !ValueRules.ENV_NAME.matcher(key.getValue()).matches()) {
        problems.error(key, path, Problems.shown(key, false), "invalid environment variable name");
      }
      String value = YamlTree.text(t.getValueNode());
      env.put(key.getValue(), value == null ? "" : value);
    }
    return env;
  }

  /**
   * A list of names that must not be blank (time servers, PTP devices): null when the list is absent, else its
   * non-blank entries, with an error for each blank one. Entries of another shape were reported by the schema check.
   */
  static List<String> nonBlankStrings(Node list, String path, Problems problems) {
    if (list == null) {
      return null;
    }
    List<String> values = new ArrayList<>();
    List<Node> items = YamlTree.items(list);
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      String value = YamlTree.text(item);
      if (!(item instanceof ScalarNode)) {
        continue;
      }
      if (value == null || value.isBlank()) {
        problems.error(item, FieldPath.index(path, i), GoQuote.quote(value == null ? "" : value), "must not be empty");
      } else {
        values.add(value);
      }
    }
    return values;
  }

  /** Errors for each certificate of a PEM bundle that does not parse. */
  static void certificates(String pem, Node at, String path, Problems problems) {
    for (String problem : PemCertificates.problems(pem)) {
      problems.error(at, path, null, problem);
    }
  }

  /** A Go duration (nanoseconds when an integer); reports a negative one; ZERO when absent or malformed. */
  static Duration duration(Node node, String path, Problems problems) {
    Duration d = signedDuration(node);
    if (d == null) {
      return Duration.ZERO; // absent, or malformed and reported by the schema check
    }
    if (d.isNegative()) {
      String field = path.substring(path.lastIndexOf('.') + 1);
      problems.error(node, path, Problems.shown(node, false), field + " cannot be negative");
      return Duration.ZERO;
    }
    return d;
  }

  /** A Go duration as given, negative ones too; null when absent or malformed (which the schema check reports). */
  static Duration signedDuration(Node node) {
    if (node == null) {
      return null;
    }
    boolean plain = node instanceof ScalarNode s && s.getScalarStyle() == ScalarStyle.PLAIN;
    BigInteger nanos = plain ? YamlTree.integer(node) : null;
    try {
      return nanos != null ? Duration.ofNanos(nanos.longValueExact()) : GoDurationText.parse(YamlTree.text(node));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
