package dev.spindle.resources.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoNetipTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "10.0.0.1 | 10.0.0.1",
      "2001:db8::a | 2001:db8::a",
      ":: | ::",
      "2001:4860:4806:: | 2001:4860:4806::",
      "FE80::1 | fe80::1",
      "::ffff:1.2.3.4 | ::ffff:1.2.3.4",
      "1:2:3:4:5:6:7:8 | 1:2:3:4:5:6:7:8",
      "1:2:3:4:5:6:7:: | 1:2:3:4:5:6:7:0",
  })
  void validAddressesParseAsNetipDoes(String text, String printed) {
    assertThat(GoNetip.parseAddr(text)).hasToString(printed);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "xyz | ParseAddr(\"xyz\"): unable to parse IP",
      "'' | ParseAddr(\"\"): unable to parse IP",
      "999 | ParseAddr(\"999\"): unable to parse IP",
      "%eth0 | ParseAddr(\"%eth0\"): missing IPv6 address",
      "fe80::1% | ParseAddr(\"fe80::1%\"): zone must be a non-empty string",
      "1.2.3.4.5 | ParseAddr(\"1.2.3.4.5\"): IPv4 address too long",
      "1.2.3 | ParseAddr(\"1.2.3\"): IPv4 address too short",
      "10.0.0.256 | ParseAddr(\"10.0.0.256\"): IPv4 field has value >255",
      "192.168.1.01 | ParseAddr(\"192.168.1.01\"): IPv4 field has octet with leading zero",
      "1.2.3.4. | ParseAddr(\"1.2.3.4.\"): IPv4 field must have at least one digit (at \".\")",
      "0x7f.0.0.1 | ParseAddr(\"0x7f.0.0.1\"): unexpected character (at \"x7f.0.0.1\")",
      "1::2::3 | ParseAddr(\"1::2::3\"): multiple :: in address (at \":3\")",
      "1:2:3:4:5:6:7:8:9 | ParseAddr(\"1:2:3:4:5:6:7:8:9\"): trailing garbage after address (at \"9\")",
      "1:2:3:4:5:6:7:8: | ParseAddr(\"1:2:3:4:5:6:7:8:\"): colon must be followed by more characters (at \":\")",
      "1:2:3 | ParseAddr(\"1:2:3\"): address string too short",
      "12345:: | ParseAddr(\"12345::\"): each colon-separated field must have at most 4 hex digits (at \"12345::\")",
      "1:2:3:4:5:6:7::8 | ParseAddr(\"1:2:3:4:5:6:7::8\"): the :: must expand to at least one field of zeros",
      "1:2:3:4:5:6:7:8:: | ParseAddr(\"1:2:3:4:5:6:7:8::\"): the :: must expand to at least one field of zeros",
      "1:g::1 | ParseAddr(\"1:g::1\"): each colon-separated field must have at least one digit (at \"g::1\")",
      "1.2.3.4:80 | ParseAddr(\"1.2.3.4:80\"): unexpected character (at \":80\")",
      "1:2:1.2.3.4 | ParseAddr(\"1:2:1.2.3.4\"): embedded IPv4 address must replace the final 2 fields of the address (at \"1.2.3.4\")",
  })
  void invalidAddressesFailWithGosMessage(String text, String message) {
    assertThatThrownBy(() -> GoNetip.parseAddr(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
