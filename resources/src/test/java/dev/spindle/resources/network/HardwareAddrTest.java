package dev.spindle.resources.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HardwareAddrTest {
  @Test
  void printsLowerCaseColonHexAndEmptyAsEmpty() {
    assertThat(HardwareAddr.of((byte) 0x52, (byte) 0x54, (byte) 0, (byte) 0xAB, (byte) 0xCD, (byte) 0xEF))
        .hasToString("52:54:00:ab:cd:ef");
    assertThat(HardwareAddr.EMPTY).hasToString("");
  }

  @Test
  void parsingDropsColonsAndAcceptsAnyLength() {
    assertThat(HardwareAddr.parse("52:54:00:AB:CD:EF")).isEqualTo(HardwareAddr.parse("525400abcdef"));
    assertThat(HardwareAddr.parse("")).isEqualTo(HardwareAddr.EMPTY);
    assertThat(HardwareAddr.parse("00:00:00:00:00:00:00:00:fe:80").bytes()).hasSize(10);
    assertThatThrownBy(() -> HardwareAddr.parse("52:54:0")).hasMessageContaining("52:54:0");
  }

  @Test
  void isAnImmutableValue() {
    byte[] raw = {1, 2, 3};
    var addr = HardwareAddr.of(raw);
    raw[0] = 9;
    addr.bytes()[1] = 9;
    assertThat(addr).isEqualTo(HardwareAddr.of((byte) 1, (byte) 2, (byte) 3)).hasToString("01:02:03");
    assertThat(addr.hashCode()).isEqualTo(HardwareAddr.parse("01:02:03").hashCode());
  }
}
