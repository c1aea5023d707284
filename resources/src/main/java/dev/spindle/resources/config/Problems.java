package dev.spindle.resources.config;

import dev.spindle.resources.GoQuote;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Collects the errors and warnings of one file as the checks find them, so every problem is reported at once, each
 * located at the YAML node it is about and labelled with the document being checked.
 */
final class Problems {
  static final String REDACTED = "(redacted)";

  private final String source;
  private final List<ConfigProblem> errors = new ArrayList<>();
  private final List<ConfigProblem> warnings = new ArrayList<>();
  private String document = "";

  Problems(String source) {
    this.source = source;
  }

  void document(String label) {
    document = label;
  }

  String document() {
    return document;
  }

  /** An error about {@code at} (a value or key node; null for no location); {@code value} as {@link #shown}. */
  void error(Node at, String path, String value, String reason) {
    errors.add(problem(at == null ? null : at.getStartMark(), path, value, reason));
  }

  /** An error at a mark, for YAML syntax errors, which have no node. */
  void error(Mark at, String reason) {
    errors.add(problem(at, "", null, reason));
  }

  /** An error about the whole file (no documents in it), with no location. */
  void error(String reason) {
    errors.add(problem(null, "", null, reason));
  }

  void warning(Node at, String path, String reason) {
    warnings.add(problem(at == null ? null : at.getStartMark(), path, null, reason));
  }

  private ConfigProblem problem(Mark mark, String path, String value, String reason) {
    int line = mark == null ? 0 : mark.getLine() + 1;
    int column = mark == null ? 0 : mark.getColumn() + 1;
    return new ConfigProblem(source, line, column, document, path, value, reason);
  }

  boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** In document order: checks run by concern (names, then values, then cross-document), the report by position. */
  List<ConfigProblem> errors() {
    return sorted(errors);
  }

  List<ConfigProblem> warnings() {
    return sorted(warnings);
  }

  private static List<ConfigProblem> sorted(List<ConfigProblem> problems) {
    return problems.stream() // stable: problems at one position keep the order they were found in
        .sorted(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column))
        .toList();
  }

  /** A scalar's text as shown in a message (quoted as Go's {@code %q} would), {@code (redacted)} for a secret. */
  static String shown(Node node, boolean secret) {
    if (!(node instanceof ScalarNode scalar)) {
      return null;
    }
    return secret ? REDACTED : GoQuote.quote(scalar.getValue());
  }
}
