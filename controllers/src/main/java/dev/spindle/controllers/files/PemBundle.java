package dev.spindle.controllers.files;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that text meant for a trust store is a bundle of PEM X.509 certificates: at least one
 * {@code CERTIFICATE} block, each one terminated, valid base64 and a certificate the JDK parses. Text between blocks
 * (comments, the names Talos puts above each extra) is allowed. A block of any other kind is refused, so a private
 * key pasted by mistake never ends up in a world-readable bundle.
 */
final class PemBundle {
  private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");
  private static final Pattern END = Pattern.compile("-----END ([A-Z0-9 ]+)-----");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private PemBundle() {}

  /** What is wrong with the bundle, one message per problem; empty if it is a good bundle. */
  static List<String> problems(String text) {
    var problems = new ArrayList<String>();
    Matcher begin = BEGIN.matcher(text);
    int blocks = 0;
    int from = 0;
    while (begin.find(from)) {
      blocks++;
      String label = begin.group(1);
      Matcher end = END.matcher(text);
      if (!end.find(begin.end())) {
        problems.add("block " + blocks + " (" + label + ") has no END line");
        break;
      }
      if (!label.equals("CERTIFICATE")) {
        problems.add("block " + blocks + " is a " + label + ", not a CERTIFICATE");
      } else if (!end.group(1).equals(label)) {
        problems.add("certificate " + blocks + " ends with -----END " + end.group(1) + "-----");
      } else {
        certificate(text.substring(begin.end(), end.start()), blocks, problems);
      }
      from = end.end();
    }
    if (blocks == 0) {
      problems.add("no PEM certificate found");
    }
    return problems;
  }

  private static void certificate(String body, int n, List<String> problems) {
    byte[] der;
    try {
      der = Base64.getDecoder().decode(WHITESPACE.matcher(body).replaceAll(""));
    } catch (IllegalArgumentException e) {
      problems.add("certificate " + n + ": invalid base64 (" + e.getMessage() + ")");
      return;
    }
    try {
      CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      problems.add("certificate " + n + ": not an X.509 certificate (" + e.getMessage() + ")");
    }
  }
}
