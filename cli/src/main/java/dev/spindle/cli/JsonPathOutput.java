package dev.spindle.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spindle.runtime.codec.GoJson;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.state.EventType;
import java.io.PrintWriter;
import java.util.List;

/**
 * talosctl's {@code -o jsonpath=<template>}: the template is evaluated over the {@code -o json} document
 * ({@code node}, {@code metadata}, {@code spec}, and {@code event} when watching) and every result is printed on a
 * line of its own, lists and maps as indented JSON. Missing keys are an error, as talosctl does not allow them here.
 * As in talosctl, each template element is a result, so text between expressions also lands on its own line.
 */
final class JsonPathOutput implements ResourceWriter {
  private final PrintWriter out;
  private final JsonPath path;
  private boolean withEvents;

  JsonPathOutput(PrintWriter out, JsonPath path) {
    this.out = out;
    this.path = path;
  }

  @Override
  public void writeHeader(TypeInfo type, boolean withEvents) {
    this.withEvents = withEvents;
  }

  @Override
  public void writeResource(String node, Resource<?> resource, EventType event) {
    List<List<JsonNode>> groups;
    try {
      groups = path.findResults(JsonOutput.document(node, resource, event, withEvents), false);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitStatus.ERROR, "error finding result for jsonpath: " + e.getMessage(), e);
    }
    var text = new StringBuilder();
    for (List<JsonNode> group : groups) {
      for (JsonNode value : group) {
        text.append(value.isContainerNode() ? GoJson.marshalIndent(value) : GoText.print(value)).append('\n');
      }
    }
    out.write(text.toString());
  }

  @Override
  public void flush() {
    out.flush();
  }
}
