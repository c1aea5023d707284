package dev.spindle.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.state.EventType;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * talosctl's table: {@code NODE NAMESPACE TYPE ID VERSION} (after a {@code *} column of {@code +}, {@code -} or a
 * space when watching), then each print column upper-cased, its cells the column's JSONPath over the spec decoded
 * from YAML, missing keys empty. Laid out by {@link TabWriter}, which buffers until {@link #flush}.
 */
final class TableOutput implements ResourceWriter {
  private record Column(String name, JsonPath path) {}

  private final PrintWriter out;
  private final TabWriter table;
  private final List<Column> columns = new ArrayList<>();
  private boolean withEvents;
  private String displayType;

  TableOutput(PrintWriter out) {
    this.out = out;
    this.table = new TabWriter(out);
  }

  @Override
  public void writeHeader(TypeInfo type, boolean withEvents) {
    this.withEvents = withEvents;
    this.displayType = type.displayType();
    var fields = new ArrayList<String>();
    fields.add("NODE");
    if (withEvents) {
      fields.add("*");
    }
    fields.addAll(List.of("NAMESPACE", "TYPE", "ID", "VERSION"));
    for (TypeInfo.Column column : type.printColumns()) {
      fields.add(column.name().toUpperCase(Locale.ROOT));
      try {
        columns.add(new Column(column.name(), JsonPath.parse(column.jsonPath())));
      } catch (IllegalArgumentException e) {
        throw new CliException(ExitStatus.ERROR, "error parsing column \"" + column.name() + "\" jsonpath: "
            + e.getMessage(), e);
      }
    }
    table.write(String.join("\t", fields) + "\n");
  }

  @Override
  public void writeResource(String node, Resource<?> resource, EventType event) {
    var values = new ArrayList<String>();
    values.add(node);
    if (withEvents) {
      String label = switch (event) {
        case CREATED -> "+";
        case DESTROYED -> "-";
        case UPDATED -> " ";
        case BOOTSTRAPPED, ERRORED, NOOP -> null;
      };
      if (label == null) {
        return;
      }
      values.add(label);
    }
    var md = resource.metadata();
    values.addAll(List.of(md.namespace(), displayType, md.id(), md.versionText()));
    JsonNode spec = SpecTrees.typed(resource);
    for (Column column : columns) {
      try {
        values.add(column.path().execute(spec));
      } catch (IllegalArgumentException e) {
        throw new CliException(ExitStatus.ERROR, "column \"" + column.name() + "\" of " + md.id() + ": "
            + e.getMessage(), e);
      }
    }
    table.write(String.join("\t", values) + "\n");
  }

  @Override
  public void flush() {
    table.flush();
    out.flush();
  }
}
