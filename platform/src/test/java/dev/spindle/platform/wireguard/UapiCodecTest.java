package dev.spindle.platform.wireguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.platform.network.Errno;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Golden texts of the UAPI protocol: keys made by {@code wg genkey}/{@code wg pubkey}, hex by {@code xxd -p}. */
class UapiCodecTest {
  static final WireguardKey PRIV1 = WireguardKey.parse("eAcw+EJpoTPb6lezSrhr1Lnh32m5dXNaOH37QhDqYlg=");
  static final String PRIV1_HEX = "780730f84269a133dbea57b34ab86bd4b9e1df69b975735a387dfb4210ea6258";
  static final WireguardKey PUB1 = WireguardKey.parse("zzudrmloUo+jr2ppIw3tCrnGhgRu0zTHq7h9mDG3qXY=");
  static final WireguardKey PUB2 = WireguardKey.parse("949vM3pdQG09++obYM4YO9jRsUG+wjslv2gtLvqxvVI=");
  static final String PUB2_HEX = "f78f6f337a5d406d3dfbea1b60ce183bd8d1b141bec23b25bf682d2efab1bd52";
  static final WireguardKey PUB3 = WireguardKey.parse("pkmswK4jsYkhnbwOKcMlnO3a+/D5t4LtVHrFp/Ojjw8=");
  static final String PUB3_HEX = "a649acc0ae23b189219dbc0e29c3259ceddafbf0f9b782ed547ac5a7f3a38f0f";
  static final WireguardKey PSK = WireguardKey.parse("dbc0goKzXd5rjozF69uMPpgKyXJK1xGPWwKlYQ9r1bQ=");
  static final String PSK_HEX = "75b7348282b35dde6b8e8cc5ebdb8c3e980ac9724ad7118f5b02a5610f6bd5b4";
  static final String ZERO_HEX = "0".repeat(64);

  @Test
  void aFullChangePutsTheListenPortFirstAndEndsWithABlankLine() {
    var config = new WireguardConfig(PRIV1, 51820, 0xffffffff, true, List.of(
        new WireguardPeerConfig(PUB2, false, false, PSK, endpoint("10.0.0.2", 51821), Duration.ofSeconds(5), true,
            List.of(AllowedIp.parse("10.1.0.2/32"), AllowedIp.parse("fd00:0:0:1::/64"))),
        new WireguardPeerConfig(PUB3, false, true, WireguardKey.ZERO, endpoint("fd00::3", 51822), Duration.ZERO,
            false, List.of())));
    assertThat(UapiCodec.encodeSet(config)).isEqualTo("""
        set=1
        listen_port=51820
        private_key=%s
        fwmark=4294967295
        replace_peers=true
        public_key=%s
        preshared_key=%s
        endpoint=10.0.0.2:51821
        persistent_keepalive_interval=5
        replace_allowed_ips=true
        allowed_ip=10.1.0.2/32
        allowed_ip=fd00:0:0:1::/64
        public_key=%s
        update_only=true
        preshared_key=%s
        endpoint=[fd00::3]:51822
        persistent_keepalive_interval=0

        """.formatted(PRIV1_HEX, PUB2_HEX, PSK_HEX, PUB3_HEX, ZERO_HEX));
  }

  @Test
  void aRemovalCarriesNothingElseAndUnsetFieldsAreLeftOut() {
    var config = WireguardConfig.ofPeers(List.of(WireguardPeerConfig.removal(PUB2),
        new WireguardPeerConfig(PUB3, false, false, null, null, null, false, List.of(AllowedIp.parse("10.9.0.0/16")))));
    assertThat(UapiCodec.encodeSet(config)).isEqualTo("""
        set=1
        public_key=%s
        remove=true
        public_key=%s
        allowed_ip=10.9.0.0/16

        """.formatted(PUB2_HEX, PUB3_HEX));
    assertThat(UapiCodec.encodeSet(WireguardConfig.ofPeers(List.of()))).isEqualTo("set=1\n\n");
    assertThat(UapiCodec.encodeSet(new WireguardConfig(WireguardKey.ZERO, null, 0, false, null)))
        .isEqualTo("set=1\nprivate_key=" + ZERO_HEX + "\nfwmark=0\n\n");
  }

