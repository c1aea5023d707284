package dev.spindle.resources.network;

import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.Objects;

/**
 * Which alias a physical link should have (id = the link name), as Talos's {@code LinkAliasSpec}: written by
 * {@code LinkAliasConfigController} from the {@code LinkAliasConfig} documents; a link that should have no alias has
 * no resource. Link names in the configuration resolve through these aliases.
 */
public record LinkAliasSpec(@ProtoField(1) String alias) implements NetworkSpec {
  public static final ResourceDefinition<LinkAliasSpec> DEFINITION =
      ResourceDefinition.of(LinkAliasSpec.class, "LinkAliasSpecs.net.talos.dev")
          .defaultNamespace(Namespaces.NETWORK)
          .column("Alias", "alias")
          .build();

  public LinkAliasSpec {
    Objects.requireNonNull(alias, "alias");
  }
}
