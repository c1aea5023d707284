package dev.spindle.runtime.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Map;

/**
 * JSON as Go's {@code json.Encoder} writes a decoded YAML document with {@code SetIndent("", "    ")}: object keys
 * sorted (the document is a Go map), 4-space indentation, {@code {}} and {@code []} for empty containers, HTML
 * characters and U+2028/U+2029 escaped, a final line break.
 */
final class GoJson {
  private static final String INDENT = "    ";

  private GoJson() {}

  static String write(JsonNode node) {
    var out = new StringBuilder();
    value(out, node, 0);
    return out.append('\n').toString();
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
      newline(out, depth + 1);
      string(out, entries.get(i).getKey());
      out.append(": ");
      value(out, entries.get(i).getValue(), depth + 1);
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
      newline(out, depth + 1);
      value(out, node.get(i), depth + 1);
      if (i < node.size() - 1) {
        out.append(',');
      }
    }
    newline(out, depth);
    out.append(']');
  }

  private static void newline(StringBuilder out, int depth) {
    out.append('\n').append(INDENT.repeat(depth));
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

  private static boolean validPair(String s, int i) {
    return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
  }

  private static void hex(StringBuilder out, char c) {
    out.append(String.format("\\u%04x", (int) c));
  }
}
