package dev.spindle.runtime.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelTermTest {
  @ParameterizedTest
  @CsvSource({"10kg, 10000", "4GB, 4000000000", "5GiB, 5368709120", "' 1 k', 1000", "'-1 k', -1000", "42, 42"})
  void parsesNumbersWithUnitsAsCosiDoes(String text, long expected) {
    assertThat(LabelNumbers.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"'1.1 k'", "'1 i'", "'1 1'", "kg", "''"})
  void rejectsWhatCosiRejects(String text) {
    assertThat(LabelNumbers.parse(text)).isNull();
  }

  @Test
  void numericComparisonsFollowTheCosiVectors() {
    var disk = Map.of("disk", "4GB");
    assertThat(LabelTerm.lessOrEqualNumeric("disk", "4000000000").matches(disk)).isTrue();
    assertThat(LabelTerm.lessOrEqualNumeric("disk", "3999999999").matches(disk)).isFalse();
    var mem = Map.of("mem", "5GiB");
    assertThat(LabelTerm.lessThanNumeric("mem", "5368709120").matches(mem)).isFalse();
    assertThat(LabelTerm.lessThanNumeric("mem", "5368709121").matches(mem)).isTrue();
  }

  @Test
  void undecidableStaysFalseEvenWhenInverted() {
    var labels = Map.of("weight", "heavy");
    assertThat(LabelTerm.lessThanNumeric("weight", "10").matches(labels)).isFalse();
    assertThat(LabelTerm.lessThanNumeric("weight", "10").inverted().matches(labels)).isFalse();
    assertThat(LabelTerm.lessThan("missing", "x").inverted().matches(labels)).isFalse();
  }

  @Test
  void missingLabelIsFalseAndInvertedTrueForPresenceOperators() {
    var labels = Map.of("app", "web");
    assertThat(LabelTerm.exists("frozen").matches(labels)).isFalse();
    assertThat(LabelTerm.notExists("frozen").matches(labels)).isTrue();
    assertThat(LabelTerm.notEqual("tier", "db").matches(labels)).isTrue();
    assertThat(LabelTerm.in("app", "api", "web").matches(labels)).isTrue();
    assertThat(LabelTerm.in("app", "api").inverted().matches(labels)).isTrue();
  }

  @Test
  void queryIsAnAndOfTermsAndResourceQueryAnOrOfQueries() {
    var md = Metadata.of("default", "Paths.os.spindle.dev", "var/run").withLabels(Map.of("a", "1", "b", "2"));
    assertThat(ResourceQuery.labels(LabelTerm.equal("a", "1"), LabelTerm.equal("b", "3")).matches(md)).isFalse();
    assertThat(ResourceQuery.labels(LabelTerm.equal("a", "9")).or(LabelQuery.of(LabelTerm.exists("b"))).matches(md))
        .isTrue();
    assertThat(ResourceQuery.ids("run$").matches(md)).isTrue();
    assertThat(ResourceQuery.ids("^run").matches(md)).isFalse();
  }
}
