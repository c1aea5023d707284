package dev.spindle.runtime.state;

import dev.spindle.runtime.resource.Phase;

/**
 * Who updates, and in which phase the resource must be. {@code expectedPhase} {@code null} accepts any phase; the
 * default expects {@link Phase#RUNNING}, so a torn-down resource is not silently revived.
 */
public record UpdateOptions(String owner, Phase expectedPhase) {
  public static final UpdateOptions DEFAULT = new UpdateOptions("", Phase.RUNNING);

  public UpdateOptions {
    owner = owner == null ? "" : owner;
  }

  public static UpdateOptions owner(String owner) {
    return new UpdateOptions(owner, Phase.RUNNING);
  }

  public UpdateOptions anyPhase() {
    return new UpdateOptions(owner, null);
  }

  public UpdateOptions inPhase(Phase phase) {
    return new UpdateOptions(owner, phase);
  }
}
