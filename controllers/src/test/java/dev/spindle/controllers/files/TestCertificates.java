package dev.spindle.controllers.files;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Real certificates for the PEM tests, taken from the JVM's trust anchors so no key material is checked in. */
final class TestCertificates {
  private static final List<X509Certificate> ANCHORS = anchors();

  private TestCertificates() {}

  /** The PEM text of one certificate (stable across runs: anchors sorted by subject). */
  static String pem(int n) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(ANCHORS.get(n).getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<X509Certificate> anchors() {
    try {
      var tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init((KeyStore) null);
      var tm = (X509TrustManager) tmf.getTrustManagers()[0];
      return List.of(tm.getAcceptedIssuers()).stream()
          .sorted(Comparator.comparing(c -> c.getSubjectX500Principal().getName())).toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
