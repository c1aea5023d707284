package dev.spindle.controllers.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdkTrustAnchorsTest {
  @Test
  void isAGoodBundleNamedAsMozillasIs() {
    String pem = JdkTrustAnchors.pem();
    assertThat(pem).startsWith("##\n## Bundle of CA Root Certificates\n##\n");
    assertThat(pem.split("-----BEGIN CERTIFICATE-----", -1).length - 1).isGreaterThan(50);
    assertThat(PemBundle.problems(pem)).isEmpty();
    assertThat(pem).contains(TestCertificates.pem(0));
  }
}
