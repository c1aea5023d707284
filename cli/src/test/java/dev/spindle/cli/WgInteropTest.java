package dev.spindle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.runtime.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spindle's keys and {@code wg}'s are interchangeable, both ways: {@code wg genkey | spindlectl gen wg-pubkey} equals
 * {@code wg pubkey}, and {@code spindlectl gen wg-key | wg pubkey} equals {@code spindlectl gen wg-pubkey}. The pipes
 * are real: spindlectl runs as its own JVM (this test's class path), reading its standard input.
 */
class WgInteropTest {
  private static Path wg;

  record Run(int status, String out, String err) {}

  @BeforeAll
  static void needsWg() {
    wg = Prerequisites.requireBinary("wg", "wireguard-tools");
  }

  private static Run run(List<String> command, String stdin) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).start();
    try (var in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not end");
    }
    return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  private static Run wg(String subcommand, String stdin) throws IOException, InterruptedException {
    Run run = run(List.of(wg.toString(), subcommand), stdin);
    assertThat(run.status()).as("wg " + subcommand + ": " + run.err()).isZero();
    return run;
  }

  private static Run spindlectl(String stdin, String... args) throws IOException, InterruptedException {
    var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Spindlectl.class.getName()));
    command.addAll(List.of(args));
    return run(command, stdin);
  }

  @Test
  void wgGenkeyPipedIntoSpindlectlGivesWgsPublicKey() throws Exception {
    for (int i = 0; i < 3; i++) {
      String key = wg("genkey", "").out();
      Run ours = spindlectl(key, "gen", "wg-pubkey");
      assertThat(ours.status()).as(ours.err()).isZero();
      assertThat(ours.out()).isEqualTo(wg("pubkey", key).out());
    }
  }

  @Test
  void spindlectlGenKeyPipedIntoWgGivesSpindlectlsPublicKey() throws Exception {
    for (int i = 0; i < 3; i++) {
      String key = Cli.run("gen", "wg-key").out();
      String theirs = wg("pubkey", key).out();
      assertThat(Cli.runWithStdin(key, "gen", "wg-pubkey").out()).isEqualTo(theirs);
    }
    Run key = spindlectl("", "gen", "wg-key");
    assertThat(key.status()).isZero();
    assertThat(spindlectl(key.out(), "gen", "wg-pubkey").out()).isEqualTo(wg("pubkey", key.out()).out());
  }

  @Test
  void aPresharedKeyIsAKeyWgAccepts() throws Exception {
    String psk = Cli.run("gen", "wg-psk").out();
    assertThat(wg("pubkey", psk).out()).matches("[A-Za-z0-9+/]{43}=\n");
  }

  @Test
  void badInputExitsNonZeroWithoutEchoingIt() throws Exception {
    String secret = "this-is-no-key-but-a-secret-all-the-same";
    Run bad = spindlectl(secret + "\n", "gen", "wg-pubkey");
    assertThat(bad.status()).isEqualTo(ExitStatus.ERROR.code());
    assertThat(bad.out()).isEmpty();
    assertThat(bad.err()).startsWith("error: ").doesNotContain(secret).doesNotContain("secret");
    assertThat(run(List.of(wg.toString(), "pubkey"), secret + "\n").status()).as("wg refuses it too").isNotZero();
  }
}
