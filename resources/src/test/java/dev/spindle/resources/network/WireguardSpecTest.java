package dev.spindle.resources.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A WireGuard spec's text (logs, exception messages) shows no private or preshared key. */
class WireguardSpecTest {
  private static final String PRIVATE = "KIT4Pe7jFbCnH+ZMwsqsIbX2xiTdmemQU9w9sYItqXY=";
  private static final String PSK = "6j4UMxwszrHVZZUjY8/SFsZMjgaHkxV7yp9Tz05btho=";
  private static final String PUB = "VHlgUWcakWcZyrtKI476PJSdoINTc1G5PYO1SEkr4FQ=";

  @Test
  void toStringRedactsThePrivateAndPresharedKeys() {
    var peer = new WireguardPeer(PUB, PSK, "10.0.0.1:51820", Duration.ofSeconds(5),
        List.of(IpPrefix.parse("10.1.0.2/32")));
    var spec = new WireguardSpec(PRIVATE, "", 51111, 7, List.of(peer));
    assertThat(spec.toString()).doesNotContain(PRIVATE).doesNotContain(PSK)
        .contains("privateKey=(redacted)", PUB, "10.0.0.1:51820", "51111", "10.1.0.2/32");
    assertThat(peer.toString()).doesNotContain(PSK).contains("presharedKey=(redacted)");
    LinkSpec link = LinkSpec.builder("wg0", dev.spindle.resources.ConfigLayer.CONFIGURATION).wireguard(spec).build();
    assertThat(link.toString()).doesNotContain(PRIVATE).doesNotContain(PSK);
  }

  @Test
  void absentKeysReadEmptyNotRedacted() {
    var status = new WireguardSpec("", PUB, 51820, 0, List.of(new WireguardPeer(PUB, "", "", Duration.ZERO,
        List.of())));
    assertThat(status.toString()).contains("privateKey=,", "publicKey=" + PUB).doesNotContain("(redacted)");
  }
}
