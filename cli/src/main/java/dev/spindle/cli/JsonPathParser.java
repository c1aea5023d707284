package dev.spindle.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a Kubernetes JSONPath template ({@code k8s.io/client-go/util/jsonpath}) into nodes, following that
 * parser's rules for the subset spindlectl supports: text outside braces, {@code .field} (backslash escapes a
 * terminator), {@code .*}, {@code [n]}, {@code [a:b:c]}, {@code [*]}, {@code ['key']}, unions {@code [0,2]}, quoted
 * strings, numbers and booleans inside an action. Filters, recursive descent and {@code range}/{@code end} are
 * refused with a clear error rather than half-supported.
 */
final class JsonPathParser {
  /** A parsed template element. The root list holds {@link Text} and {@link Action} elements. */
  sealed interface Node permits Text, Action, Field, Wildcard, Slice, Union, Literal {}

  record Text(String text) implements Node {}

  /** One {@code {...}}: its nodes are applied in order, each to the results of the previous one. */
  record Action(List<Node> nodes) implements Node {}

  record Field(String name) implements Node {}

  record Wildcard() implements Node {}

  /** A slice index as the Go parser records it; {@code derived} marks the end of a single index {@code [n]}. */
  record Param(int value, boolean known, boolean derived) {}

  record Slice(Param start, Param end, Param step) implements Node {}

  record Union(List<List<Node>> alternatives) implements Node {}

  record Literal(JsonNode value) implements Node {}

  private static final Pattern DICT_KEY = Pattern.compile("^'([^']*)'$");
  private static final Pattern SLICE = Pattern.compile("^(-?\\d*)(:-?\\d*)?(:-?\\d*)?$");

  private final String input;
  private int pos;

  private JsonPathParser(String input) {
    this.input = input;
  }

  static List<Node> parse(String template) {
    return new JsonPathParser(template).template();
  }

  private List<Node> template() {
    var root = new ArrayList<Node>();
    while (pos < input.length()) {
      int brace = input.indexOf('{', pos);
      if (brace < 0) {
        root.add(new Text(input.substring(pos)));
        break;
      }
      if (brace > pos) {
        root.add(new Text(input.substring(pos, brace)));
      }
      pos = brace + 1;
      root.add(new Action(action()));
    }
    return root;
  }

  /** The nodes of one action, consuming its closing brace. */
  private List<Node> action() {
    var nodes = new ArrayList<Node>();
    while (true) {
      if (input.startsWith("}", pos)) {
        pos++;
        return nodes;
      }
      if (input.startsWith("[?(", pos)) {
        throw unsupported("filter expressions [?(...)]");
      }
      if (input.startsWith("..", pos)) {
        throw unsupported("recursive descent (..)");
      }
      if (pos >= input.length()) {
        throw new IllegalArgumentException("unclosed action");
      }
      int r = input.codePointAt(pos);
      pos += Character.charCount(r);
      switch (r) {
        case '\r', '\n' -> throw new IllegalArgumentException("unclosed action");
        case ' ', '@', '$' -> { } // '$' and '@' name the current object: nothing to do
        case '[' -> nodes.addAll(array());
        case '"', '\'' -> nodes.add(new Text(quoted(r)));
        case '.' -> nodes.add(field());
        default -> {
          if (r == '+' || r == '-' || Character.isDigit(r)) {
            pos -= Character.charCount(r);
            nodes.add(number());
          } else if (r == '_' || Character.isLetterOrDigit(r)) {
            pos -= Character.charCount(r);
            nodes.add(identifier());
          } else {
            throw new IllegalArgumentException(String.format("unrecognized character in action: U+%04X '%s'", r,
                Character.toString(r)));
          }
        }
      }
    }
  }

  private Node field() {
    int start = pos;
    while (pos < input.length()) {
      int r = input.codePointAt(pos);
      if (r == '\\') {
        // A backslash makes the next character part of the name, even a terminator such as '.'.
        pos++;
        if (pos < input.length()) {
          pos += Character.charCount(input.codePointAt(pos));
        }
        continue;
      }
      if (isTerminator(r)) {
        break;
      }
      pos += Character.charCount(r);
    }
    String value = input.substring(start, pos);
    return value.equals("*") ? new Wildcard() : new Field(value.replace("\\", ""));
  }

