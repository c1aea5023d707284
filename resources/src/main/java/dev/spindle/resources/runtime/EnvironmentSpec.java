package dev.spindle.resources.runtime;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.Layered;
import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment variables one configuration layer sets ({@code runtime-config}, id {@code <layer>/environment}) or
 * their merge ({@code runtime}, id {@code environment}). This type is Spindle's: Talos concatenates the kernel command
 * line's and the configuration's variables into the process environment without a spec in between. Spindle keeps
 * Talos's outcome (per name, the configuration beats {@code talos.environment=}) but goes through the usual
 * config → merge stages so {@code spindlectl get} shows where each variable came from.
 *
 * <p>{@code variables} are {@code NAME=value}, one per name: in a layered copy in the order the layer's sources give
 * them, in the merge sorted by name. {@code layers} says, per name, which layer the value came from, and
 * {@code layer} is the highest layer that contributed: the merge keeps every variable, not one layer's copy, so a
 * single layer could not say it. Sensitive, as {@link Environment}: proxy URLs may carry passwords.
 */
public record EnvironmentSpec(
    @ProtoField(1) List<String> variables,
    @ProtoField(2) Map<String, ConfigLayer> layers,
    @ProtoField(3) ConfigLayer layer) implements RuntimeSpec, Layered {
  public static final String ID = "environment";

  public static final ResourceDefinition<EnvironmentSpec> DEFINITION =
      ResourceDefinition.of(EnvironmentSpec.class, "EnvironmentSpecs.runtime.talos.dev")
          .defaultNamespace(RuntimeNamespaces.RUNTIME)
          .sensitive()
          .alias("envspec")
          .column("Layer", "layer")
          .column("Variables", "variables")
          .build();

  public EnvironmentSpec {
    variables = List.copyOf(variables);
    for (String entry : variables) {
      if (entry.indexOf('=') <= 0) {
        // the entry is not shown: it may be a value (a credential) that lost its name
        throw new IllegalArgumentException("environment entry without a name (" + entry.length() + " characters)");
      }
    }
    layers = Collections.unmodifiableMap(new TreeMap<>(layers));
    layer = layer == null ? ConfigLayer.DEFAULT : layer;
  }

  /** One layer's copy: every variable from {@code layer}, in the given order. */
  public static EnvironmentSpec at(ConfigLayer layer, Map<String, String> variables) {
    var layers = new LinkedHashMap<String, ConfigLayer>();
    variables.keySet().forEach(name -> layers.put(name, layer));
    return new EnvironmentSpec(entries(variables), layers, layer);
  }

  /** The variables as a map, in {@link #variables} order. */
  public Map<String, String> asMap() {
    var out = new LinkedHashMap<String, String>();
    for (String entry : variables) {
      int eq = entry.indexOf('=');
      out.put(entry.substring(0, eq), entry.substring(eq + 1));
    }
    return Collections.unmodifiableMap(out);
  }

  /** {@code NAME=value} entries in map order. */
  public static List<String> entries(Map<String, String> variables) {
    return variables.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }

  /** Names only, for logs: values may hold proxy credentials. */
  @Override
  public String toString() {
    return "EnvironmentSpec[variables=" + variables.stream().map(v -> v.substring(0, Math.max(v.indexOf('='), 0))).toList() + ", layers=" + layers + ", layer="
        + layer + "]";
  }
}
