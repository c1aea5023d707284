package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** go-glob v1.0.0 semantics: the reference's §2.3 vectors first, then the algorithm's edges. */
class GlobTest {
  @ParameterizedTest(name = "glob({0}, {1}) = {2}")
  @CsvSource(delimiter = '|', textBlock = """
      00:*              | 00:11:22:33:44:55 | true
      00:*              | ''                | false
      *                 | ''                | true
      0000:01*          | 0000:01:00.0      | true
      0000:01*          | 0000:01:01.0      | true
      00:50:56:8E:8F:E4 | 00:50:56:8e:8f:e4 | false
      *:ef              | 01:11:22:33:44:ef | true
      a*a               | a                 | false
      virtio*           | virtio_net        | true
      1969:*            | 1969:E0B1         | true
      ''                | ''                | true
      ''                | x                 | false
      eth0              | eth0              | true
      eth0              | eth01             | false
      *b*               | abc               | true
      a*b*c             | axxbyyc           | true
      a*b*c             | acb               | false
      a**c              | ac                | true
      ?                 | x                 | false
      [a]               | a                 | false
      *x                | xyx               | true
      a*b               | ab                | true
      ab*ba             | aba               | false
      """)
  void matchesAsGoGlob(String pattern, String subject, boolean expected) {
    assertThat(Glob.matches(pattern, subject)).isEqualTo(expected);
  }
}
