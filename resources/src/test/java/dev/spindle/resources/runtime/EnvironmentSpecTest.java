package dev.spindle.resources.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.spindle.resources.ConfigLayer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentSpecTest {
  @Test
  void aLayersCopyKeepsItsOrderAndNamesItsLayerForEveryVariable() {
    var variables = new LinkedHashMap<String, String>();
    variables.put("no_proxy", ".corp,10.0.0.0/8");
    variables.put("HTTPS_PROXY", "http://proxy:3128");
    var spec = EnvironmentSpec.at(ConfigLayer.CMDLINE, variables);
    assertThat(spec.variables()).containsExactly("no_proxy=.corp,10.0.0.0/8", "HTTPS_PROXY=http://proxy:3128");
    assertThat(spec.layers()).containsOnly(entry("no_proxy", ConfigLayer.CMDLINE),
        entry("HTTPS_PROXY", ConfigLayer.CMDLINE));
    assertThat(spec.asMap()).containsExactlyEntriesOf(variables);
  }

  @Test
  void valuesMayHoldEqualsSignsButEveryEntryNeedsAName() {
    assertThat(new EnvironmentSpec(List.of("A=b=c", "E="), Map.of(), null).asMap())
        .containsExactly(entry("A", "b=c"), entry("E", ""));
    assertThatThrownBy(() -> new EnvironmentSpec(List.of("=x"), Map.of(), ConfigLayer.DEFAULT))
        .hasMessage("environment entry without a name (2 characters)");
    assertThatThrownBy(() -> new EnvironmentSpec(List.of("novalue"), Map.of(), ConfigLayer.DEFAULT))
        .hasMessage("environment entry without a name (7 characters)");
  }

  /** For logs: names and layers, never values (proxy URLs may carry credentials). */
  @Test
  void toStringShowsNamesOnly() {
    var spec = EnvironmentSpec.at(ConfigLayer.CONFIGURATION, Map.of("https_proxy", "http://u:hunter2@proxy:3128"));
    assertThat(spec.toString()).contains("variables=[https_proxy]").doesNotContain("hunter2");
    var env = new Environment(List.of("https_proxy=http://u:hunter2@proxy:3128", "A="));
    assertThat(env.toString()).isEqualTo("Environment[variables=[https_proxy, A]]");
    var cmdline = new KernelCmdline("talos.environment=https_proxy=http://u:hunter2@proxy:3128 quiet");
    assertThat(cmdline.toString()).doesNotContain("hunter2");
  }
}
