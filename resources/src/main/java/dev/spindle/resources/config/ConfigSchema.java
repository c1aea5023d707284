package dev.spindle.resources.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The field names and value shapes of Talos's configuration documents, loaded once from two resource files:
 * {@code v1alpha1-schema.txt} (the field names of Talos's Go structs, as facts of its schema) and
 * {@code documents-schema.txt} (the multi-document kinds). Free-form maps ({@code extraArgs}, {@code nodeLabels},
 * {@code env}) and Talos's unstructured fields ({@code pods}, {@code auditPolicy}) end the tree: below them any key is
 * accepted.
 */
final class ConfigSchema {
  /** What a value must look like. */
  sealed interface Shape permits Scalar, ListOf, MapOf, AnyValue, Struct {}

  enum ScalarKind { STRING, INT, BOOL, DURATION, SCALAR }

  record Scalar(ScalarKind kind) implements Shape {}

  record ListOf(Shape item) implements Shape {}

  /** A mapping whose keys are free-form, each value of {@code value}'s shape. */
  record MapOf(Shape value) implements Shape {}

  record AnyValue() implements Shape {}

  record Field(String name, Shape shape, boolean secret) {}

  /** A mapping with known keys. Not a record: structs refer to each other, so the fields are filled after creation. */
  static final class Struct implements Shape {
    private final String name;
    private final Map<String, Field> fields = new LinkedHashMap<>();

    private Struct(String name) {
      this.name = name;
    }

    String name() {
      return name;
    }

    Field field(String key) {
      return fields.get(key);
    }

    Map<String, Field> fields() {
      return Collections.unmodifiableMap(fields);
    }

    @Override
    public String toString() {
      return "Struct[" + name + "]";
    }
  }

  private static final Map<String, Struct> STRUCTS = load("v1alpha1-schema.txt", "documents-schema.txt");

  /** The v1alpha1 document's root. */
  static final Struct V1ALPHA1 = struct("Config");

  private ConfigSchema() {}

  static Struct struct(String name) {
    Struct s = STRUCTS.get(name);
    if (s == null) {
      throw new IllegalArgumentException("no struct " + name + " in the configuration schema");
    }
    return s;
  }

  private static Map<String, Struct> load(String... resources) {
    List<String> lines = new ArrayList<>();
    for (String resource : resources) {
      lines.addAll(read(resource));
    }
    Map<String, Struct> structs = new HashMap<>();
    for (String line : lines) {
      if (line.startsWith("@")) {
        structs.put(line.substring(1), new Struct(line.substring(1)));
      }
    }
    Struct current = null;
    for (String line : lines) {
      if (line.startsWith("@")) {
        current = structs.get(line.substring(1));
        continue;
      }
      String[] parts = line.split(" ");
      if (current == null || parts.length < 2 || parts.length > 3) {
        throw new IllegalStateException("bad configuration schema line: " + line);
      }
      current.fields.put(parts[0], new Field(parts[0], shape(parts[1], structs), parts.length == 3));
    }
    return Map.copyOf(structs);
  }

  private static Shape shape(String text, Map<String, Struct> structs) {
    if (text.startsWith("[")) {
      return new ListOf(shape(text.substring(1), structs));
    }
    if (text.startsWith("{")) {
      return new MapOf(shape(text.substring(1), structs));
    }
    return switch (text) {
      case "string" -> new Scalar(ScalarKind.STRING);
      case "int" -> new Scalar(ScalarKind.INT);
      case "bool" -> new Scalar(ScalarKind.BOOL);
      case "duration" -> new Scalar(ScalarKind.DURATION);
      case "scalar" -> new Scalar(ScalarKind.SCALAR);
      case "any" -> new AnyValue();
      default -> {
        Struct s = structs.get(text);
        if (s == null) {
          throw new IllegalStateException("configuration schema refers to unknown struct " + text);
        }
        yield s;
      }
    };
  }

  private static List<String> read(String resource) {
    var in = ConfigSchema.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing resource " + resource);
    }
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
