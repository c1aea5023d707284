package dev.spindle.runtime.controller;

import dev.spindle.runtime.resource.ResourceDefinition;

/** Test output: a string derived from an {@link IntSpec}. */
public record StrSpec(String value) {
  public static final ResourceDefinition<StrSpec> DEFINITION =
      ResourceDefinition.of(StrSpec.class, "Strs.test.spindle.dev").column("Value", "value").build();
}
