package dev.spindle.runtime.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spindle.runtime.resource.Metadata;
import dev.spindle.runtime.resource.Phase;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resource metadata as COSI's {@code Metadata.MarshalYAML} builds it: fixed key order, every value an untagged
 * scalar (so it prints plain), labels and annotations sorted by key, and the three collections left out when
 * empty. Reading follows {@code Metadata.UnmarshalYAML}: any key order, unknown keys ignored, raw scalar text.
 */
final class MetadataTree {
  private MetadataTree() {}

  static ObjectNode toNode(Metadata md) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.set("namespace", new UntaggedScalar(md.namespace()));
    node.set("type", new UntaggedScalar(md.type()));
    node.set("id", new UntaggedScalar(md.id()));
    node.set("version", new UntaggedScalar(md.versionText()));
    node.set("owner", new UntaggedScalar(md.owner()));
    node.set("phase", new UntaggedScalar(md.phase().text()));
    node.set("created", new UntaggedScalar(rfc3339(md.created())));
    node.set("updated", new UntaggedScalar(rfc3339(md.updated())));
    if (!md.labels().isEmpty()) {
      node.set("labels", sorted(md.labels()));
    }
    if (!md.annotations().isEmpty()) {
      node.set("annotations", sorted(md.annotations()));
    }
    if (!md.finalizers().isEmpty()) {
      ArrayNode finalizers = node.putArray("finalizers");
      md.finalizers().forEach(f -> finalizers.add(new UntaggedScalar(f)));
    }
    return node;
  }

  /** Go's {@code time.RFC3339} of a UTC time: whole seconds and {@code Z}. */
  static String rfc3339(Instant instant) {
    OffsetDateTime t = instant.atOffset(ZoneOffset.UTC);
    return String.format("%04d-%02d-%02dT%02d:%02d:%02dZ", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
        t.getHour(), t.getMinute(), t.getSecond());
  }

  private static ObjectNode sorted(Map<String, String> map) {
    var node = new UntaggedMapping();
    var keys = new TreeMap<String, String>(Utf8Order.INSTANCE);
    keys.putAll(map);
    keys.forEach((k, v) -> node.set(k, new UntaggedScalar(v)));
    return node;
  }

  static Metadata fromNode(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("metadata: expected a mapping");
    }
    String namespace = "";
    String type = "";
    String id = "";
    long version = Metadata.UNDEFINED_VERSION;
    String owner = "";
    Phase phase = Phase.RUNNING;
    Instant created = null;
    Instant updated = null;
    Map<String, String> labels = Map.of();
    Map<String, String> annotations = Map.of();
    List<String> finalizers = List.of();
    for (var entry : node.properties()) {
      JsonNode value = entry.getValue();
      switch (entry.getKey()) {
        case "namespace" -> namespace = text(value);
        case "type" -> type = text(value);
        case "id" -> id = text(value);
        case "version" -> version = version(text(value));
        case "owner" -> owner = text(value);
        case "phase" -> phase = Phase.parse(text(value));
        case "created" -> created = time("created", text(value));
        case "updated" -> updated = time("updated", text(value));
        case "labels" -> labels = map("labels", value);
        case "annotations" -> annotations = map("annotations", value);
        case "finalizers" -> finalizers = list(value);
        default -> { } // COSI ignores keys it does not know
      }
    }
    return new Metadata(namespace, type, id, version, owner, phase, finalizers, labels, annotations, created,
        updated);
  }

  private static String text(JsonNode value) {
    if (value.isContainerNode()) {
      throw new IllegalArgumentException("metadata: expected a scalar, got " + value.getNodeType());
    }
    return value.isNull() ? "" : value.asText();
  }

  private static long version(String text) {
    if (text.equals("undefined")) {
      return Metadata.UNDEFINED_VERSION;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("metadata: invalid version \"" + text + "\"", e);
    }
  }

  private static Instant time(String key, String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("metadata: invalid " + key + " time \"" + text + "\"", e);
    }
  }

  private static Map<String, String> map(String key, JsonNode value) {
    if (!value.isObject()) {
      throw new IllegalArgumentException("metadata: " + key + ": expected a mapping");
    }
    var result = new LinkedHashMap<String, String>();
    value.properties().forEach(e -> result.put(e.getKey(), text(e.getValue())));
    return result;
  }

  private static List<String> list(JsonNode value) {
    if (!value.isArray()) {
      throw new IllegalArgumentException("metadata: finalizers: expected a sequence");
    }
    var result = new ArrayList<String>();
    value.forEach(v -> result.add(text(v)));
    return result;
  }
}
