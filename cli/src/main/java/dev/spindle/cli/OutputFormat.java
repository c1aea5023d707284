package dev.spindle.cli;

import java.io.PrintWriter;

/** The {@code -o/--output} values talosctl accepts: {@code table}, {@code yaml}, {@code json}, {@code jsonpath=...}. */
final class OutputFormat {
  private OutputFormat() {}

  /** @throws CliException USAGE for an unknown format or an invalid template */
  static ResourceWriter writer(String format, PrintWriter out) {
    if (format.startsWith("jsonpath=")) {
      try {
        return new JsonPathOutput(out, JsonPath.parse(format.substring("jsonpath=".length())));
      } catch (IllegalArgumentException e) {
        throw new CliException(ExitStatus.USAGE, "error parsing jsonpath: " + e.getMessage(), e);
      }
    }
    return switch (format) {
      case "table" -> new TableOutput(out);
      case "yaml" -> new YamlOutput(out);
      case "json" -> new JsonOutput(out);
      default -> throw new CliException(ExitStatus.USAGE, "output format \"" + format + "\" is not supported "
          + "(table, yaml, json, jsonpath=<template>)");
    };
  }
}
