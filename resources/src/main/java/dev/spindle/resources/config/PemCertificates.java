package dev.spindle.resources.config;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that text is a bundle of PEM X.509 certificates before it goes into a trust store: at least one
 * {@code CERTIFICATE} block, each decoding (base64) and parsing ({@link CertificateFactory}) as a certificate.
 * Text outside blocks is allowed, as in {@code ca-certificates.crt} (names and comments between certificates).
 */
final class PemCertificates {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\R?(.*?)-----END ([A-Z0-9 ]+)-----", Pattern.DOTALL);

  private PemCertificates() {}

  /** What is wrong with each bad certificate ({@code certificate 2: not valid base64}); empty when all are good. */
  static List<String> problems(String text) {
    List<String> problems = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    int index = 0;
    CertificateFactory factory = factory();
    while (m.find()) {
      index++;
      String label = "certificate " + index;
      if (!m.group(1).equals(m.group(3))) {
        problems.add(label + ": BEGIN " + m.group(1) + " ends with END " + m.group(3));
        continue;
      }
      if (!m.group(1).equals("CERTIFICATE")) {
        problems.add(label + ": a " + m.group(1) + " block, not a CERTIFICATE");
        continue;
      }
      byte[] der;
      try {
        der = Base64.getMimeDecoder().decode(m.group(2).replaceAll("\\s", "").getBytes(StandardCharsets.US_ASCII));
      } catch (IllegalArgumentException e) {
        problems.add(label + ": not valid base64");
        continue;
      }
      try {
        factory.generateCertificate(new ByteArrayInputStream(der));
      } catch (CertificateException e) {
        // the JDK's message varies by release and names DER internals; the index is what the user needs
        problems.add(label + ": not an X.509 certificate");
      }
    }
    if (index == 0) {
      problems.add(text.contains("-----BEGIN") ? "unterminated PEM block" : "no PEM certificate found");
    }
    return problems;
  }

  private static CertificateFactory factory() {
    try {
      return CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
    }
  }
}
