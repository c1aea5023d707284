package dev.spindle.resources.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.network.GoNetip;
import dev.spindle.resources.network.HostnameSpec;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The value rules against Go's {@code net.ParseIP}/{@code ParseCIDR} and RFC 1123 names, case by case. */
class ValueRulesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "1.1.1.1|true", "0.0.0.0|true", "255.255.255.255|true", "256.0.0.1|false", "1.1.1|false", "1.1.1.1.1|false",
      "01.1.1.1|false", "' 1.1.1.1'|false", "::|true", "::1|true", "fd00::53|true", "2001:db8::|true",
      "2001:db8:0:0:0:0:0:1|true", "2001:db8:0:0:0:0:0:0:1|false", "2001:db8::0:0:0:0:0:1|false",
      "1:2:3:4:5:6:7::|true", "::ffff:1.2.3.4|true", "::1.2.3.4|true", "1:2:3:4:5:6:1.2.3.4|true",
      "1:2:3:4:5:6:7:1.2.3.4|false", "fe80::1%eth0|false", "[::1]|false", "1::2::3|false", ":::|false", "1:|false",
      ":1|false", "12345::|false", "g::1|false", "''|false", "dns.example|false", "::ffff:1.2.3|false"})
  void ipAddresses(String text, boolean valid) {
    assertThat(ValueRules.isIp(text)).isEqualTo(valid);
  }

  /** One address rule in Spindle: {@code isIp} is "GoNetip.parseAddr succeeds", on strings built of IP-ish parts. */
  @Test
  void ipAddressesAreExactlyWhatGoNetipParses() {
    String[] parts = {"1", "0", "ff", "FFFF", "fffff", "00", "1.2.3.4", "01.2.3.4", "1.2.3.256", ":", "::", ".",
        "%e", "1.2"};
    var random = new Random(5);
    int valid = 0;
    for (int n = 0; n < 200_000; n++) {
      var b = new StringBuilder();
      for (int i = random.nextInt(12); i >= 0; i--) {
        b.append(parts[random.nextInt(parts.length)]);
      }
      String s = b.toString();
      boolean parses;
      try {
        GoNetip.parseAddr(s);
        parses = true;
      } catch (IllegalArgumentException e) {
        parses = false;
      }
      assertThat(ValueRules.isIp(s)).as(s).isEqualTo(parses);
      assertThat(ValueRules.isIpv4(s) || ValueRules.isIpv6(s)).as(s).isEqualTo(parses);
      valid += parses ? 1 : 0;
    }
    assertThat(valid).as("the generator reaches valid addresses too").isGreaterThan(1000);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "::ffff:10.0.0.0/104|true", "::ffff:10.0.0.0/129|false",
      "10.0.0.0/8|true", "10.0.0.1/32|true", "0.0.0.0/0|true", "10.0.0.0/33|false", "10.0.0.0/08|false",
      "10.0.0.0/|false", "10.0.0.0|false", "fd00::/64|true", "fd00::/128|true", "fd00::/129|false", "/24|false",
      "10.0.0.0/-1|false"})
  void cidrs(String text, boolean valid) {
    assertThat(ValueRules.isCidr(text)).isEqualTo(valid);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "corp.example|true", "a|true", "corp.example.|true", "x-1.example|true", "1.example|true", "-a.example|false",
      "a-.example|false", "a..b|false", "a_b.example|false", ".example|false", "''|false", "a b|false"})
  void dnsNames(String text, boolean valid) {
    assertThat(ValueRules.isDnsName(text)).isEqualTo(valid);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "192.0.2.1:51820|true", "[fd00::1]:51820|true", "peer.example:51820|true", "192.0.2.1|false",
      "fd00::1:51820|false", "host:|false", ":51820|false", "host:65536|false", "[fd00::1|false"})
  void hostPorts(String text, boolean valid) {
    assertThat(ValueRules.isHostPort(text)).isEqualTo(valid);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "node-1|''", "node-1.corp.example|''", "''|invalid hostname \"\"", ".example|invalid hostname \"\"",
      "ééééééééééééééééééééééééééééééé|''", "éééééééééééééééééééééééééééééééé|invalid hostname \"éééééééééééééééééééééééééééééééé\""})
  void hostnames(String text, String problem) {
    assertThat(ValueRules.hostnameProblems(text)).isEqualTo(problem.isEmpty() ? List.of() : List.of(problem));
  }

  @Test
  void aHostnameGetsBothProblemsAsTalosReportsThem() {
    String fqdn = "h".repeat(64) + ".d".repeat(100);
    assertThat(ValueRules.hostnameProblems(fqdn))
        .containsExactly("fqdn is too long: 264", "invalid hostname \"" + "h".repeat(64) + "\"");
  }

  /** The parser's rule and the pipeline's ({@link HostnameSpec#parseFqdn}) accept and refuse the same names. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"node-1", "node-1.", "a.b.c", "''", ".x", "x..y"})
  void theParserAndThePipelineAgree(String fqdn) {
    boolean parses;
    try {
      HostnameSpec.parseFqdn(fqdn, ConfigLayer.CONFIGURATION);
      parses = true;
    } catch (IllegalArgumentException e) {
      parses = false;
    }
    assertThat(ValueRules.hostnameProblems(fqdn).isEmpty()).isEqualTo(parses);
    String longLabel = "é".repeat(32) + "." + fqdn;
    assertThat(ValueRules.hostnameProblems(longLabel)).isNotEmpty();
    assertThatThrownBy(() -> HostnameSpec.parseFqdn(longLabel, ConfigLayer.CONFIGURATION))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
