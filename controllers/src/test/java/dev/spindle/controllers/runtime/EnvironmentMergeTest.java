package dev.spindle.controllers.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.runtime.EnvironmentSpec;
import dev.spindle.resources.runtime.RuntimeNamespaces;
import dev.spindle.runtime.resource.Resource;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentMergeTest {
  private static Resource<EnvironmentSpec> copy(ConfigLayer layer, String... entries) {
    var variables = new LinkedHashMap<String, String>();
    for (String e : entries) {
      variables.put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
    }
    return Resource.of(EnvironmentSpec.DEFINITION, RuntimeNamespaces.RUNTIME_CONFIG, layer.id(EnvironmentSpec.ID),
        EnvironmentSpec.at(layer, variables));
  }

  private static Map<String, EnvironmentSpec> merge(List<Resource<EnvironmentSpec>> inputs) {
    return new EnvironmentMerge().merge(inputs.stream().sorted(Comparator.comparing(Resource::id)).toList());
  }

  @Test
  void perNameTheConfigurationBeatsTheCommandLineAndEveryNameIsKept() {
    var merged = merge(List.of(
        copy(ConfigLayer.CMDLINE, "http_proxy=http://cmdline:3128", "NO_PROXY=.corp"),
        copy(ConfigLayer.CONFIGURATION, "http_proxy=http://config:3128", "HTTPS_PROXY=http://config:3128")));
    EnvironmentSpec spec = merged.get(EnvironmentSpec.ID);
    assertThat(merged).containsOnlyKeys(EnvironmentSpec.ID);
    assertThat(spec.variables()).containsExactly("HTTPS_PROXY=http://config:3128", "NO_PROXY=.corp",
        "http_proxy=http://config:3128");
    assertThat(spec.layers()).containsExactly(entry("HTTPS_PROXY", ConfigLayer.CONFIGURATION),
        entry("NO_PROXY", ConfigLayer.CMDLINE), entry("http_proxy", ConfigLayer.CONFIGURATION));
    assertThat(spec.layer()).isEqualTo(ConfigLayer.CONFIGURATION);
  }

  @Test
  void theLayerIsTheHighestContributor() {
    var spec = merge(List.of(copy(ConfigLayer.DEFAULT, "A=0"), copy(ConfigLayer.CMDLINE, "B=1")))
        .get(EnvironmentSpec.ID);
    assertThat(spec.layer()).isEqualTo(ConfigLayer.CMDLINE);
    assertThat(spec.asMap()).containsExactly(entry("A", "0"), entry("B", "1"));
  }

  @Test
  void nothingToMergeIsNoSpec() {
    assertThat(merge(List.of())).isEmpty();
  }

  @Test
  void theInputOrderDoesNotMatterAcrossLayers() {
    var a = copy(ConfigLayer.CONFIGURATION, "X=config");
    var b = copy(ConfigLayer.CMDLINE, "X=cmdline");
    assertThat(new EnvironmentMerge().merge(List.of(a, b))).isEqualTo(new EnvironmentMerge().merge(List.of(b, a)));
    assertThat(new EnvironmentMerge().merge(List.of(b, a)).get(EnvironmentSpec.ID).asMap())
        .containsExactly(entry("X", "config"));
  }
}
