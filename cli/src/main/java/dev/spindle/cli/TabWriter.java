package dev.spindle.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code text/tabwriter} as talosctl sets it up ({@code Init(w, 0, 0, 3, ' ', 0)}), so tables line up exactly
 * as talosctl's do. Text is cut into cells at tabs; a column is as wide as its widest cell plus 3 within a block of
 * consecutive lines that all have that column; the text after a line's last tab belongs to no column and is never
 * padded (so a line may end in spaces when its last cell is empty). Widths count code points, as Go counts runes.
 *
 * <p>Nothing is written until {@link #flush()}, or until a line without any tab ends, as in Go; talosctl relies on
 * that to align a whole listing, and to align the rows of a watch's bootstrap with the header.
 */
final class TabWriter {
  private static final int PADDING = 3;

  private record Cell(String text, int width) {}

  private final PrintWriter out;
  private final List<List<Cell>> lines = new ArrayList<>();
  private final StringBuilder cell = new StringBuilder();
  private final List<Integer> widths = new ArrayList<>();

  TabWriter(PrintWriter out) {
    this.out = out;
    reset();
  }

  void write(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\t', '\u000b' -> terminateCell();
        case '\n', '\f' -> {
          int cells = terminateCell();
          lines.add(new ArrayList<>());
          // A line of one cell cannot affect later columns, so Go flushes there; '\f' always flushes.
          if (c == '\f' || cells == 1) {
            flushBuffered();
          }
        }
        default -> cell.append(c);
      }
    }
  }

  /** Formats and writes everything buffered; the next line starts a new alignment block. */
  void flush() {
    if (!cell.isEmpty()) {
      terminateCell();
    }
    flushBuffered();
    out.flush();
  }

  private void flushBuffered() {
    format(0, lines.size());
    reset();
  }

  private void reset() {
    lines.clear();
    cell.setLength(0);
    lines.add(new ArrayList<>());
  }

  private int terminateCell() {
    String text = cell.toString();
    List<Cell> line = lines.getLast();
    line.add(new Cell(text, text.codePointCount(0, text.length())));
    cell.setLength(0);
    return line.size();
  }

  /** Go's recursive column layout: widths of the columns left of {@code widths.size()} are already known. */
  private void format(int line0, int line1) {
    int column = widths.size();
    for (int i = line0; i < line1; i++) {
      if (column >= lines.get(i).size() - 1) {
        continue;
      }
      // This line starts a block of lines that have a cell in this column.
      writeLines(line0, i);
      line0 = i;
      int width = 0;
      for (; i < line1; i++) {
        List<Cell> line = lines.get(i);
        if (column >= line.size() - 1) {
          break;
        }
        width = Math.max(width, line.get(column).width() + PADDING);
      }
      widths.add(width);
      format(line0, i);
      widths.removeLast();
      line0 = i;
    }
    writeLines(line0, line1);
  }

  private void writeLines(int line0, int line1) {
    for (int i = line0; i < line1; i++) {
      List<Cell> line = lines.get(i);
      for (int j = 0; j < line.size(); j++) {
        Cell c = line.get(j);
        out.write(c.text());
        if (j < widths.size()) {
          out.write(" ".repeat(widths.get(j) - c.width()));
        }
      }
      // The last buffered line is the empty one after the final line break: Go writes no break after it.
      if (i + 1 < lines.size()) {
        out.write('\n');
      }
    }
  }
}
