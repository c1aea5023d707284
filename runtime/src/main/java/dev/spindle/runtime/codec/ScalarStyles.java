package dev.spindle.runtime.codec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * go-yaml's choice of scalar style, in its two steps: what the representer (and desolver) ask for given the value's
 * type, then what the emitter settles on given the characters ({@link ScalarAnalysis}).
 */
final class ScalarStyles {
  private ScalarStyles() {}

  static ScalarStyle requested(JsonNode node, String value) {
    if (node instanceof UntaggedScalar) {
      // The serializer's rule for a node with neither tag nor style.
      return value.contains("\n") ? ScalarStyle.LITERAL : ScalarStyle.PLAIN;
    }
    if (!(node.isTextual() || node.isBinary() || node.isPojo())) {
      return ScalarStyle.PLAIN;
    }
    if (value.contains("\n")) {
      return useLiteral(value) ? ScalarStyle.LITERAL : ScalarStyle.DOUBLE_QUOTED;
    }
    if (YamlResolver.isBase60Float(value) || YamlResolver.isOldBool(value) || value.equals("<<")) {
      return ScalarStyle.SINGLE_QUOTED;
    }
    // The legacy quote preference that yaml.Marshal uses: double quotes for type-changing values.
    return YamlResolver.resolve(value) == YamlResolver.Kind.STR ? ScalarStyle.PLAIN : ScalarStyle.DOUBLE_QUOTED;
  }

  /** libyaml's select_scalar_style, block context, with the legacy preference of single quotes when forced. */
  static ScalarStyle select(String value, ScalarStyle requested, boolean simpleKey) {
    ScalarAnalysis a = ScalarAnalysis.of(value);
    ScalarStyle style = requested;
    if (simpleKey && a.multiline()) {
      style = ScalarStyle.DOUBLE_QUOTED;
    }
    if (style == ScalarStyle.PLAIN && (!a.blockPlainAllowed() || (value.isEmpty() && simpleKey))) {
      style = ScalarStyle.SINGLE_QUOTED;
    }
    if (style == ScalarStyle.SINGLE_QUOTED && !a.singleQuotedAllowed()) {
      style = ScalarStyle.DOUBLE_QUOTED;
    }
    if (style == ScalarStyle.LITERAL && (!a.blockAllowed() || simpleKey)) {
      style = ScalarStyle.DOUBLE_QUOTED;
    }
    return style;
  }

  /** go-yaml's shouldUseLiteralStyle: at least two bytes and something other than white space. */
  private static boolean useLiteral(String value) {
    return value.length() >= 2 && value.codePoints().anyMatch(c -> !isGoSpace(c));
  }

  /** Go's unicode.IsSpace. */
  private static boolean isGoSpace(int c) {
    return switch (c) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
      default -> c >= 0x2000 && c <= 0x200A;
    };
  }
}
