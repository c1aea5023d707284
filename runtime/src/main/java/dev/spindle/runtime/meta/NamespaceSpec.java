package dev.spindle.runtime.meta;

import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;

/** A namespace of the state, listed as a COSI {@code Namespaces.meta.cosi.dev} resource. */
public record NamespaceSpec(@ProtoField(1) String description) {
  public static final String META = "meta";

  public static final ResourceDefinition<NamespaceSpec> DEFINITION =
      ResourceDefinition.of(NamespaceSpec.class, "Namespaces.meta.cosi.dev").defaultNamespace(META).alias("ns")
          .build();
}
