package dev.spindle.api.auth;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a client config of the plain shape Spindle and Talos write (string scalars, lists of strings, no anchors,
 * no duplicate keys, no empty values) straight from SnakeYAML's node tree, or answers null for anything else, which
 * {@link ClientConfig#read} then hands to Jackson as before, so every error message and every unusual input (a
 * number or boolean where a string belongs, tags, aliases) is still treated exactly as Jackson treats it.
 *
 * <p>Why: {@code spindlectl} reads its config on every run, and setting up Jackson's YAML data binding for it (the
 * mapper, record introspection, annotation proxies) was some 30 ms of a 0.4 s budget. SnakeYAML is loaded anyway,
 * to read resource specs. Jackson resolves plain scalars with SnakeYAML's resolver too, so a scalar SnakeYAML tags
 * {@code str} is a string with the same text for both.
 */
final class PlainClientConfig {
  private PlainClientConfig() {}

  /** The config, or null if the text is not plain (see above) or not a config at all. */
  static ClientConfig read(byte[] bytes) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    if (text.startsWith("\uFEFF")) {
      return null; // a byte order mark: Jackson's encoding detection decides
    }
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
    } catch (YAMLException e) {
      return null;
    }
    if (!(root instanceof MappingNode mapping) || root.getAnchor() != null || hasDuplicateKeys(mapping)) {
      return null;
    }
    String context = null;
    Map<String, ClientContext> contexts = null;
    for (NodeTuple entry : mapping.getValue()) {
      String key = string(entry.getKeyNode());
      if (key == null) {
        return null;
      }
      Node value = entry.getValueNode();
      switch (key) {
        case "context" -> {
          if (!stringOrNull(value)) {
            return null;
          }
          context = string(value);
        }
        case "contexts" -> {
          if (isNull(value)) {
            contexts = null;
          } else {
            contexts = contexts(value);
            if (contexts == null) {
              return null;
            }
          }
        }
        default -> {
          if (!plain(value)) {
            return null;
          }
        }
      }
    }
    return new ClientConfig(context, contexts);
  }

  private static Map<String, ClientContext> contexts(Node node) {
    if (!(node instanceof MappingNode mapping) || node.getAnchor() != null || hasDuplicateKeys(mapping)) {
      return null;
    }
    Map<String, ClientContext> contexts = new LinkedHashMap<>();
    for (NodeTuple entry : mapping.getValue()) {
      String name = string(entry.getKeyNode());
      ClientContext context = name == null ? null : context(entry.getValueNode());
      if (context == null) {
        return null;
      }
      contexts.put(name, context);
    }
    return contexts;
  }

  private static ClientContext context(Node node) {
    if (!(node instanceof MappingNode mapping) || node.getAnchor() != null || hasDuplicateKeys(mapping)) {
      return null;
    }
    List<String> endpoints = null;
    List<String> nodes = null;
    String ca = null;
    String crt = null;
    String key = null;
    for (NodeTuple entry : mapping.getValue()) {
      String field = string(entry.getKeyNode());
      if (field == null) {
        return null;
      }
      Node value = entry.getValueNode();
      switch (field) {
        case "endpoints", "nodes" -> {
          List<String> list = null;
          if (!isNull(value)) {
            list = strings(value);
            if (list == null) {
              return null;
            }
          }
          if (field.equals("endpoints")) {
            endpoints = list;
          } else {
            nodes = list;
          }
        }
        case "ca", "crt", "key" -> {
          if (!stringOrNull(value)) {
            return null;
          }
          switch (field) {
            case "ca" -> ca = string(value);
            case "crt" -> crt = string(value);
            default -> key = string(value);
          }
        }
        default -> {
          if (!plain(value)) {
            return null;
          }
        }
      }
    }
    return new ClientContext(endpoints, nodes, ca, crt, key);
  }

  private static List<String> strings(Node node) {
    if (!(node instanceof SequenceNode sequence) || node.getAnchor() != null) {
      return null;
    }
    List<String> result = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      String value = string(item);
      if (value == null) {
        return null;
      }
      result.add(value);
    }
    return result;
  }

  /** The text of a string scalar; null for anything else. */
  private static String string(Node node) {
    return node instanceof ScalarNode scalar && node.getAnchor() == null && scalar.getTag().equals(Tag.STR)
        ? scalar.getValue() : null;
  }

  /**
   * A null written out ({@code ~}, {@code null}). Not an empty value: Jackson reads that as an empty string, which
   * it then refuses for a list field, so it is left to Jackson.
   */
  private static boolean isNull(Node node) {
    return node instanceof ScalarNode scalar && node.getAnchor() == null && scalar.getTag().equals(Tag.NULL)
        && !scalar.getValue().isEmpty();
  }

  /** Keys given twice (SnakeYAML's composer keeps both; which one Jackson keeps is Jackson's business). */
  private static boolean hasDuplicateKeys(MappingNode mapping) {
    Set<String> keys = new HashSet<>();
    for (NodeTuple entry : mapping.getValue()) {
      String key = string(entry.getKeyNode());
      if (key != null && !keys.add(key)) {
        return true;
      }
    }
    return false;
  }

  private static boolean stringOrNull(Node node) {
    return string(node) != null || isNull(node);
  }

  /** An ignored (unknown) field: any value without anchors, as Jackson skips it whatever it holds. */
  private static boolean plain(Node node) {
    if (node.getAnchor() != null) {
      return false;
    }
    return switch (node) {
      case MappingNode mapping -> mapping.getValue().stream()
          .allMatch(t -> plain(t.getKeyNode()) && plain(t.getValueNode()));
      case SequenceNode sequence -> sequence.getValue().stream().allMatch(PlainClientConfig::plain);
      default -> true;
    };
  }
}
