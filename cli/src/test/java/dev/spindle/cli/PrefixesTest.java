package dev.spindle.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.IpPrefix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's {@code netip.ParsePrefix} and siderolabs/net's {@code NthIPInNetwork}, as tables. */
class PrefixesTest {
  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource(delimiter = '|', value = {
      "10.1.0.0/24|2|10.1.0.2", "10.1.0.0/24|255|10.1.0.255", "10.1.0.250/23|10|10.1.1.4", "fd00::/64|2|fd00::2",
      "fd00::ffff/64|1|fd00::1:0", "10.0.0.0/0|16777216|11.0.0.0", "10.1.0.0/32|0|10.1.0.0"})
  void nth(String network, int n, String expected) {
    assertThat(Prefixes.nth(Prefixes.parse(network), n)).isEqualTo(IpAddr.parse(expected));
  }

  @ParameterizedTest(name = "{0} + {1} leaves it")
  @CsvSource(delimiter = '|', value = {"10.1.0.0/24|256", "10.1.0.0/32|1", "255.255.255.255/32|1",
      "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128|1", "fd00::/120|300"})
  void nthOutside(String network, int n) {
    assertThatThrownBy(() -> Prefixes.nth(Prefixes.parse(network), n))
        .hasMessage("network does not contain enough IPs");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "10.1.0.0|netip.ParsePrefix(\"10.1.0.0\"): no '/'",
      "10.1.0/24|netip.ParsePrefix(\"10.1.0/24\"): ParseAddr(\"10.1.0\"): IPv4 address too short",
      "10.1.0.0/33|netip.ParsePrefix(\"10.1.0.0/33\"): prefix length out of range",
      "10.1.0.0/x|netip.ParsePrefix(\"10.1.0.0/x\"): bad bits after slash: \"x\"",
      "10.1.0.0/08|netip.ParsePrefix(\"10.1.0.0/08\"): bad bits after slash: \"08\"",
      "fd00::/129|netip.ParsePrefix(\"fd00::/129\"): prefix length out of range"})
  void parseErrors(String text, String message) {
    assertThatThrownBy(() -> Prefixes.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"10.1.0.0/24", "10.1.0.5/24", "fd00::/64", "0.0.0.0/0"})
  void parses(String text) {
    assertThat(Prefixes.parse(text)).isEqualTo(IpPrefix.parse(text));
  }
}
