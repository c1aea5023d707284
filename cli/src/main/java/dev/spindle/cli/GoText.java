package dev.spindle.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import dev.spindle.runtime.codec.YamlEmitter;

/**
 * Scalars of a decoded YAML document as Go's {@code fmt.Fprint} prints the values go-yaml decodes them into, which
 * is how talosctl prints a JSONPath result that is not a map or a list: strings raw, {@code int} in decimal,
 * {@code float64} as {@code %v} ({@code 1.5}, {@code 1e+06}), a YAML {@code null} as {@code <nil>}.
 */
final class GoText {
  private GoText() {}

  static String print(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "<nil>";
    }
    if (value.isFloatingPointNumber()) {
      return printFloat(value.doubleValue());
    }
    if (value.isNumber()) {
      return value.bigIntegerValue().toString();
    }
    if (value.isBoolean()) {
      return Boolean.toString(value.booleanValue());
    }
    return value.asText();
  }

  /** {@code %v} of a float64 is 'g' with the shortest digits: go-yaml's float form, but Go's names for the specials. */
  private static String printFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    return YamlEmitter.emit(DoubleNode.valueOf(d)).strip();
  }

  /** The Go type go-yaml decodes a value into, for error messages worded as the Kubernetes JSONPath ones. */
  static String typeName(JsonNode value) {
    if (value.isObject()) {
      return "map[string]interface {}";
    }
    if (value.isArray()) {
      return "[]interface {}";
    }
    if (value.isFloatingPointNumber()) {
      return "float64";
    }
    if (value.isNumber()) {
      return "int";
    }
    if (value.isBoolean()) {
      return "bool";
    }
    return "string";
  }
}
