package dev.spindle.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationTextTest {
  @Test
  void formatsAsGoDurationString() {
    assertThat(GoDurationText.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(GoDurationText.format(Duration.ofSeconds(30))).isEqualTo("30s");
    assertThat(GoDurationText.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(GoDurationText.format(Duration.ofHours(1))).isEqualTo("1h0m0s");
    assertThat(GoDurationText.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(GoDurationText.format(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(GoDurationText.format(Duration.ofNanos(1500))).isEqualTo("1.5\u00b5s");
    assertThat(GoDurationText.format(Duration.ofNanos(7))).isEqualTo("7ns");
    assertThat(GoDurationText.format(Duration.ofSeconds(-5))).isEqualTo("-5s");
  }

  @Test
  void parsesAsTimeParseDuration() {
    assertThat(GoDurationText.parse("1h2m3.5s")).isEqualTo(Duration.ofMillis(3_723_500));
    assertThat(GoDurationText.parse("0")).isEqualTo(Duration.ZERO);
    assertThat(GoDurationText.parse(".5s")).isEqualTo(Duration.ofMillis(500));
    assertThat(GoDurationText.parse("1us")).isEqualTo(Duration.ofNanos(1000));
    assertThat(GoDurationText.parse("-1.5h")).isEqualTo(Duration.ofMinutes(-90));
    assertThatThrownBy(() -> GoDurationText.parse("30")).hasMessageContaining("\"30\"");
    assertThatThrownBy(() -> GoDurationText.parse("")).hasMessageContaining("invalid duration");
  }
}
