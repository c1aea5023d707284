package dev.spindle.daemon;

import dev.spindle.api.machine.ConfigRejectedException;
import dev.spindle.resources.config.ConfigProblem;
import dev.spindle.resources.config.MachineConfigParser;
import dev.spindle.resources.config.ValidationMode;

/**
 * The daemon's configuration check: {@link MachineConfigParser} in container mode (Spindle installs nothing to a
 * disk, so {@code machine.install} need not name one), its problems as located one-line messages.
 */
final class MachineConfigParsing implements ConfigParsing {
  @Override
  public Parsed parse(String text, String source) throws ConfigRejectedException {
    var result = MachineConfigParser.check(text, source, ValidationMode.CONTAINER);
    if (!result.valid()) {
      throw new ConfigRejectedException(result.errors().stream().map(ConfigProblem::message).toList());
    }
    return new Parsed(result.config(), result.warnings().stream().map(ConfigProblem::message).toList());
  }
}
