package dev.spindle.resources.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LinkTypeTest {
  @Test
  void namedNumbersPrintTheirTalosNames() {
    assertThat(LinkType.of(0).text()).isEqualTo("netrom");
    assertThat(LinkType.ETHER.text()).isEqualTo("ether");
    assertThat(LinkType.LOOPBACK.text()).isEqualTo("loopback");
    assertThat(LinkType.of(801).text()).isEqualTo("ieee802.11");
    assertThat(LinkType.of(799).text()).isEqualTo("fcfb_12");
    assertThat(LinkType.NONE.text()).as("WireGuard").isEqualTo("nohdr");
    assertThat(LinkType.of(513).text()).as("cisco and hdlc share 513; the first wins").isEqualTo("cisco");
  }

  @Test
  void anUnnamedNumberPrintsAsEnumerDoesAndReadsBack() {
    assertThat(LinkType.of(1234).text()).isEqualTo("LinkType(1234)");
    assertThat(LinkType.parse("LinkType(1234)")).isEqualTo(LinkType.of(1234));
  }

  @Test
  void namesReadCaseInsensitively() {
    assertThat(LinkType.parse("Ether")).isEqualTo(LinkType.ETHER);
    assertThat(LinkType.parse("ip/ddp")).isEqualTo(LinkType.of(777));
    assertThatThrownBy(() -> LinkType.parse("ethernet")).hasMessageContaining("ethernet");
  }
}
