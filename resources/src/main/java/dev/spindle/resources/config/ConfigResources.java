package dev.spindle.resources.config;

import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.List;

/** Every resource definition of the config domain. */
public final class ConfigResources {
  public static final List<ResourceDefinition<?>> ALL = List.of(MachineConfig.DEFINITION);

  private ConfigResources() {}
}
