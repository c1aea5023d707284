package dev.spindle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spindled --platform linux in a fresh network namespace reports the kernel's addresses and follows ip addr. */
class AddressStatusIT {
  @TempDir
  Path dir;

  @BeforeAll
  static void privileged() {
    NetworkNamespace.assumePrivileged();
  }

  @Test
  void addressesOfTheNamespaceAppearAndFollowIpAddr() throws Exception {
    try (var ns = new NetworkNamespace()) {
      NetworkNamespace.ip("-n", ns.name, "link", "add", "veth-a", "type", "veth", "peer", "name", "veth-b");
      NetworkNamespace.ip("-n", ns.name, "addr", "add", "10.20.0.1/24", "dev", "veth-a");
      // the namespace shares the host's file system: node files go to a temporary root, not the host's /etc
      var flags = List.of("--platform", "linux", "--files-root", dir.resolve("root").toString());
      try (var node = new SpindledProcess(dir, ns.exec(), flags)) {
        node.awaitReadyLine();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(rows(node)).containsExactly(
            List.of("lo/127.0.0.1/8", "127.0.0.1/8", "lo"),
            List.of("lo/::1/128", "::1/128", "lo"),
            List.of("veth-a/10.20.0.1/24", "10.20.0.1/24", "veth-a")));
        var yaml = node.spindlectl("get", "address", "veth-a/10.20.0.1/24", "-o", "yaml");
        assertThat(yaml.exit()).as(yaml.err()).isZero();
        assertThat(yaml.out()).contains("    local: 10.20.0.1\n", "    linkName: veth-a\n", "    family: inet4\n",
            "    scope: global\n", "    flags: permanent\n");

        // IPv6 configures a link-local address once the link has carrier, which a veth has when both ends are up
        NetworkNamespace.ip("-n", ns.name, "link", "set", "veth-b", "up");
        NetworkNamespace.ip("-n", ns.name, "link", "set", "veth-a", "up");
        NetworkNamespace.ip("-n", ns.name, "-6", "addr", "add", "fd00:20::1/64", "nodad", "dev", "veth-a");
        NetworkNamespace.ip("-n", ns.name, "addr", "add", "10.20.0.2/24", "dev", "veth-a");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids(node))
            .contains("veth-a/fd00:20::1/64", "veth-a/10.20.0.2/24")
            .anyMatch(id -> id.startsWith("veth-a/fe80::") && id.endsWith("/64")));
        NetworkNamespace.ip("-n", ns.name, "addr", "add", "10.30.0.1", "peer", "10.30.0.2/32", "dev", "veth-b");
        // the same addresses as ip addr shows, under Talos's ids (a point-to-point address is named by its peer)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids(node))
            .containsExactlyInAnyOrderElementsOf(ipAddrIds(ns)).contains("veth-b/10.30.0.2/32"));
        assertThat(node.spindlectl("get", "address", "veth-a/10.20.0.2/24", "-o", "jsonpath={.spec.flags}").out())
            .contains("temporary,permanent"); // IFA_F_SECONDARY shares the bit Talos names temporary
        assertThat(node.spindlectl("get", "address", "veth-a/fd00:20::1/64", "-o", "jsonpath={.spec.flags}").out())
            .contains("nodad,permanent");

        NetworkNamespace.ip("-n", ns.name, "addr", "del", "10.20.0.1/24", "dev", "veth-a");
        NetworkNamespace.ip("-n", ns.name, "-6", "addr", "del", "fd00:20::1/64", "dev", "veth-a");
        // the kernel deletes a primary IPv4 address's secondaries with it (promote_secondaries=0)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids(node))
            .doesNotContain("veth-a/10.20.0.1/24", "veth-a/10.20.0.2/24", "veth-a/fd00:20::1/64")
            .contains("lo/127.0.0.1/8", "lo/::1/128"));
        node.stop();
      }
    }
  }

  /** ID, ADDRESS and LINK of each row of {@code spindlectl get addresses}. */
  private static List<List<String>> rows(SpindledProcess node) throws Exception {
    var addresses = node.spindlectl("get", "addresses");
    assertThat(addresses.exit()).as(addresses.err()).isZero();
    return addresses.out().lines().skip(1).map(l -> l.split("\\s+"))
        .map(c -> List.of(c[3], c[5], c[6])).toList();
  }

  /** The AddressStatus ids {@code ip -o addr show} implies: {@code <ifname>/<address>/<prefix>}, the peer if any. */
  private static List<String> ipAddrIds(NetworkNamespace ns) throws Exception {
    Process p = new ProcessBuilder("ip", "-n", ns.name, "-o", "addr", "show").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    // "3: veth-a    inet 10.20.0.1/24 scope global veth-a\ ..." or "… inet 10.30.0.1 peer 10.30.0.2/32 …"
    return out.lines().map(l -> l.split("\\s+"))
        .map(t -> t[1] + "/" + (t[4].equals("peer") ? t[5] : t[3])).toList();
  }

  private static List<String> ids(SpindledProcess node) throws Exception {
    return rows(node).stream().map(List::getFirst).toList();
  }
}
