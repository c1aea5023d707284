package dev.spindle.api.client;

import dev.spindle.runtime.resource.ResourceDefinition;

/** A sensitive test type: only admins may read its specs. */
public record SecretSpec(String key) {
  public static final ResourceDefinition<SecretSpec> DEFINITION =
      ResourceDefinition.of(SecretSpec.class, "Secrets.test.spindle.dev").sensitive().build();
}
