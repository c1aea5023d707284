package dev.spindle.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostPortTest {
  @Test
  void parsesTheFormsOperatorsType() {
    assertThat(HostPort.parse("10.0.0.5", 50000)).isEqualTo(new HostPort("10.0.0.5", 50000));
    assertThat(HostPort.parse("node1:50001", 50000)).isEqualTo(new HostPort("node1", 50001));
    assertThat(HostPort.parse("fd00::5", 50000)).isEqualTo(new HostPort("fd00::5", 50000));
    assertThat(HostPort.parse("[fd00::5]:4", 50000)).isEqualTo(new HostPort("fd00::5", 4));
    assertThat(HostPort.parse("[fd00::5]", 7)).isEqualTo(new HostPort("fd00::5", 7));
    assertThat(new HostPort("fd00::5", 4)).hasToString("[fd00::5]:4");
  }

  @Test
  void rejectsBadPorts() {
    assertThatThrownBy(() -> HostPort.parse("node:0", 1)).hasMessage("invalid address \"node:0\": invalid port \"0\"");
    assertThatThrownBy(() -> HostPort.parse("node:x", 1)).hasMessageContaining("invalid port");
    assertThatThrownBy(() -> HostPort.parse("[::1", 1)).hasMessageContaining("missing ']'");
  }
}
