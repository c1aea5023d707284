package dev.spindle.runtime.demo;

import dev.spindle.runtime.resource.ResourceDefinition;

/** Demo input: who to greet. */
public record Greeting(String name) {
  public static final ResourceDefinition<Greeting> DEFINITION =
      ResourceDefinition.of(Greeting.class, "Greetings.demo.spindle.dev").defaultNamespace("demo")
          .column("Name", "name").build();
}
