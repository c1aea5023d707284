package dev.spindle.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SntpServerTest {
  @ParameterizedTest(name = "{0} -> {1} port {2}")
  @CsvSource(delimiter = '|', value = {
      "time.cloudflare.com   | time.cloudflare.com | 123   | time.cloudflare.com",
      "' 10.0.0.1 '          | 10.0.0.1            | 123   | 10.0.0.1",
      "127.0.0.1:12345       | 127.0.0.1           | 12345 | 127.0.0.1:12345",
      "ntp.lan:123           | ntp.lan             | 123   | ntp.lan",
      "::1                   | ::1                 | 123   | ::1",
      "fd00::5               | fd00::5             | 123   | fd00::5",
      "[::1]                 | ::1                 | 123   | ::1",
      "[::1]:12345           | ::1                 | 12345 | [::1]:12345",
  })
  void entriesParse(String entry, String host, int port, String written) {
    SntpServer server = SntpServer.parse(entry);
    assertThat(server.host()).isEqualTo(host);
    assertThat(server.port()).isEqualTo(port);
    assertThat(server).hasToString(written);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "''                    | time server \"\": empty",
      "127.0.0.1:            | time server \"127.0.0.1:\": port \"\" is not a number in 1-65535",
      "127.0.0.1:ntp         | time server \"127.0.0.1:ntp\": port \"ntp\" is not a number in 1-65535",
      "127.0.0.1:0           | time server \"127.0.0.1:0\": port \"0\" is not a number in 1-65535",
      "127.0.0.1:65536       | time server \"127.0.0.1:65536\": port \"65536\" is not a number in 1-65535",
      "[::1                  | time server \"[::1\": missing ] after the IPv6 address",
      "[::1]123              | time server \"[::1]123\": expected :port after ]",
      ":123                  | time server: empty host",
  })
  void badEntriesSayWhatIsWrong(String entry, String message) {
    assertThatThrownBy(() -> SntpServer.parse(entry)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
