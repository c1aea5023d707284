package dev.spindle.platform.wireguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing as Go's {@code netip.ParsePrefix} does (Talos validates allowed IPs with it), without name lookups. */
class AllowedIpTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "10.0.0.1/24          | 10.0.0.1/24           | 10.0.0.0/24      | false",
      "10.0.0.1             | 10.0.0.1/32           | 10.0.0.1/32      | false",
      "0.0.0.0/0            | 0.0.0.0/0             | 0.0.0.0/0        | false",
      "255.255.255.255/32   | 255.255.255.255/32    | 255.255.255.255/32 | false",
      "fd00::5/64           | fd00:0:0:0:0:0:0:5/64 | fd00:0:0:0:0:0:0:0/64 | true",
      "::/0                 | 0:0:0:0:0:0:0:0/0     | 0:0:0:0:0:0:0:0/0 | true",
      "FD00::1              | fd00:0:0:0:0:0:0:1/128 | fd00:0:0:0:0:0:0:1/128 | true",
      "::ffff:10.0.0.1/120  | 0:0:0:0:0:ffff:a00:1/120 | 0:0:0:0:0:ffff:a00:0/120 | true"})
  void aPrefixIsReadAndMaskedInItsFamily(String text, String parsed, String masked, boolean ipv6) {
    AllowedIp ip = AllowedIp.parse(text);
    assertThat(ip).hasToString(parsed);
    assertThat(ip.masked()).hasToString(masked);
    assertThat(ip.isIpv6()).isEqualTo(ipv6);
    assertThat(ip.masked().isIpv6()).isEqualTo(ipv6);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "10.2.0", "010.0.0.1", "10.0.0.256", "10.0.0.1/33", "10.0.0.1/", "10.0.0.1/+8",
      "10.0.0.1/08", "10.0.0.1/24/1", "fd00::/129", "fd00::/-1", "abc", "localhost", "example.com/24", "1.2.3.4.5",
      "fd00::1%eth0/64", "[fd00::1]/64", " 10.0.0.1/24"})
  void anythingElseIsAnInvalidCidrAddress(String text) {
    assertThatThrownBy(() -> AllowedIp.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid CIDR address: " + text);
  }
}
