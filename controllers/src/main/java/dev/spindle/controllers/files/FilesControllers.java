package dev.spindle.controllers.files;

import dev.spindle.platform.files.NodeFiles;
import dev.spindle.runtime.controller.Controller;
import java.util.List;

/**
 * Every controller of the files domain, writing below the node's root: {@code /} on Linux, a temporary directory
 * on the simulated node.
 */
public final class FilesControllers {
  private FilesControllers() {}

  public static List<Controller> all(NodeFiles files) {
    return List.of(new EtcFileSpecController(files), new TrustedRootsController(), new MachineFilesController(files));
  }
}
