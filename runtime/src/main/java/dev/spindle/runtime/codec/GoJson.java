package dev.spindle.runtime.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Map;

/**
 * JSON as Go's {@code encoding/json} writes a decoded YAML document: object keys sorted (the document is a Go map),
 * {@code {}} and {@code []} for empty containers, HTML characters and U+2028/U+2029 escaped. Public because
 * talosctl prints JSONPath results through {@code json.Marshal} and {@code json.MarshalIndent} too.
 */
public final class GoJson {
  private static final String INDENT = "    ";

  private GoJson() {}

  /** {@code json.Encoder} with {@code SetIndent("", "    ")}: 4-space indentation and a final line break. */
  public static String write(JsonNode node) {
    return marshalIndent(node) + "\n";
  }

  /** {@code json.MarshalIndent(v, "", "    ")}: like {@link #write} without the final line break. */
  public static String marshalIndent(JsonNode node) {
    var out = new StringBuilder();
    value(out, node, 0);
    return out.toString();
  }

  /** {@code json.Marshal}: compact, no spaces, no line break ({@code ["1.1.1.1","8.8.8.8"]}). */
  public static String marshal(JsonNode node) {
    var out = new StringBuilder();
    value(out, node, -1);
    return out.toString();
  }

  private static void value(StringBuilder out, JsonNode node, int depth) {
    if (node.isObject()) {
      object(out, node, depth);
    } else if (node.isArray()) {
      array(out, node, depth);
    } else if (node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else if (node.isBoolean()) {
      out.append(node.booleanValue());
    } else if (node.isFloat()) {
      out.append(GoFloats.json(node.floatValue(), true));
    } else if (node.isDouble()) {
      out.append(GoFloats.json(node.doubleValue(), false));
    } else if (node.isBigDecimal()) {
      out.append(GoFloats.json(node.decimalValue()));
    } else if (node.isNumber()) {
      out.append(node.bigIntegerValue());
    } else {
      string(out, node.asText());
    }
  }

  private static void object(StringBuilder out, JsonNode node, int depth) {
    if (node.isEmpty()) {
      out.append("{}");
      return;
    }
    var entries = new ArrayList<Map.Entry<String, JsonNode>>(node.properties());
    entries.sort(Map.Entry.comparingByKey(Utf8Order.INSTANCE));
    out.append('{');
    for (int i = 0; i < entries.size(); i++) {
      newline(out, child(depth));
      string(out, entries.get(i).getKey());
      out.append(depth < 0 ? ":" : ": ");
      value(out, entries.get(i).getValue(), child(depth));
      if (i < entries.size() - 1) {
        out.append(',');
      }
    }
    newline(out, depth);
    out.append('}');
  }

  private static void array(StringBuilder out, JsonNode node, int depth) {
    if (node.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    for (int i = 0; i < node.size(); i++) {
      newline(out, child(depth));
      value(out, node.get(i), child(depth));
      if (i < node.size() - 1) {
        out.append(',');
      }
    }
    newline(out, depth);
    out.append(']');
  }

  /** A line break and indentation; nothing in compact mode (negative depth). */
  private static void newline(StringBuilder out, int depth) {
    if (depth >= 0) {
      out.append('\n').append(INDENT.repeat(depth));
    }
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> hex(out, c);
        default -> {
          if (c < 0x20) {
            hex(out, c);
          } else if (Character.isSurrogate(c) && !validPair(s, i)) {
            out.append("\\ufffd"); // Go writes invalid UTF-8 as U+FFFD
          } else {
            out.append(c);
            if (Character.isHighSurrogate(c)) {
              out.append(s.charAt(++i));
            }
          }
        }
      }
    }
    out.append('"');
  }

  private static int child(int depth) {
    return depth < 0 ? depth : depth + 1;
  }

  private static boolean validPair(String s, int i) {
    return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
  }

  private static void hex(StringBuilder out, char c) {
    out.append(String.format("\\u%04x", (int) c));
  }
}
