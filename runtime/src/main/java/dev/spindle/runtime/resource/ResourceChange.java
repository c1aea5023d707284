package dev.spindle.runtime.resource;

import java.util.Comparator;
import java.util.Objects;

/**
 * One resource a change (such as a new machine configuration) creates, updates or destroys; what a dry run reports.
 * Orders by namespace, type and id, so a list of changes reads the same on every run.
 */
public record ResourceChange(ResourcePointer pointer, Action action) implements Comparable<ResourceChange> {
  private static final Comparator<ResourceChange> ORDER = Comparator
      .comparing((ResourceChange c) -> c.pointer.namespace())
      .thenComparing(c -> c.pointer.type())
      .thenComparing(c -> c.pointer.id());

  public enum Action {
    CREATED, UPDATED, DESTROYED
  }

  public ResourceChange {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(action, "action");
  }

  @Override
  public int compareTo(ResourceChange other) {
    return ORDER.compare(this, other);
  }
}
