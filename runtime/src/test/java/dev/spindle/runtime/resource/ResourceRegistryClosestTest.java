package dev.spindle.runtime.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean" suggestions, from registered definitions and from plain alias lists alike. */
class ResourceRegistryClosestTest {
  record Spec(String name) {}

  static final ResourceDefinition<Spec> LINKS =
      ResourceDefinition.of(Spec.class, "LinkStatuses.net.talos.dev").alias("links").build();

  @Test
  void suggestsTheNearestAliasWhenItIsCloseEnough() {
    var registry = ResourceRegistry.of(List.of(LINKS));

    assertThat(registry.closest("linkz")).contains("links");
    assertThat(ResourceRegistry.closest("linkz", LINKS.allAliases())).contains("links");
    assertThat(ResourceRegistry.closest("LINKSTATUSS", LINKS.allAliases())).contains("linkstatuses");
    assertThat(ResourceRegistry.closest("routes", LINKS.allAliases())).isEmpty();
    assertThat(ResourceRegistry.closest("x", List.of())).isEmpty();
  }
}
