package dev.spindle.cli;

import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.state.EventType;

/** One output format of {@code get}, shaped like talosctl's {@code output.Writer}. */
interface ResourceWriter {
  /** Called once, before any resource; {@code withEvents} when watching. */
  void writeHeader(TypeInfo type, boolean withEvents);

  /** {@code event} is only shown when watching. */
  void writeResource(String node, Resource<?> resource, EventType event);

  /** Writes anything buffered and flushes the stream. */
  void flush();

  /** {@code created}, {@code updated}, ...: talosctl's {@code strings.ToLower(event.String())}. */
  static String eventName(EventType event) {
    return event.name().toLowerCase(java.util.Locale.ROOT);
  }
}
