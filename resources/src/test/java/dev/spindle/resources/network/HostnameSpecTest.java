package dev.spindle.resources.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.runtime.codec.ResourceYaml;
import dev.spindle.runtime.resource.PrintColumn;
import org.junit.jupiter.api.Test;

class HostnameSpecTest {
  @Test
  void theTalosVectorPrintsByteForByteAndReadsBack() {
    var spec = new HostnameSpec("foo", "example.com", ConfigLayer.PLATFORM);
    String yaml = "hostname: foo\ndomainname: example.com\nlayer: platform\n";
    assertThat(ResourceYaml.encodeSpec(spec)).isEqualTo(yaml);
    assertThat(ResourceYaml.decodeSpec(yaml, HostnameSpec.class)).isEqualTo(spec);
  }

  @Test
  void anFqdnSplitsAtTheFirstDot() {
    assertThat(HostnameSpec.parseFqdn("master1.domain.tld", ConfigLayer.CMDLINE))
        .isEqualTo(new HostnameSpec("master1", "domain.tld", ConfigLayer.CMDLINE));
    assertThat(HostnameSpec.parseFqdn("foo", ConfigLayer.CONFIGURATION))
        .isEqualTo(new HostnameSpec("foo", "", ConfigLayer.CONFIGURATION));
  }

  @Test
  void invalidNamesAreRefusedInTalosWords() {
    assertThatThrownBy(() -> HostnameSpec.parseFqdn("", ConfigLayer.CMDLINE))
        .hasMessage("invalid hostname \"\"");
    assertThatThrownBy(() -> HostnameSpec.parseFqdn(".example.com", ConfigLayer.CMDLINE))
        .hasMessage("invalid hostname \"\"");
    String longName = "a".repeat(64);
    assertThatThrownBy(() -> HostnameSpec.parseFqdn(longName, ConfigLayer.CMDLINE))
        .hasMessage("invalid hostname \"" + longName + "\"");
    String longDomain = "b".repeat(250);
    assertThatThrownBy(() -> HostnameSpec.parseFqdn("host." + longDomain, ConfigLayer.CMDLINE))
        .hasMessage("fqdn is too long: 255");
    assertThat(HostnameSpec.parseFqdn("a".repeat(63), ConfigLayer.CMDLINE).hostname()).hasSize(63);
  }

  @Test
  void theStatusHasTalosColumnsAndAlias() {
    assertThat(HostnameStatus.DEFINITION.type()).isEqualTo("HostnameStatuses.net.talos.dev");
    assertThat(HostnameStatus.DEFINITION.aliases()).startsWith("hostname");
    assertThat(HostnameStatus.DEFINITION.printColumns()).containsExactly(new PrintColumn("Hostname", "hostname"),
        new PrintColumn("Domainname", "domainname"));
    assertThat(HostnameSpec.DEFINITION.printColumns()).isEmpty();
    assertThat(ResourceYaml.encodeSpec(new HostnameStatus("foo", ""))).isEqualTo("hostname: foo\ndomainname: \"\"\n");
  }
}
