package dev.spindle.controllers.runtime;

import dev.spindle.controllers.config.LayerMerge;
import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.runtime.EnvironmentSpec;
import dev.spindle.runtime.resource.Resource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the environment's layers fold: per variable name, the highest layer wins (between copies of one layer, the
 * later id), and every name of every layer is kept. That is Talos's outcome, where the command line's variables are
 * set first and the configuration's after them, so the configuration overrides a name both set and keeps the rest.
 * The result (id {@code environment}) lists the variables sorted by name with each one's layer.
 */
public final class EnvironmentMerge implements LayerMerge<EnvironmentSpec> {
  @Override
  public Map<String, EnvironmentSpec> merge(List<Resource<EnvironmentSpec>> inputsInIdOrder) {
    var values = new TreeMap<String, String>();
    var layers = new TreeMap<String, ConfigLayer>();
    inputsInIdOrder.stream()
        .map(Resource::spec)
        .sorted(Comparator.comparing(EnvironmentSpec::layer)) // stable: id order within a layer
        .forEach(spec -> spec.asMap().forEach((name, value) -> {
          values.put(name, value);
          layers.put(name, spec.layer());
        }));
    if (values.isEmpty()) {
      return Map.of();
    }
    ConfigLayer top = layers.values().stream().max(Comparator.naturalOrder()).orElseThrow();
    return Map.of(EnvironmentSpec.ID, new EnvironmentSpec(EnvironmentSpec.entries(values), layers, top));
  }
}