  @Test
  void aGetAnswerOfWireguardGoIsReadWithCountersHandshakesAndIpv6() throws Exception {
    String answer = """
        private_key=%s
        listen_port=51820
        fwmark=4294967295
        public_key=%s
        preshared_key=%s
        protocol_version=1
        endpoint=[fd00::2]:51821
        last_handshake_time_sec=1764768000
        last_handshake_time_nsec=123456789
        tx_bytes=1184
        rx_bytes=18446744073709551615
        persistent_keepalive_interval=25
        allowed_ip=10.1.0.2/32
        allowed_ip=fd00:1::/64
        public_key=%s
        preshared_key=%s
        protocol_version=1
        last_handshake_time_sec=0
        last_handshake_time_nsec=0
        tx_bytes=0
        rx_bytes=0
        persistent_keepalive_interval=0
        errno=0

        """.formatted(PRIV1_HEX, PUB2_HEX, PSK_HEX, PUB3_HEX, ZERO_HEX);
    WireguardDevice device = UapiCodec.decodeGet("wg0", answer);
    assertThat(device.name()).isEqualTo("wg0");
    assertThat(device.privateKey()).isEqualTo(PRIV1);
    assertThat(device.publicKey()).as("derived from the private key").isEqualTo(PUB1);
    assertThat(device.listenPort()).isEqualTo(51820);
    assertThat(device.firewallMark()).isEqualTo(0xffffffff);
    assertThat(device.peers()).containsExactly(
        new WireguardPeer(PUB2, PSK, endpoint("fd00::2", 51821), Duration.ofSeconds(25),
            Instant.ofEpochSecond(1764768000, 123456789), -1L, 1184,
            List.of(AllowedIp.parse("10.1.0.2/32"), AllowedIp.parse("fd00:1::/64")), 1),
        new WireguardPeer(PUB3, WireguardKey.ZERO, null, Duration.ZERO, null, 0, 0, List.of(), 1));
    assertThat(Long.toUnsignedString(device.peers().getFirst().rxBytes())).isEqualTo("18446744073709551615");
  }

