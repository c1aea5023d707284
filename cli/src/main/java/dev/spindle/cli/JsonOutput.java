package dev.spindle.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spindle.runtime.codec.GoJson;
import dev.spindle.runtime.codec.ResourceJson;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.state.EventType;
import java.io.PrintWriter;

/**
 * talosctl's {@code -o json}: one 4-space indented object per resource, concatenated, keys sorted ({@code event}
 * when watching, {@code metadata}, {@code node}, {@code spec}).
 */
final class JsonOutput implements ResourceWriter {
  private final PrintWriter out;
  private boolean withEvents;

  JsonOutput(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void writeHeader(TypeInfo type, boolean withEvents) {
    this.withEvents = withEvents;
  }

  /** The document {@code -o json} prints and {@code -o jsonpath} searches (talosctl's prepareEncodableData). */
  static ObjectNode document(String node, Resource<?> resource, EventType event, boolean withEvents) {
    ObjectNode doc = ResourceJson.tree(resource.metadata(), SpecTrees.raw(resource), null);
    doc.put("node", node); // always present, even empty, as talosctl sets it unconditionally
    if (withEvents) {
      doc.put("event", ResourceWriter.eventName(event));
    }
    return doc;
  }

  @Override
  public void writeResource(String node, Resource<?> resource, EventType event) {
    out.write(GoJson.write(document(node, resource, event, withEvents)));
  }

  @Override
  public void flush() {
    out.flush();
  }
}
