package dev.spindle.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.runtime.resource.LabelQuery;
import dev.spindle.runtime.resource.LabelTerm;
import dev.spindle.runtime.resource.ResourceQuery;
import org.junit.jupiter.api.Test;

class SelectorTest {
  @Test
  void termsMapToLabelTermsAndAllMustHold() {
    assertThat(Selector.parse("role=uplink, tier==1,zone!=b,managed,!legacy")).isEqualTo(ResourceQuery.ALL.or(
        LabelQuery.of(LabelTerm.equal("role", "uplink"), LabelTerm.equal("tier", "1"),
            LabelTerm.notEqual("zone", "b"), LabelTerm.exists("managed"), LabelTerm.notExists("legacy"))));
    assertThat(Selector.parse("k=")).isEqualTo(ResourceQuery.labels(LabelTerm.equal("k", "")));
  }

  @Test
  void malformedSelectorsAreUsageErrors() {
    assertThatThrownBy(() -> Selector.parse("a=1,,b"))
        .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.status()).isEqualTo(ExitStatus.USAGE))
        .hasMessage("invalid selector \"a=1,,b\": empty term");
    assertThatThrownBy(() -> Selector.parse("=x")).hasMessage("invalid selector \"=x\": invalid label key \"\"");
    assertThatThrownBy(() -> Selector.parse("!")).hasMessageContaining("invalid label key");
  }
}
