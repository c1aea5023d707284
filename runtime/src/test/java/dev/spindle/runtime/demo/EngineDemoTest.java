package dev.spindle.runtime.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's example, run as written. */
class EngineDemoTest {
  @Test
  void printsTheBannerLifecycleAsWatchEvents() throws Exception {
    var buffer = new ByteArrayOutputStream();
    EngineDemo.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));

    assertThat(buffer.toString(StandardCharsets.UTF_8).lines().map(String::stripTrailing)).containsExactly(
        "* NAMESPACE TYPE    ID      VERSION  TEXT",
        "+ demo      Banner  world   1        HELLO, WORLD!",
        "  demo      Banner  world   2        HELLO, SPINDLE!",
        "  demo      Banner  world   3        HELLO, SPINDLE!",
        "- demo      Banner  world   3        HELLO, SPINDLE!");
  }
}
