package dev.spindle.daemon;

import dev.spindle.api.machine.ConfigRejectedException;
import dev.spindle.resources.config.MachineConfig;
import java.util.List;

/** Turns machine configuration text into a validated {@link MachineConfig}, or every located problem with it. */
@FunctionalInterface
interface ConfigParsing {
  Parsed parse(String text, String source) throws ConfigRejectedException;

  record Parsed(MachineConfig config, List<String> warnings) {
    public Parsed {
      warnings = List.copyOf(warnings);
    }
  }
}
