package dev.spindle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.cli.Cli.Result;
import dev.spindle.platform.wireguard.WireguardKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code gen wg-key}, {@code wg-pubkey} and {@code wg-psk} in-process: formats, the known vector, bad input. */
class WireguardKeyCommandsTest {
  /** RFC 7748 §6.1: Alice's private key and public key, in wg's base64. */
  private static final String RFC_PRIVATE = "dwdtCnMYpX08FsFyUbJmRd9ML4frwJkqsXf7pR25LCo=";
  private static final String RFC_PUBLIC = "hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo=";

  @Test
  void wgKeyPrintsOneNewClampedKeyPerRun() {
    Result first = Cli.run("gen", "wg-key");
    Result second = Cli.run("gen", "wg-key");
    assertThat(first.status()).isZero();
    assertThat(first.err()).isEmpty();
    assertThat(first.out()).matches("[A-Za-z0-9+/]{43}=\n").isNotEqualTo(second.out());
    byte[] raw = WireguardKey.parse(first.out().strip()).bytes();
    assertThat(raw[0] & 7).as("clamped: low three bits clear").isZero();
    assertThat(raw[31] & 0xc0).as("clamped: top bit clear, bit 254 set").isEqualTo(0x40);
  }

  @Test
  void wgPskPrintsARandomKey() {
    Result psk = Cli.run("gen", "wg-psk");
    assertThat(psk.status()).isZero();
    assertThat(psk.out()).matches("[A-Za-z0-9+/]{43}=\n").isNotEqualTo(Cli.run("gen", "wg-psk").out());
  }

  @Test
  void wgPubkeyDerivesThePublicKeyOfTheKnownVector() {
    Result pub = Cli.runWithStdin(RFC_PRIVATE + "\n", "gen", "wg-pubkey");
    assertThat(pub.status()).isZero();
    assertThat(pub.out()).isEqualTo(RFC_PUBLIC + "\n");
    assertThat(Cli.runWithStdin(RFC_PRIVATE, "gen", "wg-pubkey").out()).as("no line break needed")
        .isEqualTo(RFC_PUBLIC + "\n");
  }

  @Test
  void wgKeyPipedIntoWgPubkeyGivesThatKeysPublicKey() {
    String key = Cli.run("gen", "wg-key").out();
    assertThat(Cli.runWithStdin(key, "gen", "wg-pubkey").out().strip())
        .isEqualTo(WireguardKey.parse(key.strip()).publicKey().base64());
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-secret-key-but-close-to-44-chars-long!", "c2VjcmV0LWJ1dC1zaG9ydA==",
      "dwdtCnMYpX08FsFyUbJmRd9ML4frwJkqsXf7pR25LCo=dwdtCnMYpX08FsFyUbJmRd9ML4frwJkqsXf7pR25LCo=",
      " dwdtCnMYpX08FsFyUbJmRd9ML4frwJkqsXf7pR25LCo", "dwdtCnMYpX08FsFyUbJmRd9ML4frwJkqsXf7pR25L-o="})
  void badInputIsAnErrorThatDoesNotRepeatIt(String input) {
    Result bad = Cli.runWithStdin(input + "\n", "gen", "wg-pubkey");
    assertThat(bad.status()).isEqualTo(ExitStatus.ERROR.code());
    assertThat(bad.out()).isEmpty();
    assertThat(bad.err()).startsWith("error: the private key on standard input is not a WireGuard key: ")
        .doesNotContain(input.strip()).doesNotContain("secret").doesNotContain("dwdt").doesNotContain("2d");
  }

  @Test
  void emptyInputIsAnError() {
    Result empty = Cli.runWithStdin("", "gen", "wg-pubkey");
    assertThat(empty.status()).isEqualTo(ExitStatus.ERROR.code());
    assertThat(empty.err()).isEqualTo("error: no private key on standard input\n");
    assertThat(Cli.runWithStdin("\n\n", "gen", "wg-pubkey").err()).isEqualTo(empty.err());
  }
}
