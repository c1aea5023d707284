package dev.spindle.resources.config;

import dev.spindle.resources.GoDurationText;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Value reads shared by the v1alpha1 document and the multi-document kinds (environment maps, PEM, durations). */
final class SharedFields {
  private SharedFields() {}

  /** An environment map, in document order; every name must be a POSIX one (see the README for why, unlike Talos). */
  static Map<String, String> env(Node node, String path, Problems problems) {
    Map<String, String> env = new LinkedHashMap<>();
    for (NodeTuple t : YamlTree.entries(node)) {
      if (!(t.getKeyNode() instanceof ScalarNode key) || env.containsKey(key.getValue())) {
        continue; // reported by the schema check
      }
      if (!ValueRules.ENV_NAME.matcher(key.getValue()).matches()) {
        problems.error(key, path, Problems.shown(key, false), "invalid environment variable name");
      }
      String value = YamlTree.text(t.getValueNode());
      env.put(key.getValue(), value == null ? "" : value);
    }
    return env;
  }

  /** Errors for each certificate of a PEM bundle that does not parse. */
  static void certificates(String pem, Node at, String path, Problems problems) {
    for (String problem : PemCertificates.problems(pem)) {
      problems.error(at, path, null, problem);
    }
  }

  /** A Go duration (nanoseconds when an integer); reports a negative one; ZERO when absent or malformed. */
  static Duration duration(Node node, String path, Problems problems) {
    if (node == null) {
      return Duration.ZERO;
    }
    Duration d;
    boolean plain = node instanceof ScalarNode s && s.getScalarStyle() == ScalarStyle.PLAIN;
    BigInteger nanos = plain ? YamlTree.integer(node) : null;
    try {
      d = nanos != null ? Duration.ofNanos(nanos.longValueExact()) : GoDurationText.parse(YamlTree.text(node));
    } catch (RuntimeException e) {
      return Duration.ZERO; // reported by the schema check
    }
    if (d.isNegative()) {
      String field = path.substring(path.lastIndexOf('.') + 1);
      problems.error(node, path, Problems.shown(node, false), field + " cannot be negative");
      return Duration.ZERO;
    }
    return d;
  }
}
