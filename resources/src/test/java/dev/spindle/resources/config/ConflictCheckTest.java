package dev.spindle.resources.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Talos's {@code V1Alpha1ConflictValidate} rules, on plain records. */
class ConflictCheckTest {
  private static MachineSection machine(NetworkSection network, TimeSection time, boolean stableHostname) {
    return new MachineSection("worker", Map.of(), List.of(), time, network, stableHostname);
  }

  @Test
  void resolverSettingsInBothConflict() {
    var network = new NetworkSection("", List.of("10.0.0.53"), List.of(), true, List.of());
    assertThat(ConflictCheck.conflicts(new ResolverConfig(List.of(), null), machine(network, null, false)))
        .containsExactly(".machine.network.searchDomains is already set in v1alpha1 config",
            ".machine.network.nameservers is already set in v1alpha1 config",
            ".machine.network.disableSearchDomain is already set in v1alpha1 config");
    assertThat(ConflictCheck.conflicts(new ResolverConfig(List.of(), null), MachineSection.EMPTY)).isEmpty();
  }

  @Test
  void timeSettingsInBothConflictButAnEmptyServerListDoesNot() {
    var doc = new TimeSyncConfig(true, Duration.ZERO, List.of("a"), false, null);
    assertThat(ConflictCheck.conflicts(doc,
        machine(NetworkSection.EMPTY, new TimeSection(true, List.of("b"), Duration.ofSeconds(1)), false)))
        .containsExactly("time sync cannot be disabled in both v1alpha1 and new-style configuration",
            "time servers cannot be specified in both v1alpha1 and new-style configuration",
            "boot timeout cannot be specified in both v1alpha1 and new-style configuration");
    assertThat(ConflictCheck.conflicts(doc,
        machine(NetworkSection.EMPTY, new TimeSection(false, List.of(), Duration.ZERO), false))).isEmpty();
  }

  @Test
  void hostnameSettingsInBothConflict() {
    var network = new NetworkSection("node-1", List.of(), null, false, List.of());
    assertThat(ConflictCheck.conflicts(new HostnameConfig(null, AutoHostname.STABLE), machine(network, null, true)))
        .containsExactly("static hostname is already set in v1alpha1 config",
            "stable hostname is already set in v1alpha1 config");
  }

  @Test
  void environmentAndTrustedRootsNeverConflict() {
    var m = machine(new NetworkSection("n", List.of("10.0.0.53"), List.of(), true, List.of()), null, true);
    assertThat(ConflictCheck.conflicts(new EnvironmentConfig(Map.of("A", "1")), m)).isEmpty();
    assertThat(ConflictCheck.conflicts(new TrustedRootsConfig("x", ""), m)).isEmpty();
  }
}
