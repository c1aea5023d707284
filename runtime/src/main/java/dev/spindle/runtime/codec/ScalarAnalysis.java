package dev.spindle.runtime.codec;

/**
 * Which scalar styles can carry a value unchanged: libyaml's {@code yaml_emitter_analyze_scalar} as go-yaml v4 has
 * it. Works on code points; go-yaml's byte checks give the same answers for valid UTF-8.
 */
record ScalarAnalysis(boolean multiline, boolean blockPlainAllowed, boolean singleQuotedAllowed, boolean blockAllowed) {

  static ScalarAnalysis of(String value) {
    if (value.isEmpty()) {
      return new ScalarAnalysis(false, true, true, false);
    }
    boolean blockIndicators = false;
    boolean lineBreaks = false;
    boolean specialCharacters = false;
    boolean tabCharacters = false;
    boolean leadingSpace = false;
    boolean leadingBreak = false;
    boolean trailingSpace = false;
    boolean trailingBreak = false;
    boolean breakSpace = false;
    boolean spaceBreak = false;
    boolean previousSpace = false;
    boolean previousBreak = false;
    boolean precededByWhitespace = true;

    if (value.startsWith("---") || value.startsWith("...")) {
      blockIndicators = true;
    }
    int[] cps = value.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      boolean first = i == 0;
      boolean last = i == cps.length - 1;
      boolean followedByWhitespace = last || isBlank(cps[i + 1]);
      if (first) {
        switch (c) {
          case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' ->
              blockIndicators = true;
          case '?', ':', '-' -> blockIndicators |= followedByWhitespace;
          default -> { }
        }
      } else {
        switch (c) {
          case ':' -> blockIndicators |= followedByWhitespace;
          case '#' -> blockIndicators |= precededByWhitespace;
          default -> { }
        }
      }
      if (c == '\t') {
        tabCharacters = true;
      } else if (!isPrintable(c)) {
        specialCharacters = true;
      }
      if (c == ' ') {
        leadingSpace |= first;
        trailingSpace |= last;
        breakSpace |= previousBreak;
        previousSpace = true;
        previousBreak = false;
      } else if (isLineBreak(c)) {
        lineBreaks = true;
        leadingBreak |= first;
        trailingBreak |= last;
        spaceBreak |= previousSpace;
        previousSpace = false;
        previousBreak = true;
      } else {
        previousSpace = false;
        previousBreak = false;
      }
      precededByWhitespace = isBlank(c) || isLineBreak(c) || c == 0;
    }

    boolean plain = true;
    boolean single = true;
    boolean block = true;
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
      plain = false;
    }
    if (trailingSpace) {
      block = false;
    }
    if (breakSpace) {
      plain = false;
      single = false;
    }
    if (spaceBreak || tabCharacters || specialCharacters) {
      plain = false;
      single = false;
    }
    if (spaceBreak || specialCharacters) {
      block = false;
    }
    if (lineBreaks || blockIndicators) {
      plain = false;
    }
    return new ScalarAnalysis(lineBreaks, plain, single, block);
  }

  /** libyaml's printable set: note that it leaves out everything above U+FFFF, so emoji end up escaped. */
  static boolean isPrintable(int c) {
    return c == 0x0A
        || (c >= 0x20 && c <= 0x7E)
        || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
  }

  static boolean isLineBreak(int c) {
    return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  static boolean isBlank(int c) {
    return c == ' ' || c == '\t';
  }
}
