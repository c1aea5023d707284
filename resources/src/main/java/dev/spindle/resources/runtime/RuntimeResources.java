package dev.spindle.resources.runtime;

import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.List;

/** Every resource definition of the runtime domain. */
public final class RuntimeResources {
  public static final List<ResourceDefinition<? extends RuntimeSpec>> ALL = List.of(KernelCmdline.DEFINITION,
      Environment.DEFINITION, EnvironmentSpec.DEFINITION, OutboundHttpStatus.DEFINITION);

  private RuntimeResources() {}
}
