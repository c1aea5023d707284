package dev.spindle.api.machine;

import dev.spindle.runtime.resource.ResourceChange;
import java.util.List;

/**
 * What the node does with a machine configuration sent by {@code apply-config}: validate it whole, then either
 * replace the running configuration in one step or, for a dry run, only report what would change. The gRPC service
 * knows nothing of parsing or controllers; the daemon supplies this.
 */
public interface ConfigApplier {
  /**
   * @param source a name for the configuration in messages ({@code apply-config})
   * @throws ConfigRejectedException when the configuration is invalid; nothing was changed
   */
  Outcome apply(String text, String source, boolean dryRun) throws ConfigRejectedException;

  /** The validator's warnings and the resources that changed (or, for a dry run, would change), sorted. */
  record Outcome(List<String> warnings, List<ResourceChange> changes) {
    public Outcome {
      warnings = List.copyOf(warnings);
      changes = List.copyOf(changes);
    }
  }
}
