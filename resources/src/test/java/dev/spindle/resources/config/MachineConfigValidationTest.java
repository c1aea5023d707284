package dev.spindle.resources.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The validation table: each case of {@code validation-cases.txt} is a bad configuration and the exact, located
 * problems it must produce, all of them, in order. With {@code -Dvalidation.cases.write=PATH} the test writes the
 * file back with the messages the parser produces now, for review.
 */
class MachineConfigValidationTest {
  private static final String FILE = "validation-cases.txt";
  private static final String CASE = "### case: ";
  private static final String EXPECT = "### expect";

  record Case(String name, ValidationMode mode, String yaml, List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    String[] lines = Fixtures.text(FILE).split("\n", -1);
    int i = 0;
    while (i < lines.length && !lines[i].startsWith(CASE)) {
      i++;
    }
    while (i < lines.length) {
      String header = lines[i++].substring(CASE.length());
      ValidationMode mode = ValidationMode.CONTAINER;
      if (header.endsWith("]")) {
        int open = header.lastIndexOf(" [");
        mode = ValidationMode.parse(header.substring(open + 2, header.length() - 1));
        header = header.substring(0, open);
      }
      var yaml = new StringBuilder();
      while (!lines[i].equals(EXPECT)) {
        yaml.append(lines[i++]).append('\n');
      }
      i++;
      List<String> expected = new ArrayList<>();
      while (i < lines.length && !lines[i].startsWith(CASE)) {
        if (!lines[i].isEmpty()) {
          expected.add(lines[i]);
        }
        i++;
      }
      cases.add(new Case(header, mode, yaml.toString(), expected));
    }
    return cases;
  }

  private static List<String> actual(Case c) {
    var result = MachineConfigParser.check(c.yaml(), "cfg.yaml", c.mode());
    return result.errors().stream().map(ConfigProblem::message).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsEveryProblemLocated(Case c) {
    assertThat(actual(c)).as(c.yaml()).containsExactlyElementsOf(c.expected());
  }

  @Test
  void theTableIsLargeAndEveryCaseFails() throws IOException {
    List<Case> cases = cases();
    String write = System.getProperty("validation.cases.write");
    if (write != null) {
      String header = Arrays.stream(Fixtures.text(FILE).split("\n"))
          .takeWhile(l -> !l.startsWith(CASE)).collect(Collectors.joining("\n", "", "\n"));
      var out = new StringBuilder(header);
      for (Case c : cases) {
        out.append(CASE).append(c.name()).append(c.mode() == ValidationMode.CONTAINER ? "" : " [" + c.mode().text()
            + "]").append('\n').append(c.yaml()).append(EXPECT).append('\n');
        actual(c).forEach(m -> out.append(m).append('\n'));
      }
      Files.writeString(Path.of(write), out, StandardCharsets.UTF_8);
    }
    assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
    assertThat(cases).allSatisfy(c -> assertThat(c.expected()).as(c.name()).isNotEmpty());
    assertThat(cases.stream().map(Case::name).distinct()).hasSameSizeAs(cases);
  }

  @Test
  void secretsAreNeverEchoed() {
    for (Case c : cases()) {
      for (String message : actual(c)) {
        assertThat(message).doesNotContain("c2VjcmV0LWJ1dC1zaG9ydA==").doesNotContain("hunter2")
            .doesNotContain("not, a, string")
            // WireGuard private and preshared keys of the cases, valid or not
            .doesNotContain("invalid-key").doesNotContain("invalid-preshared-key").doesNotContain("not-a-key-at-all")
            .doesNotContain("GA1E1VB+g41Dl0+UH2TMW9C5953y+moVg6JIIqkJbmw=")
            .doesNotContain("6j4UMxwszrHVZZUjY8/SFsZMjgaHkxV7yp9Tz05btho=");
      }
    }
  }
}
