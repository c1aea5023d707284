package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WarnOnceTest {
  private final WarnOnce warnings = new WarnOnce("test.WarnOnceTest");

  @Test
  void aRepeatedWarningIsLoggedOnceUntilItChangesOrIsCleared() {
    assertThat(warnings.warn("a", "first")).isTrue();
    assertThat(warnings.warn("a", "first")).isFalse();
    assertThat(warnings.warn("b", "first")).as("topics are independent").isTrue();
    assertThat(warnings.warn("a", "second")).isTrue();
    assertThat(warnings.warn("a", "first")).isTrue();
    warnings.clear("a");
    assertThat(warnings.warn("a", "first")).isTrue();
  }
}