  @Test
  void aFreshDeviceHasNoKeyNoPortAndNoPeers() throws Exception {
    WireguardDevice device = UapiCodec.decodeGet("wg1", "errno=0\n\n");
    assertThat(device).isEqualTo(new WireguardDevice("wg1", WireguardKey.ZERO, WireguardKey.ZERO, 0, 0, List.of()));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "errno=-22\\n\\n       | EINVAL",
      "errno=98\\n\\n        | EADDRINUSE",
      "errno=-5\\n\\n        | EIO"})
  void aNonZeroErrnoIsThatErrno(String answer, Errno expected) {
    String text = answer.replace("\\n", "\n");
    assertThatThrownBy(() -> UapiCodec.checkSetAnswer("wg0", text)).isInstanceOf(WireguardException.class)
        .satisfies(e -> assertThat(((WireguardException) e).errno()).isEqualTo(expected))
        .hasMessage("configuring wg0: " + expected.name());
    assertThatThrownBy(() -> UapiCodec.decodeGet("wg0", text))
        .satisfies(e -> assertThat(((WireguardException) e).errno()).isEqualTo(expected))
        .hasMessage("reading wg0: " + expected.name());
  }

  @Test
  void anErrnoWithoutAConstantKeepsItsNumber() {
    assertThatThrownBy(() -> UapiCodec.checkSetAnswer("wg0", "errno=-55\n\n"))
        .satisfies(e -> assertThat(((WireguardException) e).errno()).isEqualTo(Errno.UNKNOWN))
        .hasMessage("configuring wg0 (errno 55): UNKNOWN");
    assertThatThrownBy(() -> UapiCodec.checkSetAnswer("wg0", "errno=0\nerrno=0\n\n")).hasMessageContaining("EIO");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''                                            | (the answer does not end with a blank line)",
      "errno=0\\n                                    | (the answer does not end with a blank line)",
      "listen_port=1\\n                              | (the answer does not end with a blank line)",
      "listen_port=1\\n\\n                           | (answer line 1: no errno line)",
      "listen_port\\nerrno=0\\n\\n                   | (answer line 1: a line without key=value)",
      "listen_port=70000\\nerrno=0\\n\\n             | (answer line 1: listen_port does not parse)",
      "errno=0\\nlisten_port=1\\n\\n                 | (answer line 1: errno before the end of the answer)",
      "public_key=ab\\nerrno=0\\n\\n                 | (answer line 1: public_key does not parse)",
      "errno=x\\n\\n                                 | (answer line 1: errno does not parse)"})
  void aMalformedAnswerIsEioSayingWhere(String answer, String where) {
    assertThatThrownBy(() -> UapiCodec.decodeGet("wg0", answer.replace("\\n", "\n")))
        .isInstanceOf(WireguardException.class).hasMessage("reading wg0 " + where + ": EIO");
  }

  @ParameterizedTest
  @CsvSource({"last_handshake_time_sec, 31556889864403200", "last_handshake_time_nsec, 1000000000",
      "last_handshake_time_sec, -1", "persistent_keepalive_interval, 65536", "rx_bytes, -1", "endpoint, [fd00::1]",
      "allowed_ip, 10.2.0", "allowed_ip, example.com/24", "preshared_key, 00"})
  void aPeerValueOutOfRangeIsEioNamingItsKey(String key, String value) {
    String answer = "public_key=" + PUB2_HEX + "\n" + key + "=" + value + "\nerrno=0\n\n";
    assertThatThrownBy(() -> UapiCodec.decodeGet("wg0", answer))
        .hasMessage("reading wg0 (answer line 2: " + key + " does not parse): EIO");
  }

  @Test
  void aPrivateKeyThatDoesNotParseIsNotEchoed() {
    String broken = "private_key=" + PRIV1_HEX.substring(2) + "\nerrno=0\n\n";
    assertThatThrownBy(() -> UapiCodec.decodeGet("wg0", broken))
        .hasMessage("reading wg0 (answer line 1: private_key does not parse): EIO")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PRIV1_HEX.substring(2, 20)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "10.0.0.1                 | 10.0.0.1",
      "fd00:0:0:0:0:0:0:1       | fd00::1",
      "0:0:0:0:0:0:0:0          | ::",
      "0:0:0:0:0:0:0:1          | ::1",
      "fd00:0:1:0:0:1:0:0       | fd00:0:1::1:0:0",
      "fd00:1:0:1:0:0:0:1       | fd00:1:0:1::1",
      "2001:db8:0:1:1:1:1:1     | 2001:db8:0:1:1:1:1:1",
      "fe80:0:0:0:0:0:0:1%7     | fe80::1%7"})
  void addressesAreWrittenInTheirShortestForm(String address, String written) {
    assertThat(UapiCodec.formatAddress(InetAddress.ofLiteral(address))).isEqualTo(written);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "10.0.0.1:51820           | 10.0.0.1       | 51820",
      "[fd00::1]:0              | fd00::1        | 0",
      "[fe80::1%nosuchif]:51820 | fe80::1        | 51820",
      "[fe80::1%3]:51820        | fe80::1%3      | 51820"})
  void endpointsAreReadInBothFormsWithoutResolvingNames(String text, String address, int port) {
    assertThat(UapiCodec.parseEndpoint(text)).isEqualTo(new InetSocketAddress(InetAddress.ofLiteral(address), port));
  }

  @ParameterizedTest
  @CsvSource({"example.com:51820", "fd00::1:51820", "10.0.0.1", "10.0.0.1:x", "[fd00::1]:70000"})
  void anEndpointThatIsNotALiteralIsRefused(String text) {
    assertThatThrownBy(() -> UapiCodec.parseEndpoint(text)).isInstanceOf(IllegalArgumentException.class);
  }

  static InetSocketAddress endpoint(String address, int port) {
    return new InetSocketAddress(InetAddress.ofLiteral(address), port);
  }
}
