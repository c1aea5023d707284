package dev.spindle.runtime.codec;

import java.util.Comparator;

/**
 * Go's string order ({@code sort.Strings}, encoding/json map keys): byte-wise over UTF-8, which is code point order.
 * Java's {@code compareTo} orders by UTF-16 unit and so puts supplementary characters before U+E000..U+FFFF.
 */
final class Utf8Order implements Comparator<String> {
  static final Utf8Order INSTANCE = new Utf8Order();

  private Utf8Order() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
