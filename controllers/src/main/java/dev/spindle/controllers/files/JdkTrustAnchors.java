package dev.spindle.controllers.files;

import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The base of the node's CA bundle: the JVM's default trust anchors, exported as PEM. Talos embeds Mozilla's CA
 * bundle; Spindle has one embedded already, the JDK's {@code cacerts} (on Temurin generated from that same Mozilla
 * list), so it needs no copy of its own to keep current, and the bundle it writes trusts exactly what the daemon's own
 * TLS clients trust by default. ({@code -Djavax.net.ssl.trustStore} replaces the default, here too.)
 *
 * <p>Certificates are sorted by subject and serial, so the text is stable from one start to the next and an unchanged
 * configuration never rewrites the file. The header names the bundle as Mozilla's does.
 */
public final class JdkTrustAnchors {
  private JdkTrustAnchors() {}

  private static final class Holder {
    static final String PEM = render();
  }

  /** The bundle, computed once. */
  public static String pem() {
    return Holder.PEM;
  }

  private static String render() {
    X509Certificate[] anchors = anchors();
    Arrays.sort(anchors, Comparator.comparing((X509Certificate c) -> c.getSubjectX500Principal().getName())
        .thenComparing(X509Certificate::getSerialNumber));
    var out = new StringBuilder()
        .append("##\n## Bundle of CA Root Certificates\n##\n")
        .append("## The default trust anchors of the Java runtime (").append(System.getProperty("java.vendor"))
        .append(' ').append(System.getProperty("java.version")).append("), ").append(anchors.length)
        .append(" certificates, exported as PEM by Spindle.\n##\n\n");
    Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    for (X509Certificate c : anchors) {
      try {
        out.append("# ").append(c.getSubjectX500Principal().getName()).append('\n')
            .append("-----BEGIN CERTIFICATE-----\n").append(base64.encodeToString(c.getEncoded()))
            .append("\n-----END CERTIFICATE-----\n\n");
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException("exporting the JDK trust anchor " + c.getSubjectX500Principal(), e);
      }
    }
    return out.toString();
  }

  private static X509Certificate[] anchors() {
    try {
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init((KeyStore) null);
      for (TrustManager tm : tmf.getTrustManagers()) {
        if (tm instanceof X509TrustManager x509) {
          return x509.getAcceptedIssuers().clone();
        }
      }
      throw new IllegalStateException("the JVM has no X.509 trust manager");
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("reading the JVM's default trust anchors", e);
    }
  }
}
