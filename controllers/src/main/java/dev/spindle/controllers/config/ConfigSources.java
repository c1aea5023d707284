package dev.spindle.controllers.config;

import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.runtime.KernelCmdline;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceReader;
import java.util.Optional;

/** The sources most config controllers read, as inputs to declare and as typed reads. */
public final class ConfigSources {
  /** The machine configuration (only the {@code v1alpha1} id, as Talos's config controllers watch it). */
  public static final Input MACHINE_CONFIG = Input.weak(MachineConfig.DEFINITION).withId(MachineConfig.ID);
  public static final Input KERNEL_CMDLINE = Input.weak(KernelCmdline.DEFINITION).withId(KernelCmdline.ID);

  private ConfigSources() {}

  public static Optional<MachineConfig> machineConfig(ResourceReader sources) {
    return sources.find(MachineConfig.DEFINITION, MachineConfig.ID).map(Resource::spec);
  }

  /** The kernel command line, or {@code ""} when the node has none (a container, or not read yet). */
  public static String cmdline(ResourceReader sources) {
    return sources.find(KernelCmdline.DEFINITION, KernelCmdline.ID).map(r -> r.spec().cmdline()).orElse("");
  }
}