  private List<Node> array() {
    int start = pos;
    int close = input.indexOf(']', pos);
    int newline = input.indexOf('\n', pos);
    if (close < 0 || (newline >= 0 && newline < close)) {
      throw new IllegalArgumentException("unterminated array");
    }
    pos = close + 1;
    String text = input.substring(start, close);
    if (text.equals("*")) {
      text = ":";
    }
    String[] parts = text.split(",", -1);
    if (parts.length > 1) {
      var alternatives = new ArrayList<List<Node>>();
      for (String part : parts) {
        alternatives.add(new JsonPathParser("[" + trimSpaces(part) + "]}").action());
      }
      return List.of(new Union(alternatives));
    }
    Matcher key = DICT_KEY.matcher(text);
    if (key.matches()) {
      return new JsonPathParser("." + key.group(1) + "}").action();
    }
    Matcher slice = SLICE.matcher(text);
    if (!slice.matches()) {
      throw new IllegalArgumentException("invalid array index " + text);
    }
    Param[] params = new Param[3];
    for (int i = 0; i < 3; i++) {
      String group = slice.group(i + 1);
      if (group != null && !group.isEmpty()) {
        String value = i > 0 ? group.substring(1) : group; // drop the ':'
        params[i] = i > 0 && value.isEmpty() ? new Param(0, false, false) : new Param(parseIndex(value), true, false);
      } else if (i == 1) {
        // "[n]": the end is n+1, marked derived so that "[-1]" still means the last element.
        params[i] = new Param(params[0].value() + 1, true, true);
      } else {
        params[i] = new Param(0, false, false);
      }
    }
    return List.of(new Slice(params[0], params[1], params[2]));
  }

  private static String trimSpaces(String s) {
    int b = 0;
    int e = s.length();
    while (b < e && s.charAt(b) == ' ') {
      b++;
    }
    while (e > b && s.charAt(e - 1) == ' ') {
      e--;
    }
    return s.substring(b, e);
  }

  private static int parseIndex(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("array index " + value + " is not a number");
    }
  }

  private String quoted(int quote) {
    var out = new StringBuilder();
    while (true) {
      if (pos >= input.length() || input.charAt(pos) == '\n') {
        throw new IllegalArgumentException("unterminated quoted string");
      }
      char c = input.charAt(pos++);
      if (c == quote) {
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (pos >= input.length()) {
        throw new IllegalArgumentException("unterminated quoted string");
      }
      char e = input.charAt(pos++);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'v' -> out.append('\u000b');
        case '\\', '"', '\'' -> out.append(e);
        case 'x' -> out.appendCodePoint(hex(2));
        case 'u' -> out.appendCodePoint(hex(4));
        case 'U' -> out.appendCodePoint(hex(8));
        default -> throw new IllegalArgumentException("invalid escape \\" + e + " in quoted string");
      }
    }
  }

  private int hex(int digits) {
    if (pos + digits > input.length()) {
      throw new IllegalArgumentException("invalid escape in quoted string");
    }
    try {
      int value = Integer.parseInt(input.substring(pos, pos + digits), 16);
      pos += digits;
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid escape in quoted string");
    }
  }

  private Node number() {
    int start = pos;
    if (input.charAt(pos) == '+' || input.charAt(pos) == '-') {
      pos++;
    }
    while (pos < input.length() && (input.charAt(pos) == '.' || Character.isDigit(input.charAt(pos)))) {
      pos++;
    }
    String text = input.substring(start, pos);
    try {
      return new Literal(JsonNodeFactory.instance.numberNode(Integer.parseInt(text)));
    } catch (NumberFormatException notAnInt) {
      try {
        return new Literal(JsonNodeFactory.instance.numberNode(Double.parseDouble(text)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("cannot parse number " + text);
      }
    }
  }

  private Node identifier() {
    int start = pos;
    while (pos < input.length() && !isTerminator(input.codePointAt(pos))) {
      pos += Character.charCount(input.codePointAt(pos));
    }
    String name = input.substring(start, pos);
    return switch (name) {
      case "true", "false" -> new Literal(JsonNodeFactory.instance.booleanNode(name.equals("true")));
      case "range", "end" -> throw unsupported("range/end");
      default -> throw new IllegalArgumentException("unrecognized identifier " + name);
    };
  }

  private static boolean isTerminator(int r) {
    return switch (r) {
      case ' ', '\t', '\r', '\n', '.', ',', '[', ']', '$', '@', '{', '}' -> true;
      default -> false;
    };
  }

  private static IllegalArgumentException unsupported(String what) {
    return new IllegalArgumentException(what + " is not supported by spindlectl's JSONPath");
  }
}
