package dev.spindle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.cli.Cli.Result;
import dev.spindle.platform.wireguard.WireguardKey;
import dev.spindle.resources.config.LinkConfig;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.config.MachineConfigParser;
import dev.spindle.resources.config.WireguardConfig;
import dev.spindle.resources.config.WireguardPeerConfig;
import dev.spindle.resources.network.IpPrefix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gen config}: the files it writes, each a valid machine configuration whose {@code WireguardConfig} is the
 * node's side of the mesh (§6.5), reproducible with {@code --seed}; and its errors.
 */
class GenConfigTest {
  @TempDir
  Path dir;

  private Result gen(Path out, String... args) {
    var all = new ArrayList<>(List.of("gen", "config", "--output-dir", out.toString()));
    all.addAll(List.of(args));
    return Cli.run(all.toArray(String[]::new));
  }

  private static MachineConfig parse(Path file) throws IOException {
    var result = MachineConfigParser.check(Files.readString(file), file.toString());
    assertThat(result.errors()).as(file + " parses with no errors").isEmpty();
    assertThat(result.warnings()).as(file + " parses with no warnings").isEmpty();
    return result.config();
  }

  private static WireguardConfig wg(MachineConfig config) {
    return config.documents(WireguardConfig.class).getFirst();
  }

  private static String publicKeyOf(WireguardConfig wg) {
    return WireguardKey.parse(wg.privateKey()).publicKey().base64();
  }

