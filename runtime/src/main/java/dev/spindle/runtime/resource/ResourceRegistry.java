package dev.spindle.runtime.resource;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resource types a process knows, by type string. The API decodes specs of registered types into their records
 * (others travel as raw YAML/protobuf), and names given by users resolve against the type, display type and every
 * alias the way {@code talosctl get} resolves them.
 */
public final class ResourceRegistry {
  private final Map<String, ResourceDefinition<?>> byType = new ConcurrentHashMap<>();

  public static ResourceRegistry of(Collection<? extends ResourceDefinition<?>> definitions) {
    var registry = new ResourceRegistry();
    definitions.forEach(registry::register);
    return registry;
  }

  /** Registers a definition; registering the same type twice with a different spec class is an error. */
  public void register(ResourceDefinition<?> definition) {
    ResourceDefinition<?> previous = byType.putIfAbsent(definition.type(), definition);
    if (previous != null && previous.specClass() != definition.specClass()) {
      throw new IllegalArgumentException("resource type " + definition.type() + " is already registered with spec "
          + previous.specClass().getName());
    }
  }

  public Optional<ResourceDefinition<?>> find(String type) {
    return Optional.ofNullable(byType.get(type));
  }

  public List<ResourceDefinition<?>> all() {
    return byType.values().stream().sorted(Comparator.comparing(ResourceDefinition::type)).toList();
  }

  /** The definition a user's name refers to: type string, display type or alias, case-insensitively. */
  public Optional<ResourceDefinition<?>> resolve(String name) {
    ResourceDefinition<?> exact = byType.get(name);
    if (exact != null) {
      return Optional.of(exact);
    }
    return all().stream().filter(d -> d.matches(name)).findFirst();
  }

  /** The alias closest to an unknown name, for "did you mean" messages. */
  public Optional<String> closest(String name) {
    return closest(name, all().stream().flatMap(d -> d.allAliases().stream()).toList());
  }

  /**
   * The same rule over aliases a client learnt from published resource definitions rather than from registered
   * classes: the first alias at the smallest edit distance, if that distance is small for the name's length.
   */
  public static Optional<String> closest(String name, Collection<String> aliases) {
    String lower = name.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String alias : aliases) {
      int distance = Levenshtein.distance(lower, alias);
      if (distance < bestDistance) {
        best = alias;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance <= Math.max(2, lower.length() / 3) ? Optional.of(best) : Optional.empty();
  }
}
