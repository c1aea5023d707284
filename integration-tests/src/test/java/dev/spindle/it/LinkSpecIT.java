package dev.spindle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * spindled --platform linux in one network namespace ("node") makes the configured bridge {@code br0} with the veth
 * end {@code veth-n} as its port and an address on it; a second namespace ("peer"), joined by the veth pair, pings
 * the bridge's address. The bridge comes back (port, address, ping) after {@code ip link del br0} behind the
 * daemon's back, and goes away, releasing its port, when {@code apply-config} drops it. Traffic stays between the two
 * namespaces the test made.
 */
class LinkSpecIT {
  private static final String MACHINE = """
      version: v1alpha1
      machine:
        type: worker
        network:
          interfaces:
            - interface: br0
              addresses:
                - 10.50.0.1/24
              bridge:
                stp:
                  enabled: false
                interfaces:
                  - veth-n
      cluster:
        id: 0123456789abcdef0123456789abcdef0123456789a=
        secret: c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I=
      """;

  private static final String WITHOUT_BRIDGE = """
      version: v1alpha1
      machine:
        type: worker
        network: {}
      cluster:
        id: 0123456789abcdef0123456789abcdef0123456789a=
        secret: c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I=
      """;

  @TempDir
  Path dir;

  @BeforeAll
  static void privileged() {
    NetworkNamespace.assumePrivileged();
  }

  @Test
  void theConfiguredBridgeCarriesTrafficComesBackAfterIpLinkDelAndGoesWithTheConfiguration() throws Exception {
    try (var node = new NetworkNamespace(); var peer = new NetworkNamespace()) {
      NetworkNamespace.ip("-n", node.name, "link", "add", "veth-n", "type", "veth", "peer", "name", "veth-p",
          "netns", peer.name);
      NetworkNamespace.ip("-n", peer.name, "addr", "add", "10.50.0.2/24", "dev", "veth-p");
      NetworkNamespace.ip("-n", peer.name, "link", "set", "veth-p", "up");
      Path machine = dir.resolve("machine.yaml");
      Files.writeString(machine, MACHINE);
      var flags = List.of("--platform", "linux", "--files-root", dir.resolve("root").toString(),
          "--config", machine.toString());
      try (var daemon = new SpindledProcess(dir, node.exec(), flags)) {
        daemon.awaitReadyLine();
        try {
          awaitBridgeWithPortAndPing(node, peer);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
          throw new AssertionError("the daemon's link log:\n" + linkLog(daemon), e);
        }
        var status = daemon.spindlectl("get", "links", "br0", "-o", "yaml");
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).contains("    kind: bridge\n", "    operationalState: up\n");
        var spec = daemon.spindlectl("get", "linkspecs", "br0", "-o", "yaml");
        assertThat(spec.exit()).as(spec.err()).isZero();
        assertThat(spec.out()).contains("    logical: true\n", "    kind: bridge\n");

        // someone deletes the bridge: the daemon makes it again, with its port and address
        NetworkNamespace.ip("-n", node.name, "link", "del", "br0");
        try {
          awaitBridgeWithPortAndPing(node, peer);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
          throw new AssertionError("the daemon's link log:\n" + linkLog(daemon), e);
        }

        // the configuration drops the bridge: Spindle deletes the link it made; the veth stays, released
        Path changed = dir.resolve("changed.yaml");
        Files.writeString(changed, WITHOUT_BRIDGE);
        var applied = daemon.spindlectl("apply-config", "-f", changed.toString());
        assertThat(applied.exit()).as(applied.err()).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
          assertThat(ip(node, "-o", "link", "show")).doesNotContain("br0").contains("veth-n@");
          assertThat(ip(node, "-d", "link", "show", "veth-n")).doesNotContain("master ");
        });
        assertThat(linkLog(daemon)).contains("created link br0 (bridge)", "deleted link br0");
        daemon.stop();
      }
    }
  }

  private static void awaitBridgeWithPortAndPing(NetworkNamespace node, NetworkNamespace peer) {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(ip(node, "-d", "link", "show", "br0")).contains("bridge ", "state UP");
      assertThat(ip(node, "link", "show", "veth-n")).contains("master br0", "state UP");
      assertThat(ip(node, "-4", "addr", "show", "br0")).contains("inet 10.50.0.1/24");
      assertThat(run("ip", "netns", "exec", peer.name, "ping", "-c", "1", "-W", "1", "10.50.0.1")).isZero();
    });
  }

  private static String linkLog(SpindledProcess daemon) throws java.io.IOException {
    return daemon.log().lines().filter(l -> l.contains("link")).collect(Collectors.joining("\n"));
  }

  private static String ip(NetworkNamespace ns, String... args) throws Exception {
    var command = new java.util.ArrayList<>(List.of("ip", "-n", ns.name));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  private static int run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }
}
