package dev.spindle.resources.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The parser never throws on bad input, however mangled: each of thousands of mutations of the corporate-proxy
 * configuration (a line dropped, doubled, shifted, its value replaced by another shape) yields either a
 * configuration or located errors, never an exception, and never a problem without a location.
 */
class MachineConfigMutationTest {
  private static final List<String> VALUES = List.of("[x, {y: 1}]", "{a: [1]}", "''", "~", "-1", "0x7fffffffffffffffff",
      "&a [*a]", "\"\\u0000\"", "!!binary aGVsbG8=", "2001-12-14", ".inf", "yes", "*undefined", "|", ">-", "%");

  @Test
  void everyMutationIsAResultNotAnException() {
    List<String> lines = Fixtures.text("corporate-proxy.yaml").lines().toList();
    var random = new Random(5);
    int rejected = 0;
    for (int i = 0; i < lines.size(); i++) {
      for (String mutated : mutations(lines, i, random)) {
        var result = MachineConfigParser.check(mutated, "m.yaml", ValidationMode.METAL);
        if (!result.valid()) {
          rejected++;
          assertThat(result.errors()).allSatisfy(p -> {
            assertThat(p.source()).isEqualTo("m.yaml");
            assertThat(p.line()).isPositive();
            assertThat(p.reason()).isNotBlank();
          });
        }
        assertThat(result.errors().toString()).doesNotContain("Xq0Mfh+GpdmsIFIm8c2iaGmrQ5xSzeOEMdGiYLEAO4c=");
      }
    }
    assertThat(rejected).isGreaterThan(lines.size()); // the mutations do break things
  }

  private static List<String> mutations(List<String> lines, int i, Random random) {
    List<String> out = new ArrayList<>();
    out.add(join(lines, i, null));
    out.add(join(lines, i, lines.get(i) + "\n" + lines.get(i)));
    out.add(join(lines, i, " " + lines.get(i)));
    out.add(join(lines, i, lines.get(i).stripLeading()));
    int colon = lines.get(i).indexOf(": ");
    if (colon > 0) {
      for (int k = 0; k < 3; k++) {
        out.add(join(lines, i, lines.get(i).substring(0, colon + 2) + VALUES.get(random.nextInt(VALUES.size()))));
      }
    }
    return out;
  }

  private static String join(List<String> lines, int at, String replacement) {
    var b = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      if (i != at) {
        b.append(lines.get(i)).append('\n');
      } else if (replacement != null) {
        b.append(replacement).append('\n');
      }
    }
    return b.toString();
  }
}
