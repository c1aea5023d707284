package dev.spindle.resources.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's {@code StdEncoding.DecodeString}: lengths and the byte offsets of its errors, worked through Go's decoder. */
class GoBase64Test {
  @ParameterizedTest(name = "{0} -> {1} bytes")
  @CsvSource(delimiter = '|', value = {
      "ONtS+jU1Q+ZHLgs7DbYvnF5Iyj+koxBtvknDigFsdG8=|32",
      "4A3rogGVHuVjeZz5cbqryWXGkGBdIGC0E6+5mX2Iz1==|31", // non-zero unused bits: Go is not strict
      "c2VjcmV0LWJ1dC1zaG9ydA==|16", "YQ==|1", "YWI=|2", "YWJj|3", "''|0",
      "'YW\nJj'|3", "'YQ=\r\n='|1"}) // CR and LF are skipped anywhere, between the padding too
  void lengths(String text, int length) {
    assertThat(GoBase64.decodedLength(text)).isEqualTo(length);
  }

  @ParameterizedTest(name = "{0} -> byte {1}")
  @CsvSource(delimiter = '|', value = {
      "invalid-key|7", "invalid-peer-key|7", "invalid-preshared-key|7", // Talos's wireguard_test.go
      "abc|0", // a short last quantum: the offset of its start
      "YQ=|3", // one '=' where two are needed: the end of the input
      "Y===|1", "=AAA|0", "YQ=x|2", "YQ==x|4", "YWJj YWJj|4", "YWJjé|4"})
  void errors(String text, int offset) {
    assertThatThrownBy(() -> GoBase64.decodedLength(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("illegal base64 data at input byte " + offset);
  }
}
