package dev.spindle.runtime.controller;

import dev.spindle.runtime.resource.ResourceDefinition;

/** Test input: an integer, as in COSI's runtime conformance suite. */
public record IntSpec(int value) {
  public static final ResourceDefinition<IntSpec> DEFINITION =
      ResourceDefinition.of(IntSpec.class, "Ints.test.spindle.dev").column("Value", "value").build();
}
