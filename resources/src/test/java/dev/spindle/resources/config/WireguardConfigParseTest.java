package dev.spindle.resources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.network.IpPrefix;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code WireguardConfig} document read into its record (Talos's testdata), and its secrets kept out of text. */
class WireguardConfigParseTest {
  private static final String PRIVATE = "GA1E1VB+g41Dl0+UH2TMW9C5953y+moVg6JIIqkJbmw=";
  private static final String PSK = "6j4UMxwszrHVZZUjY8/SFsZMjgaHkxV7yp9Tz05btho=";
  private static final String CONFIG = """
      apiVersion: v1alpha1
      kind: WireguardConfig
      name: wg.int
      privateKey: %s
      listenPort: 5042
      firewallMark: 176
      peers:
          - publicKey: 735jkJdcVDninU5PzLJ/S+bfN6Q3QOk6svWrVLMJQAk=
            allowedIPs: [192.168.1.0/24]
          - publicKey: uvdlJNva1X8/OCOZM+0gGT4Yu9x20odd3AWbbQUF7nM=
            presharedKey: %s
            endpoint: 10.3.4.3:2222
            persistentKeepaliveInterval: 25s
            allowedIPs: [fd00::/64, 10.9.0.1/32]
          - publicKey: RXdQkMTD1Jcxd/Wizr9k8syw8ANs57l5jTormDVHAVs=
            endpoint: "[fd00::3]:51820"
      up: true
      mtu: 1420
      addresses: [{address: 192.168.1.100/32}]
      """.formatted(PRIVATE, PSK);

  @Test
  void talosTestdataReadsIntoTheRecord() throws ConfigValidationException {
    MachineConfig config = MachineConfigParser.parse(CONFIG, "wg.yaml");
    WireguardConfig wg = config.documents(WireguardConfig.class).getFirst();
    assertThat(config.documents(LinkDocument.class)).containsExactly(wg);
    assertThat(wg.name()).isEqualTo("wg.int");
    assertThat(wg.kind()).isEqualTo("WireguardConfig");
    assertThat(wg.privateKey()).isEqualTo(PRIVATE);
    assertThat(wg.listenPort()).isEqualTo(5042);
    assertThat(wg.firewallMark()).isEqualTo(176);
    assertThat(wg.common().up()).isTrue();
    assertThat(wg.common().mtu()).isEqualTo(1420);
    assertThat(wg.common().addresses()).containsExactly(
        new LinkAddressConfig(IpPrefix.parse("192.168.1.100/32"), null));
    assertThat(wg.peers()).containsExactly(
        new WireguardPeerConfig("735jkJdcVDninU5PzLJ/S+bfN6Q3QOk6svWrVLMJQAk=", "", "", Duration.ZERO,
            List.of(IpPrefix.parse("192.168.1.0/24"))),
        new WireguardPeerConfig("uvdlJNva1X8/OCOZM+0gGT4Yu9x20odd3AWbbQUF7nM=", PSK, "10.3.4.3:2222",
            Duration.ofSeconds(25), List.of(IpPrefix.parse("fd00::/64"), IpPrefix.parse("10.9.0.1/32"))),
        new WireguardPeerConfig("RXdQkMTD1Jcxd/Wizr9k8syw8ANs57l5jTormDVHAVs=", "", "[fd00::3]:51820",
            Duration.ZERO, List.of()));
  }

  @Test
  void anUnsetPortMarkAndKeepaliveAreZero() throws ConfigValidationException {
    WireguardConfig wg = MachineConfigParser.parse("apiVersion: v1alpha1\nkind: WireguardConfig\nname: wg0\n"
        + "privateKey: " + PRIVATE + "\n", "wg.yaml").documents(WireguardConfig.class).getFirst();
    assertThat(wg.listenPort()).isZero();
    assertThat(wg.firewallMark()).isZero();
    assertThat(wg.peers()).isEmpty();
    assertThat(wg.common().upOrDefault()).isTrue();
  }

  @Test
  void toStringShowsNeitherThePrivateNorAPresharedKey() throws ConfigValidationException {
    WireguardConfig wg = MachineConfigParser.parse(CONFIG, "wg.yaml").documents(WireguardConfig.class).getFirst();
    assertThat(wg.toString()).doesNotContain(PRIVATE).doesNotContain(PSK).contains("wg.int", "(redacted)",
        "735jkJdcVDninU5PzLJ/S+bfN6Q3QOk6svWrVLMJQAk=", "10.3.4.3:2222");
    assertThat(wg.peers().get(1).toString()).doesNotContain(PSK).contains("presharedKey=(redacted)");
    assertThat(wg.peers().get(0).toString()).contains("presharedKey=,");
  }

  @Test
  void aPublicKeyOfTwoPeersIsAWarning() {
    var result = MachineConfigParser.check("apiVersion: v1alpha1\nkind: WireguardConfig\nname: wg0\n"
        + "privateKey: " + PRIVATE + "\npeers:\n"
        + "  - publicKey: 735jkJdcVDninU5PzLJ/S+bfN6Q3QOk6svWrVLMJQAk=\n"
        + "  - publicKey: uvdlJNva1X8/OCOZM+0gGT4Yu9x20odd3AWbbQUF7nM=\n"
        + "  - publicKey: 735jkJdcVDninU5PzLJ/S+bfN6Q3QOk6svWrVLMJQAk=\n", "wg.yaml");
    assertThat(result.valid()).isTrue();
    assertThat(result.warnings()).extracting(ConfigProblem::toString).containsExactly(
        "wg.yaml:8:16: document 1 (WireguardConfig): peers[2].publicKey: wireguard peer public key repeats peer "
            + "index 0: the kernel keeps one peer per key, with the settings of the last");
  }
}