  @Test
  void theWorkedExampleAsThreeValidFiles() throws IOException {
    Result result = gen(dir, "--wireguard-cidr", "10.1.0.0/24", "--nodes", "3", "--controlplanes", "2", "--seed", "1");
    assertThat(result.status()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("wrote " + dir.resolve("controlplane-1.yaml")
        + " (controlplane, 10.5.0.2, wg0 10.1.0.2/24)\n"
        + "wrote " + dir.resolve("controlplane-2.yaml") + " (controlplane, 10.5.0.3, wg0 10.1.0.3/24)\n"
        + "wrote " + dir.resolve("worker-1.yaml") + " (worker, 10.5.0.4, wg0 10.1.0.4/24)\n");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("controlplane-1.yaml", "controlplane-2.yaml", "worker-1.yaml");
    }
    MachineConfig cp1File = parse(dir.resolve("controlplane-1.yaml"));
    MachineConfig cp2File = parse(dir.resolve("controlplane-2.yaml"));
    MachineConfig w1File = parse(dir.resolve("worker-1.yaml"));
    assertThat(cp1File.v1alpha1().orElseThrow().machine().type()).isEqualTo("controlplane");
    assertThat(w1File.v1alpha1().orElseThrow().machine().type()).isEqualTo("worker");
    assertThat(w1File.v1alpha1().orElseThrow().machine().network().interfaces()).as("the network stays empty")
        .isEmpty();

    WireguardConfig cp1 = wg(cp1File);
    WireguardConfig cp2 = wg(cp2File);
    WireguardConfig w1 = wg(w1File);
    assertThat(List.of(cp1, cp2, w1)).allSatisfy(wg -> {
      assertThat(wg.name()).isEqualTo("wg0");
      assertThat(wg.common().up()).isTrue();
      assertThat(wg.common().mtu()).isEqualTo(1500);
      assertThat(wg.firewallMark()).isZero();
      assertThat(wg.peers()).extracting(WireguardPeerConfig::persistentKeepaliveInterval)
          .containsOnly(Duration.ofSeconds(5));
      assertThat(wg.peers()).extracting(WireguardPeerConfig::presharedKey).containsOnly("");
    });
    assertThat(List.of(cp1, cp2, w1)).extracting(WireguardConfig::listenPort).containsExactly(51111, 51111, 0);
    assertThat(cp1.common().addresses().getFirst().address()).isEqualTo(IpPrefix.parse("10.1.0.2/24"));
    assertThat(w1.common().addresses().getFirst().address()).isEqualTo(IpPrefix.parse("10.1.0.4/24"));

    assertThat(cp1.peers()).containsExactly(
        new WireguardPeerConfig(publicKeyOf(cp2), "", "10.5.0.3:51111", Duration.ofSeconds(5),
            List.of(IpPrefix.parse("10.1.0.3/32"))),
        new WireguardPeerConfig(publicKeyOf(w1), "", "", Duration.ofSeconds(5),
            List.of(IpPrefix.parse("10.1.0.4/32"))));
    assertThat(cp2.peers()).extracting(WireguardPeerConfig::publicKey, WireguardPeerConfig::endpoint)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(publicKeyOf(cp1), "10.5.0.2:51111"),
            org.assertj.core.groups.Tuple.tuple(publicKeyOf(w1), ""));
    assertThat(w1.peers()).extracting(WireguardPeerConfig::publicKey, WireguardPeerConfig::endpoint)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(publicKeyOf(cp1), "10.5.0.2:51111"),
            org.assertj.core.groups.Tuple.tuple(publicKeyOf(cp2), "10.5.0.3:51111"));
  }

  @Test
  void theSameSeedWritesTheSameBytes() throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Path c = dir.resolve("c");
    String[] args = {"--wireguard-cidr", "10.1.0.0/24", "--nodes", "4", "--controlplanes", "1", "--seed", "99"};
    assertThat(gen(a, args).status()).isZero();
    assertThat(gen(b, args).status()).isZero();
    assertThat(gen(c, "--wireguard-cidr", "10.1.0.0/24", "--nodes", "4", "--controlplanes", "1", "--seed", "100")
        .status()).isZero();
    for (String name : List.of("controlplane-1.yaml", "worker-1.yaml", "worker-2.yaml", "worker-3.yaml")) {
      assertThat(Files.readAllBytes(b.resolve(name))).as(name).isEqualTo(Files.readAllBytes(a.resolve(name)));
      assertThat(Files.readString(c.resolve(name))).as(name).isNotEqualTo(Files.readString(a.resolve(name)));
    }
    Path random = dir.resolve("random");
    assertThat(gen(random, "--wireguard-cidr", "10.1.0.0/24", "--nodes", "4").status()).isZero();
    assertThat(Files.readString(random.resolve("worker-1.yaml"))).isNotEqualTo(Files.readString(a.resolve(
        "worker-1.yaml")));
  }

  @Test
  void theFilesAreOwnerOnlyAndNotOverwrittenWithoutForce() throws IOException {
    assertThat(gen(dir, "--wireguard-cidr", "10.1.0.0/24", "--seed", "1").status()).isZero();
    Path file = dir.resolve("controlplane-1.yaml");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    String before = Files.readString(file);
    Result again = gen(dir, "--wireguard-cidr", "10.1.0.0/24", "--seed", "2");
    assertThat(again.status()).isEqualTo(ExitStatus.ERROR.code());
    assertThat(again.err()).isEqualTo("error: " + file + " already exists; use --force to overwrite it\n");
    assertThat(Files.readString(file)).isEqualTo(before);
    assertThat(gen(dir, "--wireguard-cidr", "10.1.0.0/24", "--seed", "2", "--force").status()).isZero();
    assertThat(Files.readString(file)).isNotEqualTo(before);
    try (var files = Files.list(dir)) {
      assertThat(files).as("no temporary file left").hasSize(1);
    }
  }

  @Test
  void anIpv6Mesh() throws IOException {
    Result result = gen(dir, "--wireguard-cidr", "fd00::/64", "--node-cidr", "fd00:5::/64", "--nodes", "2",
        "--seed", "5");
    assertThat(result.status()).as(result.err()).isZero();
    WireguardConfig cp = wg(parse(dir.resolve("controlplane-1.yaml")));
    WireguardConfig worker = wg(parse(dir.resolve("worker-1.yaml")));
    assertThat(cp.common().addresses().getFirst().address()).isEqualTo(IpPrefix.parse("fd00::2/64"));
    assertThat(cp.peers().getFirst().allowedIps()).containsExactly(IpPrefix.parse("fd00::3/128"));
    assertThat(cp.peers().getFirst().endpoint()).isEmpty();
    assertThat(worker.peers().getFirst().allowedIps()).containsExactly(IpPrefix.parse("fd00::2/128"));
    assertThat(worker.peers().getFirst().endpoint()).isEqualTo("[fd00:5::2]:51111");
    assertThat(worker.peers().getFirst().publicKey()).isEqualTo(publicKeyOf(cp));
  }

  @Test
  void nodeIpsNodeLinkAndListenPort() throws IOException {
    Result result = gen(dir, "--wireguard-cidr", "10.1.0.0/24", "--nodes", "2", "--node-ips",
        "192.0.2.10/24,192.0.2.20/24", "--node-link", "eth0", "--listen-port", "51820", "--seed", "3");
    assertThat(result.status()).as(result.err()).isZero();
    MachineConfig cp = parse(dir.resolve("controlplane-1.yaml"));
    MachineConfig worker = parse(dir.resolve("worker-1.yaml"));
    LinkConfig link = worker.documents(LinkConfig.class).getFirst();
    assertThat(link.name()).isEqualTo("eth0");
    assertThat(link.common().upOrDefault()).isTrue();
    assertThat(link.common().addresses().getFirst().address()).isEqualTo(IpPrefix.parse("192.0.2.20/24"));
    assertThat(wg(cp).listenPort()).isEqualTo(51820);
    assertThat(wg(worker).peers().getFirst().endpoint()).isEqualTo("192.0.2.10:51820");
  }

  @Test
  void withoutAWireguardCidrOnlyTheMachinePart() throws IOException {
    assertThat(gen(dir, "--nodes", "2").status()).isZero();
    MachineConfig worker = parse(dir.resolve("worker-1.yaml"));
    assertThat(worker.documents()).isEmpty();
    assertThat(Files.readString(dir.resolve("worker-1.yaml")))
        .isEqualTo("# worker-1 (10.5.0.3): generated by spindlectl gen config\n"
            + "version: v1alpha1\nmachine:\n    type: worker\n");
  }

  @Test
  void badFlagsAreUsageErrorsAndABadCidrAnError() {
    assertError(gen(dir, "--wireguard-cidr", "10.1.0.0/24", "--nodes", "2", "--controlplanes", "3"),
        ExitStatus.USAGE, "--controlplanes 3 is more than --nodes 2");
    assertError(gen(dir, "--wireguard-cidr", "10.1.0.0/24", "--nodes", "0"), ExitStatus.USAGE,
        "--nodes must be at least 1, not 0");
    assertError(gen(dir, "--wireguard-cidr", "10.1.0.0/24", "--controlplanes", "0"), ExitStatus.USAGE,
        "--controlplanes must be at least 1, not 0 (only controlplanes are endpoints of the mesh)");
    assertError(gen(dir, "--nodes", "a,b"), ExitStatus.USAGE, "--nodes: one node count, not a list of nodes (a,b)");
    assertError(gen(dir, "--nodes", "three"), ExitStatus.USAGE, "--nodes: a node count, not \"three\"");
    assertError(gen(dir, "--wireguard-cidr", "10.1.0/24"), ExitStatus.ERROR,
        "failed to parse wireguard cidr 10.1.0/24: netip.ParsePrefix(\"10.1.0/24\"): ParseAddr(\"10.1.0\"): IPv4 "
            + "address too short");
    assertError(gen(dir, "--wireguard-cidr", "10.1.0.0/30", "--nodes", "3"), ExitStatus.ERROR,
        "network does not contain enough IPs");
    assertError(gen(dir, "--wireguard-cidr", "10.1.0.0/24", "--node-ips", "10.5.0.2,10.5.0.3"), ExitStatus.USAGE,
        "--node-ips has 2 addresses for 1 nodes");
    assertError(gen(dir, "--node-ips", "10.5.0.2", "--node-cidr", "10.6.0.0/24"), ExitStatus.USAGE,
        "--node-ips and --node-cidr are mutually exclusive");
    assertError(gen(dir, "--node-ips", "10.5.0.256"), ExitStatus.USAGE,
        "--node-ips: ParseAddr(\"10.5.0.256\"): IPv4 field has value >255");
    assertError(gen(dir, "--nodes", "3", "--node-cidr", "10.5.0.0/31"), ExitStatus.USAGE,
        "--node-cidr 10.5.0.0/31 does not contain enough IPs for 3 nodes");
    assertError(gen(dir, "--wireguard-cidr", "10.1.0.0/24", "--listen-port", "0"), ExitStatus.USAGE,
        "--listen-port must be between 1 and 65535, not 0");
    assertThat(dir).isEmptyDirectory();
  }

  private static void assertError(Result result, ExitStatus status, String message) {
    assertThat(result.status()).as(result.err()).isEqualTo(status.code());
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("error: " + message + "\n");
  }
}
