package dev.spindle.api.machine;

import java.util.List;

/** A machine configuration failed validation: every problem found, each one located; nothing was applied. */
public final class ConfigRejectedException extends Exception {
  private final List<String> problems;

  public ConfigRejectedException(List<String> problems) {
    super(problems.size() == 1 ? problems.getFirst() : problems.size() + " errors:\n" + String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
