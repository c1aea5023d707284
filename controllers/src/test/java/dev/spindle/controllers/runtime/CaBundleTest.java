package dev.spindle.controllers.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

class CaBundleTest {
  static String twoRoots() throws IOException {
    try (InputStream in = CaBundleTest.class.getResourceAsStream("two-roots.pem")) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  @Test
  void everyCertificateInOrderCommentsIgnored() throws IOException {
    assertThat(CaBundle.parse("bundle", twoRoots())).extracting(X509Certificate::getSubjectX500Principal)
        .extracting(Object::toString).containsExactly("CN=Spindle test root one", "CN=Spindle test root two");
  }

  @Test
  void emptyAndCommentOnlyBundlesHoldNothing() {
    assertThat(CaBundle.parse("bundle", "")).isEmpty();
    assertThat(CaBundle.parse("bundle", "# nothing here\n")).isEmpty();
  }

  @Test
  void crlfLineEndingsAreAccepted() throws IOException {
    assertThat(CaBundle.parse("bundle", twoRoots().replace("\n", "\r\n"))).hasSize(2);
  }

  @Test
  void aBrokenCertificateIsNamedWithItsNumberAndLine() throws IOException {
    String broken = twoRoots().replaceFirst("(?s)(# second root\n-----BEGIN CERTIFICATE-----\n)MII", "$1XXX");
    int line = (int) twoRoots().lines().takeWhile(l -> !l.equals("# second root")).count() + 2;
    assertThatThrownBy(() -> CaBundle.parse("ssl/certs/ca-certificates.crt", broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("ssl/certs/ca-certificates.crt: certificate 2 (line " + line
            + ") is not an X.509 certificate");
  }

  @Test
  void badBase64AndAMissingEndAreNamed() throws IOException {
    assertThatThrownBy(() -> CaBundle.parse("b", "-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n"))
        .hasMessageStartingWith("b: certificate 1 (line 1) is not base64");
    assertThatThrownBy(() -> CaBundle.parse("b", twoRoots().substring(0, twoRoots().lastIndexOf("-----END"))))
        .hasMessage("b: certificate 2 (line " + ((int) twoRoots().lines()
            .takeWhile(l -> !l.equals("# second root")).count() + 2) + ") has no -----END CERTIFICATE----- line");
  }
}
