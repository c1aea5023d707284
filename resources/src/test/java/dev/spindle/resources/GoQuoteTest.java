package dev.spindle.resources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoQuoteTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "xyz | \"xyz\"",
      "'' | \"\"",
      "a\"b | \"a\\\"b\"",
      "a\\b | \"a\\\\b\"",
      "héllo | \"héllo\"",
  })
  void quotesAsStrconvQuote(String in, String quoted) {
    assertThat(GoQuote.quote(in)).isEqualTo(quoted);
  }

  @org.junit.jupiter.api.Test
  void controlCharactersAreEscaped() {
    assertThat(GoQuote.quote("a\tb\nc\u0001\u007f")).isEqualTo("\"a\\tb\\nc\\x01\\x7f\"");
  }
}
