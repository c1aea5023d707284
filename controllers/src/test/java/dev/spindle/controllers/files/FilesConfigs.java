package dev.spindle.controllers.files;

import dev.spindle.resources.config.ConfigDocument;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.config.MachineFile;
import dev.spindle.resources.config.MachineSection;
import dev.spindle.resources.config.V1Alpha1Config;
import dev.spindle.runtime.testing.ControllerHarness;
import java.util.List;
import java.util.Map;

/** Machine configurations for the files tests, and applying one to a harness as apply-config would. */
final class FilesConfigs {
  private FilesConfigs() {}

  static MachineConfig of(List<MachineFile> files, ConfigDocument... documents) {
    var machine = new MachineSection("worker", Map.of(), files, null, null, false);
    return new MachineConfig("files: " + files.size() + ", documents: " + documents.length,
        new V1Alpha1Config(machine, null), List.of(documents));
  }

  static MachineFile file(String op, String path, int permissions, String content) {
    return new MachineFile(content, permissions, path, op);
  }

  static void apply(ControllerHarness h, MachineConfig config) {
    if (h.state().find(MachineConfig.DEFINITION, MachineConfig.ID).isPresent()) {
      h.updateSpec(MachineConfig.DEFINITION, MachineConfig.ID, config);
    } else {
      h.create(MachineConfig.DEFINITION, MachineConfig.ID, config);
    }
  }
}
