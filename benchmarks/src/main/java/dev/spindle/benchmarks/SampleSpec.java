package dev.spindle.benchmarks;

import dev.spindle.runtime.resource.ResourceDefinition;

/**
 * A small spec for the throughput benchmarks, where the spec is only carried by reference: a name and a counter.
 */
public record SampleSpec(String name, long value) {
  public static final ResourceDefinition<SampleSpec> DEFINITION =
      ResourceDefinition.of(SampleSpec.class, "Samples.bench.spindle.dev").column("Value", "value").build();
}
