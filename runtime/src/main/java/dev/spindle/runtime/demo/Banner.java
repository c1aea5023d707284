package dev.spindle.runtime.demo;

import dev.spindle.runtime.resource.ResourceDefinition;

/** Demo output: the banner derived from a {@link Greeting}. */
public record Banner(String text, int width) {
  public static final ResourceDefinition<Banner> DEFINITION =
      ResourceDefinition.of(Banner.class, "Banners.demo.spindle.dev").defaultNamespace("demo")
          .column("Text", "text").build();
}
