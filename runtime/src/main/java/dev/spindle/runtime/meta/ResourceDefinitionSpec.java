package dev.spindle.runtime.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;
import dev.spindle.runtime.resource.Sensitivity;
import java.util.List;

/**
 * A registered resource type, as COSI publishes it in {@code ResourceDefinitions.meta.cosi.dev}: what
 * {@code spindlectl get rd} lists and what clients resolve aliases and print columns from. The resource id is the
 * lower-cased type.
 */
public record ResourceDefinitionSpec(
    @ProtoField(1) String type,
    @ProtoField(2) String displayType,
    @ProtoField(3) String defaultNamespace,
    @ProtoField(4) List<String> aliases,
    @ProtoField(5) List<String> allAliases,
    @ProtoField(6) List<PrintColumnSpec> printColumns,
    @ProtoField(7) @JsonInclude(JsonInclude.Include.NON_DEFAULT) Sensitivity sensitivity) {

  public static final ResourceDefinition<ResourceDefinitionSpec> DEFINITION =
      ResourceDefinition.of(ResourceDefinitionSpec.class, "ResourceDefinitions.meta.cosi.dev")
          .defaultNamespace(NamespaceSpec.META).alias("api-resources").column("Aliases", "aliases[:]").build();

  public ResourceDefinitionSpec {
    aliases = List.copyOf(aliases);
    allAliases = List.copyOf(allAliases);
    printColumns = List.copyOf(printColumns);
    sensitivity = sensitivity == null ? Sensitivity.NON_SENSITIVE : sensitivity;
  }

  public static ResourceDefinitionSpec of(ResourceDefinition<?> definition) {
    return new ResourceDefinitionSpec(definition.type(), definition.displayType(), definition.defaultNamespace(),
        definition.aliases(), definition.allAliases(),
        definition.printColumns().stream().map(c -> new PrintColumnSpec(c.name(), c.jsonPath())).toList(),
        definition.sensitivity());
  }

  public boolean sensitive() {
    return sensitivity == Sensitivity.SENSITIVE;
  }
}
