package dev.spindle.resources.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The size limit: at most {@link MachineConfigParser#MAX_BYTES} (3 MiB) of UTF-8, checked before parsing with a
 * message that names the size, rather than SnakeYAML's own code-point limit error from the middle of the stream.
 */
class MachineConfigSizeLimitTest {
  private static final String CONFIG = "apiVersion: v1alpha1\nkind: HostnameConfig\nhostname: node-1\n";

  /** {@link #CONFIG} padded with a comment to exactly {@code bytes} bytes of UTF-8, {@code filler} repeated. */
  private static String padded(int bytes, String filler) {
    int fillerBytes = filler.getBytes(StandardCharsets.UTF_8).length;
    var b = new StringBuilder(CONFIG).append('#');
    int remaining = bytes - CONFIG.length() - 2;
    b.repeat(filler, remaining / fillerBytes).repeat("x", remaining % fillerBytes).append('\n');
    assertThat(b.toString().getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
    return b.toString();
  }

  @Test
  void aConfigurationOfExactlyTheLimitIsAccepted() {
    assertThat(MachineConfigParser.check(padded(3 << 20, "x"), "cfg.yaml").valid()).isTrue();
  }

  @Test
  void oneByteMoreIsRejectedBeforeParsingWithItsSize() {
    var result = MachineConfigParser.check(padded((3 << 20) + 1, "x"), "cfg.yaml");
    assertThat(result.errors()).extracting(ConfigProblem::message)
        .containsExactly("cfg.yaml: the configuration is 3145729 bytes; at most 3145728 are accepted");
  }

  @Test
  void theLimitCountsUtf8BytesNotCharacters() {
    String text = padded(3 << 20, "é"); // two bytes a character: well under 3 Mi characters
    var result = MachineConfigParser.check(text + "# é\n", "cfg.yaml");
    assertThat(result.errors()).extracting(ConfigProblem::message)
        .containsExactly("cfg.yaml: the configuration is 3145733 bytes; at most 3145728 are accepted");
    assertThat(MachineConfigParser.check(text, "cfg.yaml").valid()).isTrue();
  }

  @Test
  void theLimitIsThreeMebibytes() {
    assertThat(MachineConfigParser.MAX_BYTES).isEqualTo(3_145_728);
  }
}
