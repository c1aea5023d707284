package dev.spindle.controllers.config;

import dev.spindle.resources.Layered;
import dev.spindle.runtime.resource.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How the layered copies of an object fold into the final spec: a pure function from the config namespace's specs
 * (in id order) to the final specs by final id. The common rules are here; objects with their own rules (resolvers,
 * time servers) supply a lambda.
 */
@FunctionalInterface
public interface LayerMerge<S extends Layered> {
  Map<String, S> merge(List<Resource<S>> inputsInIdOrder);

  /**
   * One final spec per object key: the highest layer wins and, between copies of the same layer, the later id wins
   * (Talos's rule for addresses, routes, links and operators).
   */
  static <S extends Layered> LayerMerge<S> highestLayerWins(Function<S, String> objectId) {
    return inputs -> pick(inputs, objectId, true);
  }

  /** As {@link #highestLayerWins}, but between copies of the same layer the first id wins (Talos's hostname rule). */
  static <S extends Layered> LayerMerge<S> highestLayerFirstWins(Function<S, String> objectId) {
    return inputs -> pick(inputs, objectId, false);
  }

  private static <S extends Layered> Map<String, S> pick(List<Resource<S>> inputs, Function<S, String> objectId,
      boolean laterWinsTies) {
    var merged = new LinkedHashMap<String, S>();
    for (Resource<S> input : inputs) {
      S spec = input.spec();
      merged.merge(objectId.apply(spec), spec, (kept, next) -> {
        int order = next.layer().compareTo(kept.layer());
        return order > 0 || (order == 0 && laterWinsTies) ? next : kept;
      });
    }
    return merged;
  }
}
