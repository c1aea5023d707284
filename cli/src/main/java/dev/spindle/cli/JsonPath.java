package dev.spindle.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.spindle.cli.JsonPathParser.Action;
import dev.spindle.cli.JsonPathParser.Field;
import dev.spindle.cli.JsonPathParser.Literal;
import dev.spindle.cli.JsonPathParser.Node;
import dev.spindle.cli.JsonPathParser.Slice;
import dev.spindle.cli.JsonPathParser.Text;
import dev.spindle.cli.JsonPathParser.Union;
import dev.spindle.cli.JsonPathParser.Wildcard;
import dev.spindle.runtime.codec.GoJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A Kubernetes JSONPath template evaluated over a decoded YAML document (a Jackson tree), with the semantics
 * talosctl gets from {@code k8s.io/client-go/util/jsonpath}:
 *
 * <ul>
 *   <li>{@link #findResults} returns one group of results per template element (each text run and each
 *       {@code {...}}), every action starting from the whole document;</li>
 *   <li>a missing key yields no result, or the error {@code <key> is not found} unless missing keys are allowed
 *       (talosctl allows them for table columns, not for {@code -o jsonpath});</li>
 *   <li>a YAML {@code null} is a result that prints as {@code <nil>}; stepping into it yields nothing;</li>
 *   <li>{@link #execute} prints like {@code JSONPath.Execute}: the groups concatenated, results within a group
 *       separated by one space, lists and maps as compact JSON ({@code ["1.1.1.1","8.8.8.8"]}).</li>
 * </ul>
 *
 * <p>Map wildcards ({@code .*}) follow the document's key order, where Go's order is unspecified.
 */
public final class JsonPath {
  private final String template;
  private final List<Node> root;

  private JsonPath(String template, List<Node> root) {
    this.template = template;
    this.root = root;
  }

  /** @throws IllegalArgumentException with the parser's message if the template is invalid */
  public static JsonPath parse(String template) {
    return new JsonPath(template, JsonPathParser.parse(template));
  }

  public String template() {
    return template;
  }

  /** @throws IllegalArgumentException when evaluation fails (missing key, index out of bounds, not a list) */
  public List<List<JsonNode>> findResults(JsonNode data, boolean allowMissingKeys) {
    var evaluator = new Evaluator(allowMissingKeys);
    var groups = new ArrayList<List<JsonNode>>();
    for (Node node : root) {
      groups.add(evaluator.walk(List.of(data), node));
    }
    return groups;
  }

  /** What a talosctl table cell shows: {@code Execute} with missing keys allowed. */
  public String execute(JsonNode data) {
    var out = new StringBuilder();
    for (List<JsonNode> group : findResults(data, true)) {
      for (int i = 0; i < group.size(); i++) {
        JsonNode value = group.get(i);
        out.append(value.isContainerNode() ? GoJson.marshal(value) : GoText.print(value));
        if (i < group.size() - 1) {
          out.append(' ');
        }
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return template;
  }

  private record Evaluator(boolean allowMissingKeys) {
    List<JsonNode> walk(List<JsonNode> input, Node node) {
      return switch (node) {
        case Text t -> List.of(TextNode.valueOf(t.text()));
        case Action a -> list(input, a.nodes());
        case Field f -> field(input, f.name());
        case Wildcard w -> wildcard(input);
        case Slice s -> slice(input, s);
        case Union u -> {
          var result = new ArrayList<JsonNode>();
          u.alternatives().forEach(alternative -> result.addAll(list(input, alternative)));
          yield result;
        }
        case Literal l -> input.stream().map(v -> l.value()).toList();
      };
    }

    private List<JsonNode> list(List<JsonNode> input, List<Node> nodes) {
      List<JsonNode> current = input;
      for (Node node : nodes) {
        current = walk(current, node);
      }
      return current;
    }

    private List<JsonNode> field(List<JsonNode> input, String name) {
      if (input.isEmpty()) {
        return List.of();
      }
      var results = new ArrayList<JsonNode>();
      for (JsonNode value : input) {
        if (!isNil(value) && value.isObject() && value.has(name)) {
          results.add(value.get(name));
        }
      }
      if (results.isEmpty() && !allowMissingKeys) {
        throw new IllegalArgumentException(name + " is not found");
      }
      return results;
    }

    private List<JsonNode> wildcard(List<JsonNode> input) {
      var results = new ArrayList<JsonNode>();
      for (JsonNode value : input) {
        if (isNil(value)) {
          continue;
        }
        if (value.isContainerNode()) {
          value.forEach(results::add);
        } else if (value.isTextual()) {
          // Go indexes a string by byte, giving numbers.
          for (byte b : value.asText().getBytes(StandardCharsets.UTF_8)) {
            results.add(JsonNodeFactory.instance.numberNode(b & 0xff));
          }
        }
      }
      return results;
    }

    private List<JsonNode> slice(List<JsonNode> input, Slice node) {
      var results = new ArrayList<JsonNode>();
      for (JsonNode value : input) {
        if (isNil(value)) {
          continue;
        }
        if (!value.isArray()) {
          throw new IllegalArgumentException(GoText.typeName(value) + " is not array or slice");
        }
        int length = value.size();
        int start = node.start().known() ? node.start().value() : 0;
        if (start < 0) {
          start += length;
        }
        int end = node.end().known() ? node.end().value() : length;
        if (end < 0 || (end == 0 && node.end().derived())) {
          end += length;
        }
        if (end == start) {
          return results; // zero elements requested; Go stops here, for every remaining input too
        }
        if (start >= length || start < 0) {
          throw new IllegalArgumentException("array index out of bounds: index " + start + ", length " + length);
        }
        if (end > length || end < 0) {
          throw new IllegalArgumentException("array index out of bounds: index " + (end - 1) + ", length "
              + length);
        }
        if (start > end) {
          throw new IllegalArgumentException("starting index " + start + " is greater than ending index " + end);
        }
        int step = 1;
        if (node.step().known()) {
          if (node.step().value() <= 0) {
            throw new IllegalArgumentException("step must be > 0");
          }
          step = node.step().value();
        }
        for (int i = start; i < end; i += step) {
          results.add(value.get(i));
        }
      }
      return results;
    }

    private static boolean isNil(JsonNode value) {
      return value == null || value.isNull() || value.isMissingNode();
    }
  }
}
