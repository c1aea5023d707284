package dev.spindle.controllers.config;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.Layered;
import dev.spindle.runtime.resource.ResourceDefinition;

/** A minimal layered spec for testing the generic config and merge stages. */
record NoteSpec(String object, String value, ConfigLayer layer) implements Layered {
  static final String CONFIG = "test-config";
  static final String FINAL = "test";

  static final ResourceDefinition<NoteSpec> DEFINITION =
      ResourceDefinition.of(NoteSpec.class, "NoteSpecs.test.spindle.dev").defaultNamespace(FINAL).build();
}
