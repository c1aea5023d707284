package dev.spindle.controllers.runtime;

import dev.spindle.resources.config.ConfigDocument;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.config.MachineSection;
import dev.spindle.resources.config.V1Alpha1Config;
import java.util.List;
import java.util.Map;

/** Machine configurations for the environment tests: a v1alpha1 {@code machine.env} and extra documents. */
final class Configs {
  private Configs() {}

  static MachineConfig of(Map<String, String> env, ConfigDocument... documents) {
    var machine = new MachineSection("worker", env, List.of(), null, null, false);
    return new MachineConfig("env: " + env.keySet() + ", documents: " + documents.length,
        new V1Alpha1Config(machine, null), List.of(documents));
  }
}
