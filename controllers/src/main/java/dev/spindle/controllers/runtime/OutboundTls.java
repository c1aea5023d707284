package dev.spindle.controllers.runtime;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS context of the outbound client: one PKIX trust manager whose anchors are the JDK's default roots plus every
 * certificate of the node's CA bundle, so a corporate root appended through {@code TrustedRootsConfig} or
 * {@code machine.files} is trusted without replacing the public roots.
 */
public final class OutboundTls {
  private OutboundTls() {}

  public static SSLContext context(List<X509Certificate> bundle) {
    try {
      KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
      anchors.load(null, null);
      int n = 0;
      for (X509Certificate root : jdkDefaults()) {
        anchors.setCertificateEntry("jdk-" + n++, root);
      }
      for (X509Certificate root : bundle) {
        anchors.setCertificateEntry("bundle-" + n++, root);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(anchors);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("building the outbound TLS context", e);
    }
  }

  private static List<X509Certificate> jdkDefaults() throws GeneralSecurityException {
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init((KeyStore) null);
    for (var tm : tmf.getTrustManagers()) {
      if (tm instanceof X509TrustManager x509) {
        return List.of(x509.getAcceptedIssuers());
      }
    }
    return List.of();
  }
}
