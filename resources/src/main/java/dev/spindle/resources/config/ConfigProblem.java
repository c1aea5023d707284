package dev.spindle.resources.config;

/**
 * One thing wrong with (or, as a warning, worth telling about) a machine configuration, located the way a user fixes
 * it: the file, the line and column (1-based, 0 when unknown), the document ({@code v1alpha1} or
 * {@code document 2 (ResolverConfig)}), the Talos-style field path ({@code machine.network.interfaces[1].mtu}), the
 * offending value as shown ({@code "8.8.8"}; {@code (redacted)} for secrets; null when there is none to show) and the
 * reason.
 */
public record ConfigProblem(String source, int line, int column, String document, String path, String value,
    String reason) {
  public ConfigProblem {
    source = source == null ? "" : source;
    document = document == null ? "" : document;
    path = path == null ? "" : path;
  }

  /** One line: {@code cfg.yaml:14:7: v1alpha1: machine.time.servers[0]: "": must not be empty}. */
  public String message() {
    var b = new StringBuilder(source);
    if (line > 0) {
      b.append(':').append(line).append(':').append(column);
    }
    append(b, document);
    append(b, path);
    append(b, value);
    append(b, reason);
    return b.toString();
  }

  private static void append(StringBuilder b, String part) {
    if (part != null && !part.isEmpty()) {
      b.append(b.isEmpty() ? "" : ": ").append(part);
    }
  }

  @Override
  public String toString() {
    return message();
  }
}
