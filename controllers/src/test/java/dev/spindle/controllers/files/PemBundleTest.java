package dev.spindle.controllers.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PemBundleTest {
  private static final String GOOD = TestCertificates.pem(0);

  static Stream<Arguments> bad() {
    String body = GOOD.substring(GOOD.indexOf('\n') + 1, GOOD.indexOf("-----END"));
    return Stream.of(
        Arguments.of("", List.of("no PEM certificate found")),
        Arguments.of("just text", List.of("no PEM certificate found")),
        Arguments.of("-- BEGIN1 --", List.of("no PEM certificate found")),
        Arguments.of("-----BEGIN CERTIFICATE-----\n" + body, List.of("block 1 (CERTIFICATE) has no END line")),
        Arguments.of("-----BEGIN CERTIFICATE-----\n" + body + "-----END PRIVATE KEY-----\n",
            List.of("certificate 1 ends with -----END PRIVATE KEY-----")),
        Arguments.of("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
            List.of("block 1 is a PRIVATE KEY, not a CERTIFICATE")),
        Arguments.of(GOOD + "-----BEGIN CERTIFICATE-----\n%%%%\n-----END CERTIFICATE-----\n",
            List.of("certificate 2: invalid base64 (Illegal base64 character 25)")),
        Arguments.of("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n" + GOOD,
            List.of("certificate 1: not an X.509 certificate")));
  }

  @ParameterizedTest
  @MethodSource("bad")
  void badBundlesAreNamedPrecisely(String text, List<String> expected) {
    List<String> problems = PemBundle.problems(text);
    assertThat(problems).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(problems.get(i)).startsWith(expected.get(i));
    }
  }

  @Test
  void goodBundlesWithCommentsBetweenCertificatesPass() {
    assertThat(PemBundle.problems(GOOD)).isEmpty();
    assertThat(PemBundle.problems("# corp root\n" + GOOD + "\nintermediate:\n" + TestCertificates.pem(1)))
        .isEmpty();
    assertThat(PemBundle.problems(GOOD.replace("\n", "\r\n"))).isEmpty();
  }
}
