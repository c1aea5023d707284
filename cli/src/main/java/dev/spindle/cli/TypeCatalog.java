package dev.spindle.cli;

import dev.spindle.runtime.meta.NamespaceSpec;
import dev.spindle.runtime.meta.ResourceDefinitionSpec;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceKind;
import dev.spindle.runtime.resource.ResourceRegistry;
import dev.spindle.runtime.state.State;
import java.util.List;
import java.util.Optional;

/**
 * The types a node has registered, read once per invocation from its resource definitions, and the resolution of
 * the name a user typed ({@code links}, {@code ls}, {@code LinkStatus}, {@code LinkStatuses.net.talos.dev}) to one
 * of them.
 */
final class TypeCatalog {
  static final ResourceKind DEFINITIONS =
      new ResourceKind(NamespaceSpec.META, ResourceDefinitionSpec.DEFINITION.type());

  private final List<TypeInfo> types;
  private final List<Resource<?>> definitions;

  private TypeCatalog(List<TypeInfo> types, List<Resource<?>> definitions) {
    this.types = types;
    this.definitions = definitions;
  }

  static TypeCatalog load(State state) {
    List<Resource<?>> definitions = state.list(DEFINITIONS);
    return new TypeCatalog(definitions.stream()
        .map(rd -> TypeInfo.fromSpec(rd.id(), SpecTrees.typed(rd)))
        .toList(), List.copyOf(definitions));
  }

  static TypeCatalog of(List<TypeInfo> types) {
    return new TypeCatalog(List.copyOf(types), List.of());
  }

  /** The resource definitions as listed by {@link #load}, in the node's order. */
  List<Resource<?>> definitions() {
    return definitions;
  }

  /** @throws CliException NOT_FOUND with a suggestion, or ERROR if the name matches several types */
  TypeInfo resolve(String name) {
    List<TypeInfo> matched = types.stream().filter(t -> t.matches(name)).toList();
    if (matched.size() == 1) {
      return matched.getFirst();
    }
    if (matched.size() > 1) {
      throw new CliException(ExitStatus.ERROR, "resource type \"" + name + "\" is ambiguous: "
          + matched.stream().map(TypeInfo::id).toList().toString().replace(", ", " "));
    }
    Optional<String> suggestion = ResourceRegistry.closest(name,
        types.stream().flatMap(t -> t.allAliases().stream()).toList());
    throw new CliException(ExitStatus.NOT_FOUND, "resource type \"" + name + "\" is not registered"
        + suggestion.map(s -> "; did you mean \"" + s + "\"?").orElse(""));
  }
}
