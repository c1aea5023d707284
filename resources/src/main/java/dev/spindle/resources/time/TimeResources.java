package dev.spindle.resources.time;

import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.List;

/** Every resource definition of the time domain. */
public final class TimeResources {
  public static final List<ResourceDefinition<? extends TimeSpec>> ALL = List.of(TimeStatus.DEFINITION);

  private TimeResources() {}
}
