package dev.spindle.controllers.runtime;

import dev.spindle.controllers.config.LayerMergeController;
import dev.spindle.platform.runtime.CmdlineSource;
import dev.spindle.resources.runtime.EnvironmentSpec;
import dev.spindle.resources.runtime.RuntimeNamespaces;
import dev.spindle.runtime.controller.Controller;
import java.util.List;

/** Every controller of the runtime domain (kernel command line, environment), wired to its ports. */
public final class RuntimeControllers {
  private RuntimeControllers() {}

  public static List<Controller> all(CmdlineSource cmdline) {
    return List.of(
        new KernelCmdlineController(cmdline),
        new EnvironmentConfigController(),
        environmentMerge(),
        new EnvironmentController());
  }

  /** {@code runtime.EnvironmentMergeController}: {@code runtime-config} → {@code runtime}, per variable. */
  public static LayerMergeController<EnvironmentSpec> environmentMerge() {
    return new LayerMergeController<>("runtime.EnvironmentMergeController", EnvironmentSpec.DEFINITION,
        RuntimeNamespaces.RUNTIME_CONFIG, RuntimeNamespaces.RUNTIME, new EnvironmentMerge());
  }
}
