package dev.spindle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Layouts worked out by hand from Go's text/tabwriter algorithm with talosctl's settings (padding 3). */
class TabWriterTest {
  private static String layout(String... writes) {
    var text = new StringWriter();
    var writer = new TabWriter(new PrintWriter(text));
    for (String w : writes) {
      writer.write(w);
    }
    writer.flush();
    return text.toString();
  }

  @Test
  void columnsAreTheWidestCellPlusThree() {
    assertThat(layout("a\tbbb\tc\n", "aaaa\tb\tc\n")).isEqualTo("""
        a      bbb   c
        aaaa   b     c
        """);
  }

  @Test
  void theLastCellIsNeverPaddedButAnEmptyCellBeforeItIs() {
    assertThat(layout("x\ty\t\n", "xx\t\tz\n")).isEqualTo("x    y   \nxx       z\n");
  }

  @Test
  void aColumnIsAlignedOnlyWithinABlockOfLinesThatHaveIt() {
    assertThat(layout("a\tb\tc\n", "aa\tb\n", "aaa\tbbbb\tc\n")).isEqualTo("""
        a     b   c
        aa    b
        aaa   bbbb   c
        """);
  }

  @Test
  void aLineWithoutTabsFlushesWhatCameBefore() {
    var text = new StringWriter();
    var writer = new TabWriter(new PrintWriter(text));
    writer.write("a\tb\n");
    assertThat(text.toString()).isEmpty();
    writer.write("plain\n");
    assertThat(text.toString()).isEqualTo("a   b\nplain\n");
    writer.write("yy\tz\n");
    writer.flush();
    assertThat(text.toString()).isEqualTo("a   b\nplain\nyy   z\n");
  }

  @Test
  void widthsCountCodePointsLikeGoRunes() {
    assertThat(layout("é\tx\n", "ab\ty\n")).isEqualTo("é    x\nab   y\n");
  }

  @Test
  void eachFlushStartsANewAlignmentBlock() {
    var text = new StringWriter();
    var writer = new TabWriter(new PrintWriter(text));
    writer.write("NODE\tID\n");
    writer.write("n\tlongid\n");
    writer.flush();
    writer.write("n\tx\n");
    writer.flush();
    assertThat(text.toString()).isEqualTo("NODE   ID\nn      longid\nn   x\n");
  }
}
