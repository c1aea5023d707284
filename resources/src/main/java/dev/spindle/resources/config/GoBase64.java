package dev.spindle.resources.config;

import java.nio.charset.StandardCharsets;

/**
 * Go's {@code base64.StdEncoding.DecodeString} as far as Talos's WireGuard key checks see it: the number of bytes a
 * text decodes to, or Go's error ({@code illegal base64 data at input byte 7}) at the byte offset Go reports, so
 * the messages match Talos's. Go's decoder is lenient in two ways kept here: CR and LF are skipped anywhere, and the
 * unused low bits of the last quantum need not be zero. Java's {@link java.util.Base64} differs in both and reports
 * no offset, hence this.
 */
final class GoBase64 {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private GoBase64() {}

  /**
   * The decoded length of {@code text}.
   *
   * @throws IllegalArgumentException {@code illegal base64 data at input byte N}, N counted in UTF-8 bytes as Go does
   */
  static int decodedLength(String text) {
    byte[] src = text.getBytes(StandardCharsets.UTF_8);
    int si = 0;
    int n = 0;
    while (true) {
      int[] quantum = quantum(src, si);
      si = quantum[0];
      n += quantum[1];
      if (quantum[2] != 0 || si >= src.length) {
        return n;
      }
    }
  }

  /** One 4-character quantum from {@code si}: {next index, bytes decoded, 1 if it ended the input}. */
  private static int[] quantum(byte[] src, int si) {
    int j = 0;
    while (j < 4) {
      if (si == src.length) {
        if (j == 0) {
          return new int[] {si, 0, 1};
        }
        throw corrupt(si - j); // StdEncoding pads, so a short last quantum is always an error
      }
      int in = src[si] & 0xff;
      si++;
      if (in < 0x80 && ALPHABET.indexOf(in) >= 0) {
        j++;
        continue;
      }
      if (in == '\n' || in == '\r') {
        continue;
      }
      if (in != '=') {
        throw corrupt(si - 1);
      }
      return padding(src, si, j);
    }
    return new int[] {si, 3, 0};
  }

  /** After the first {@code =} (at {@code si - 1}) with {@code j} characters of the quantum read. */
  private static int[] padding(byte[] src, int si, int j) {
    if (j < 2) {
      throw corrupt(si - 1);
    }
    if (j == 2) {
      si = skipNewlines(src, si);
      if (si == src.length) {
        throw corrupt(src.length);
      }
      if (src[si] != '=') {
        throw corrupt(si - 1);
      }
      si++;
    }
    si = skipNewlines(src, si);
    if (si < src.length) {
      throw corrupt(si); // trailing garbage
    }
    return new int[] {si, j - 1, 1};
  }

  private static int skipNewlines(byte[] src, int si) {
    while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
      si++;
    }
    return si;
  }

  private static IllegalArgumentException corrupt(int offset) {
    return new IllegalArgumentException("illegal base64 data at input byte " + offset);
  }
}
