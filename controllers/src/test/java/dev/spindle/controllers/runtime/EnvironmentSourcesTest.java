package dev.spindle.controllers.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.spindle.resources.config.EnvironmentConfig;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.config.MachineConfigParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class EnvironmentSourcesTest {
  private static final String PROXY = "http://proxy.example.com:8080";

  /** Talos's internal/pkg/environment/environment_test.go, reference §4.1. */
  static Stream<Arguments> talosVectors() {
    return Stream.of(
        Arguments.of("", null, List.of()),
        Arguments.of("", Configs.of(Map.of("http_proxy", PROXY)), List.of("http_proxy=" + PROXY)),
        Arguments.of("talos.environment=foo=bar talos.environment=bar=baz", null, List.of("foo=bar", "bar=baz")),
        Arguments.of("talos.environment=foo=bar", Configs.of(Map.of("http_proxy", PROXY)),
            List.of("foo=bar", "http_proxy=" + PROXY)));
  }

  @ParameterizedTest
  @MethodSource("talosVectors")
  void theConcatenatedListIsTalos(String cmdline, MachineConfig config, List<String> expected) {
    assertThat(EnvironmentSources.concatenated(cmdline, config)).containsExactlyElementsOf(expected);
  }

  /** The same vectors through the layers: each layer holds its part, and the merge's winners are Talos's. */
  @ParameterizedTest
  @MethodSource("talosVectors")
  void theLayersSplitTheSameList(String cmdline, MachineConfig config, List<String> expected) {
    var both = new LinkedHashMap<>(EnvironmentSources.cmdline(cmdline).variables());
    both.putAll(EnvironmentSources.configuration(config).variables());
    assertThat(both).containsExactlyEntriesOf(lastWins(expected));
  }

  @Test
  void repeatedCommandLineNamesKeepTheLastValue() {
    var layer = EnvironmentSources.cmdline("talos.environment=A=1 quiet talos.environment=B=2 talos.environment=A=3");
    assertThat(layer.variables()).containsExactly(entry("A", "3"), entry("B", "2"));
    assertThat(layer.dropped()).isEmpty();
  }

  @Test
  void theValueIsEverythingAfterTheFirstEquals() {
    assertThat(EnvironmentSources.cmdline("talos.environment=NO_PROXY=a=b,c talos.environment=E=").variables())
        .containsExactly(entry("NO_PROXY", "a=b,c"), entry("E", ""));
  }

  @Test
  void badCommandLineEntriesAreDroppedWithoutTheirValues() {
    var layer = EnvironmentSources.cmdline("talos.environment=http://user:secret@proxy talos.environment "
        + "talos.environment=1X=v talos.environment=A-B=v talos.environment==v talos.environment=OK=1");
    assertThat(layer.variables()).containsExactly(entry("OK", "1"));
    assertThat(layer.dropped()).containsExactly(
        "talos.environment #1: no \"=\" between a name and a value",
        "talos.environment #2: no \"=\" between a name and a value",
        "talos.environment #3: invalid environment variable name: \"1X\"",
        "talos.environment #4: invalid environment variable name: \"A-B\"",
        "talos.environment #5: invalid environment variable name: \"\"");
    assertThat(String.join(" ", layer.dropped())).doesNotContain("secret");
  }

  @Test
  void aMissingEqualsNeverLeaksTheValue() {
    var layer = EnvironmentSources.cmdline("talos.environment=hunter2");
    assertThat(layer.dropped()).containsExactly("talos.environment #1: no \"=\" between a name and a value");
  }

  @Test
  void configurationIsMachineEnvThenEachDocumentLaterReplacingEarlier() {
    var env = new LinkedHashMap<String, String>();
    env.put("http_proxy", "http://old:3128");
    env.put("GRPC_GO_LOG_SEVERITY_LEVEL", "error");
    var config = Configs.of(env, new EnvironmentConfig(Map.of("http_proxy", "http://doc1:3128", "A", "1")),
        new EnvironmentConfig(Map.of("A", "2")));
    assertThat(EnvironmentSources.configuration(config).variables()).containsOnly(
        entry("http_proxy", "http://doc1:3128"), entry("GRPC_GO_LOG_SEVERITY_LEVEL", "error"), entry("A", "2"));
  }

  @Test
  void machineEnvNamesOutsidePosixAreDroppedByName() {
    var env = new LinkedHashMap<String, String>();
    env.put("1WEIRD-name", "ok");
    env.put("A=B", "x");
    env.put("", "y");
    env.put("http.proxy", "http://user:hunter2@proxy:3128");
    env.put("bad\nname", "z");
    env.put("https_proxy", "http://proxy:3128");
    var layer = EnvironmentSources.configuration(Configs.of(env));
    assertThat(layer.variables()).containsOnly(entry("https_proxy", "http://proxy:3128"));
    assertThat(layer.dropped()).containsExactly(
        "machine.env: invalid environment variable name: \"1WEIRD-name\"",
        "machine.env: invalid environment variable name: \"A=B\"",
        "machine.env: invalid environment variable name: \"\"",
        "machine.env: invalid environment variable name: \"http.proxy\"",
        "machine.env: invalid environment variable name: \"bad\\nname\"");
    assertThat(String.join(" ", layer.dropped())).doesNotContain("hunter2").doesNotContain("ok");
  }

  /** The parser accepts any machine.env name, as Talos does; the pipeline is where such a name is refused. */
  @Test
  void aParsedMachineEnvWithANonPosixNameIsAcceptedThenDropped() throws Exception {
    var config = MachineConfigParser.parse(
        "machine:\n  env:\n    http.proxy: http://p:3128\n    1X: a\n    no_proxy: .corp\n", "cfg.yaml");
    var layer = EnvironmentSources.configuration(config);
    assertThat(layer.variables()).containsOnly(entry("no_proxy", ".corp"));
    assertThat(layer.dropped()).containsExactly(
        "machine.env: invalid environment variable name: \"http.proxy\"",
        "machine.env: invalid environment variable name: \"1X\"");
  }

  @Test
  void noConfigurationIsNoVariables() {
    assertThat(EnvironmentSources.configuration(null).variables()).isEmpty();
  }

  private static Map<String, String> lastWins(List<String> entries) {
    var out = new LinkedHashMap<String, String>();
    entries.forEach(e -> out.put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1)));
    return out;
  }
}
