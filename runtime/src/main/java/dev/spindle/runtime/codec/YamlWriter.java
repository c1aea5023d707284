package dev.spindle.runtime.codec;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The character-level half of libyaml's emitter as go-yaml v4 ships it: column tracking, indentation and the four
 * scalar writers. Kept byte-for-byte faithful to {@code emitter.go} because where a line breaks and how many spaces
 * follow depend on these flags, not on the document structure alone.
 *
 * <p>The line width is unlimited ({@code yaml.Marshal} sets it to -1), so the writers never fold long lines.
 */
final class YamlWriter {
  private final StringBuilder out = new StringBuilder();
  private final int bestIndent;
  private final Deque<Integer> indents = new ArrayDeque<>();
  private int indent = -1;
  private int column;
  /** The last character written was whitespace (or nothing was written yet). */
  private boolean whitespace = true;
  /** Only indentation has been written on the current line so far. */
  private boolean indention = true;

  YamlWriter(int bestIndent) {
    this.bestIndent = bestIndent;
  }

  String text() {
    return out.toString();
  }

  /**
   * libyaml's {@code increase_indent} with go-yaml's change: inside a sequence item the indent only skips the
   * {@code "- "}; everywhere else it moves to the next multiple of the indent width. That is why a list inside a
   * list item's mapping sits 2 columns right of the mapping's keys.
   */
  void increaseIndent(boolean flow, boolean inSequenceItem) {
    indents.push(indent);
    if (indent < 0) {
      indent = flow ? bestIndent : 0;
    } else if (inSequenceItem) {
      indent += 2;
    } else {
      indent = bestIndent * ((indent + bestIndent) / bestIndent);
    }
  }

  void decreaseIndent() {
    indent = indents.pop();
  }

  void writeIndent() {
    int target = Math.max(indent, 0);
    if (!indention || column > target || (column == target && !whitespace)) {
      putLineBreak();
    }
    while (column < target) {
      put(' ');
    }
    whitespace = true;
  }

  void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
    if (needWhitespace && !whitespace) {
      put(' ');
    }
    indicator.codePoints().forEach(this::write);
    whitespace = isWhitespace;
    indention = indention && isIndention;
  }

  void writePlain(String value) {
    if (!value.isEmpty() && !whitespace) {
      put(' ');
    }
    boolean breaks = false;
    for (int c : value.codePoints().toArray()) {
      if (c == ' ') {
        write(c);
      } else if (ScalarAnalysis.isLineBreak(c)) {
        if (!breaks && c == '\n') {
          putLineBreak();
        }
        writeLineBreak(c);
        breaks = true;
      } else {
        if (breaks) {
          writeIndent();
        }
        write(c);
        indention = false;
        breaks = false;
      }
    }
    if (!value.isEmpty()) {
      whitespace = false;
    }
    indention = false;
  }

  void writeSingleQuoted(String value) {
    writeIndicator("'", true, false, false);
    boolean breaks = false;
    for (int c : value.codePoints().toArray()) {
      if (c == ' ') {
        write(c);
      } else if (ScalarAnalysis.isLineBreak(c)) {
        if (!breaks && c == '\n') {
          putLineBreak();
        }
        writeLineBreak(c);
        breaks = true;
      } else {
        if (breaks) {
          writeIndent();
        }
        if (c == '\'') {
          put('\'');
        }
        write(c);
        indention = false;
        breaks = false;
      }
    }
    writeIndicator("'", false, false, false);
    whitespace = false;
    indention = false;
  }

  void writeDoubleQuoted(String value) {
    writeIndicator("\"", true, false, false);
    // go-yaml's isBOM looks at the start of the value, not at the current character, so a value that starts with
    // a byte order mark has every character escaped.
    boolean bom = value.startsWith("\uFEFF");
    for (int c : value.codePoints().toArray()) {
      if (bom || !ScalarAnalysis.isPrintable(c) || ScalarAnalysis.isLineBreak(c) || c == '"' || c == '\\') {
        put('\\');
        writeEscape(c);
      } else {
        write(c);
      }
    }
    writeIndicator("\"", false, false, false);
    whitespace = false;
    indention = false;
  }

  private void writeEscape(int c) {
    switch (c) {
      case 0x00 -> put('0');
      case 0x07 -> put('a');
      case 0x08 -> put('b');
      case 0x09 -> put('t');
      case 0x0A -> put('n');
      case 0x0B -> put('v');
      case 0x0C -> put('f');
      case 0x0D -> put('r');
      case 0x1B -> put('e');
      case 0x22 -> put('"');
      case 0x5C -> put('\\');
      case 0x85 -> put('N');
      case 0xA0 -> put('_');
      case 0x2028 -> put('L');
      case 0x2029 -> put('P');
      default -> {
        int width;
        if (c <= 0xFF) {
          put('x');
          width = 2;
        } else if (c <= 0xFFFF) {
          put('u');
          width = 4;
        } else {
          put('U');
          width = 8;
        }
        for (int shift = (width - 1) * 4; shift >= 0; shift -= 4) {
          put(Character.toUpperCase(Character.forDigit((c >> shift) & 0xF, 16)));
        }
      }
    }
  }

  void writeLiteral(String value) {
    writeIndicator("|", true, false, false);
    if (value.startsWith(" ")) {
      writeIndicator(Integer.toString(bestIndent), false, false, false);
    }
    String chomp = chompHint(value);
    if (!chomp.isEmpty()) {
      writeIndicator(chomp, false, false, false);
    }
    putLineBreak();
    whitespace = true;
    boolean breaks = true;
    for (int c : value.codePoints().toArray()) {
      if (ScalarAnalysis.isLineBreak(c)) {
        writeLineBreak(c);
        breaks = true;
      } else {
        if (breaks) {
          writeIndent();
        }
        write(c);
        indention = false;
        breaks = false;
      }
    }
  }

  /** Strip ({@code -}) without a final line break, keep ({@code +}) with more than one, clip (nothing) otherwise. */
  private static String chompHint(String value) {
    int[] cps = value.codePoints().toArray();
    if (cps.length == 0 || !ScalarAnalysis.isLineBreak(cps[cps.length - 1])) {
      return "-";
    }
    if (cps.length == 1 || ScalarAnalysis.isLineBreak(cps[cps.length - 2])) {
      return "+";
    }
    return "";
  }

  private void put(char c) {
    out.append(c);
    column++;
  }

  private void write(int codePoint) {
    out.appendCodePoint(codePoint);
    column++;
  }

  private void putLineBreak() {
    out.append('\n');
    column = 0;
    indention = true;
  }

  private void writeLineBreak(int c) {
    if (c == '\n') {
      putLineBreak();
    } else {
      write(c);
      column = 0;
      indention = true;
    }
  }
}
