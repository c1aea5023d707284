package dev.spindle.resources.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A machine configuration was rejected: every problem found, in document order. Nothing was applied: the parser is
 * pure, and callers apply only a configuration it returned. The message is the problems, one per line.
 */
public final class ConfigValidationException extends Exception {
  private final List<ConfigProblem> problems;

  public ConfigValidationException(List<ConfigProblem> problems) {
    super(problems.stream().map(ConfigProblem::message).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a rejected configuration has at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
