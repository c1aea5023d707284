package dev.spindle.controllers.runtime;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The certificates of a PEM bundle such as {@code /etc/ssl/certs/ca-certificates.crt}: every
 * {@code BEGIN CERTIFICATE} block in order; text between blocks (comments, headers) is ignored, as OpenSSL does. A
 * block that does not decode is an error naming the bundle, the block's number and its line, so one broken
 * certificate never silently shrinks the trust store.
 */
public final class CaBundle {
  private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
  private static final String END = "-----END CERTIFICATE-----";

  private CaBundle() {}

  public static List<X509Certificate> parse(String name, String pem) {
    List<X509Certificate> certificates = new ArrayList<>();
    String[] lines = pem.split("\r?\n", -1);
    StringBuilder body = null;
    int startLine = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (body == null) {
        if (line.equals(BEGIN)) {
          body = new StringBuilder();
          startLine = i + 1;
        }
      } else if (line.equals(END)) {
        certificates.add(decode(name, certificates.size() + 1, startLine, body.toString()));
        body = null;
      } else {
        body.append(line);
      }
    }
    if (body != null) {
      throw new IllegalArgumentException(name + ": certificate " + (certificates.size() + 1) + " (line " + startLine
          + ") has no " + END + " line");
    }
    return List.copyOf(certificates);
  }

  private static X509Certificate decode(String name, int number, int line, String base64) {
    String where = name + ": certificate " + number + " (line " + line + ")";
    byte[] der;
    try {
      der = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + " is not base64: " + e.getMessage(), e);
    }
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw new IllegalArgumentException(where + " is not an X.509 certificate: " + e.getMessage(), e);
    }
  }
}
