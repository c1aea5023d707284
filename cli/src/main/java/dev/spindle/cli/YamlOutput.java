package dev.spindle.cli;

import dev.spindle.runtime.codec.ResourceYaml;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.state.EventType;
import java.io.PrintWriter;

/**
 * talosctl's {@code -o yaml}: documents separated by {@code ---} lines, each starting with {@code node: <node>} and,
 * when watching, {@code event: <created|updated|destroyed>}, then the resource as go-yaml prints it.
 */
final class YamlOutput implements ResourceWriter {
  private final PrintWriter out;
  private boolean withEvents;
  private boolean needDashes;

  YamlOutput(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void writeHeader(TypeInfo type, boolean withEvents) {
    this.withEvents = withEvents;
  }

  @Override
  public void writeResource(String node, Resource<?> resource, EventType event) {
    var text = new StringBuilder();
    if (needDashes) {
      text.append("---\n");
    }
    needDashes = true;
    text.append("node: ").append(node).append('\n');
    if (withEvents) {
      text.append("event: ").append(ResourceWriter.eventName(event)).append('\n');
    }
    text.append(ResourceYaml.encode(resource.metadata(), SpecTrees.raw(resource), null));
    out.write(text.toString());
  }

  @Override
  public void flush() {
    out.flush();
  }
}
