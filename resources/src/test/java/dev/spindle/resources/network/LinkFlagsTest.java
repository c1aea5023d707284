package dev.spindle.resources.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LinkFlagsTest {
  @Test
  void printsSetFlagsInBitOrder() {
    assertThat(new LinkFlags(0x11043).text()).isEqualTo("UP,BROADCAST,RUNNING,MULTICAST,LOWER_UP");
    assertThat(LinkFlags.of(LinkFlag.ECHO, LinkFlag.UP).text()).isEqualTo("UP,ECHO");
    assertThat(LinkFlags.NONE.text()).isEmpty();
  }

  @Test
  void bitsAboveEchoAreKeptButNotPrinted() {
    var flags = new LinkFlags(1 << 20 | 1);
    assertThat(flags.text()).isEqualTo("UP");
    assertThat(flags.bits()).isEqualTo(1 << 20 | 1);
  }

  @Test
  void readsTheTextBackIncludingNoFlags() {
    assertThat(LinkFlags.parse("UP,LOOPBACK,RUNNING,LOWER_UP")).isEqualTo(new LinkFlags(0x10049));
    assertThat(LinkFlags.parse("up,running")).isEqualTo(LinkFlags.of(LinkFlag.UP, LinkFlag.RUNNING));
    assertThat(LinkFlags.parse("")).isEqualTo(LinkFlags.NONE);
    assertThatThrownBy(() -> LinkFlags.parse("UP,")).hasMessageContaining("LinkFlag");
  }

  @Test
  void withAndWithoutChangeOneFlag() {
    var flags = LinkFlags.of(LinkFlag.BROADCAST).with(LinkFlag.UP);
    assertThat(flags.contains(LinkFlag.UP)).isTrue();
    assertThat(flags.without(LinkFlag.UP)).isEqualTo(LinkFlags.of(LinkFlag.BROADCAST));
  }
}
