package dev.spindle.runtime.state;

import dev.spindle.runtime.resource.ResourceDefinition;

/**
 * The spec of the conformance suite's test resource, the counterpart of COSI's {@code os/path} PathResource. COSI's
 * spec is empty; {@code note} lets a test change the spec without touching metadata.
 */
public record PathSpec(String note) {
  /** {@code Paths.os.spindle.dev}: our definitions need a {@code Plural.suffix} type, so COSI's {@code os/path} won't do. */
  public static final ResourceDefinition<PathSpec> DEFINITION =
      ResourceDefinition.of(PathSpec.class, "Paths.os.spindle.dev").build();

  public PathSpec {
    note = note == null ? "" : note;
  }

  public static PathSpec empty() {
    return new PathSpec("");
  }
}
