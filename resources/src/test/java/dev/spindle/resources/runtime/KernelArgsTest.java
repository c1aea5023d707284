package dev.spindle.resources.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KernelArgsTest {
  @Test
  void aValueIsEverythingAfterTheFirstEquals() {
    var args = KernelArgs.parse("talos.environment=foo=bar talos.environment=bar=baz");
    assertThat(args.all("talos.environment")).containsExactly("foo=bar", "bar=baz");
    assertThat(args.first("talos.environment")).contains("foo=bar");
  }

  @Test
  void quotesProtectBlanksAndAreStripped() {
    var args = KernelArgs.parse("console=ttyS0  talos.environment=\"A=b c\" quiet\n");
    assertThat(args.all("talos.environment")).containsExactly("A=b c");
    assertThat(args.keys()).containsExactly("console", "talos.environment", "quiet");
    assertThat(args.has("quiet")).isTrue();
    assertThat(args.first("quiet")).isEmpty();
  }

  @Test
  void anAbsentKeyHasNoValues() {
    var args = KernelArgs.parse("");
    assertThat(args.all("ip")).isEmpty();
    assertThat(args.keys()).isEmpty();
  }
}
