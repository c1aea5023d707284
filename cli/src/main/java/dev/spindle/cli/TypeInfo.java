package dev.spindle.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A resource type as a node publishes it in {@code ResourceDefinitions.meta.cosi.dev}. Read leniently from the
 * spec's YAML (unknown keys ignored), so a node newer than this client can still be listed.
 */
record TypeInfo(String id, String type, String displayType, String defaultNamespace, List<String> aliases,
    List<String> allAliases, List<Column> printColumns, boolean sensitive) {

  /** A print column: its header and its JSONPath over the spec. */
  record Column(String name, String jsonPath) {}

  static TypeInfo fromSpec(String id, JsonNode spec) {
    var columns = new ArrayList<Column>();
    for (JsonNode column : spec.path("printColumns")) {
      columns.add(new Column(column.path("name").asText(""), column.path("jsonPath").asText("")));
    }
    return new TypeInfo(id, spec.path("type").asText(""), spec.path("displayType").asText(""),
        spec.path("defaultNamespace").asText(""), strings(spec.path("aliases")), strings(spec.path("allAliases")),
        List.copyOf(columns), spec.path("sensitivity").asText("").equals("sensitive"));
  }

  private static List<String> strings(JsonNode list) {
    var result = new ArrayList<String>();
    list.forEach(item -> result.add(item.asText()));
    return List.copyOf(result);
  }

  /** talosctl's rule (the definition's id or any of all aliases), plus the type and display type themselves. */
  boolean matches(String name) {
    return id.equalsIgnoreCase(name) || type.equalsIgnoreCase(name) || displayType.equalsIgnoreCase(name)
        || allAliases.stream().anyMatch(alias -> alias.equalsIgnoreCase(name));
  }
}
