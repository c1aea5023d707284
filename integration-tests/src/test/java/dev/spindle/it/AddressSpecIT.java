package dev.spindle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * spindled --platform linux in a fresh network namespace puts the configured interface addresses on the links,
 * restores one deleted behind its back with {@code ip addr del}, removes one the configuration no longer asks for
 * ({@code apply-config}), and leaves an address it did not add alone.
 */
class AddressSpecIT {
  private static final String MACHINE = """
      version: v1alpha1
      machine:
        type: worker
        network:
          interfaces:
            - interface: veth-a
              addresses:
                - 10.40.0.1/24
                - fd00:40::1/64
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
  void configuredAddressesAppearAndComeBackAfterIpAddrDel() throws Exception {
    try (var ns = new NetworkNamespace()) {
      NetworkNamespace.ip("-n", ns.name, "link", "add", "veth-a", "type", "veth", "peer", "name", "veth-b");
      NetworkNamespace.ip("-n", ns.name, "addr", "add", "10.50.0.1/24", "dev", "veth-b");
      Path machine = dir.resolve("machine.yaml");
      Files.writeString(machine, MACHINE);
      var flags = List.of("--platform", "linux", "--files-root", dir.resolve("root").toString(),
          "--config", machine.toString());
      try (var node = new SpindledProcess(dir, ns.exec(), flags)) {
        node.awaitReadyLine();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ipAddr(ns, "veth-a"))
            .contains("inet 10.40.0.1/24 brd 10.40.0.255 scope global veth-a", "inet6 fd00:40::1/64"));
        var spec = node.spindlectl("get", "addressspecs", "veth-a/10.40.0.1/24", "-o", "yaml");
        assertThat(spec.exit()).as(spec.err()).isZero();
        assertThat(spec.out()).contains("    address: 10.40.0.1/24\n", "    linkName: veth-a\n",
            "    flags: permanent\n", "    layer: configuration\n");

        NetworkNamespace.ip("-n", ns.name, "addr", "del", "10.40.0.1/24", "dev", "veth-a");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ipAddr(ns, "veth-a"))
            .contains("inet 10.40.0.1/24"));
        assertThat(ipAddr(ns, "veth-b")).contains("inet 10.50.0.1/24");

        // the configuration stops asking for the IPv4 address: Spindle removes the address it added, only that one
        Path changed = dir.resolve("changed.yaml");
        String withoutV4 = MACHINE.replace("          - 10.40.0.1/24\n", "");
        assertThat(withoutV4).isNotEqualTo(MACHINE).contains("- fd00:40::1/64");
        Files.writeString(changed, withoutV4);
        var applied = node.spindlectl("apply-config", "-f", changed.toString());
        assertThat(applied.exit()).as(applied.err()).isZero();
        try {
          await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ipAddr(ns, "veth-a"))
              .doesNotContain("10.40.0.1").contains("inet6 fd00:40::1/64"));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
          throw new AssertionError("the daemon's address log:\n" + node.log().lines()
              .filter(l -> l.contains("ddress")).collect(java.util.stream.Collectors.joining("\n")), e);
        }
        assertThat(node.spindlectl("get", "addressspecs", "veth-a/10.40.0.1/24").exit()).isNotZero();
        assertThat(ipAddr(ns, "veth-b")).contains("inet 10.50.0.1/24");
        assertThat(ipAddr(ns, "lo")).contains("inet 127.0.0.1/8");
        node.stop();
      }
    }
  }

  @Test
  void fiveHundredConfiguredAddressesReachTheKernel() throws Exception {
    try (var ns = new NetworkNamespace()) {
      NetworkNamespace.ip("-n", ns.name, "link", "add", "veth-a", "type", "veth", "peer", "name", "veth-b");
      Path machine = dir.resolve("machine.yaml");
      Files.writeString(machine, MACHINE.replace("          - fd00:40::1/64\n", ""));
      var many = new StringBuilder();
      for (int i = 0; i < 500; i++) {
        many.append("          - 10.41.").append(i / 250).append('.').append(i % 250 + 1).append("/16\n");
      }
      Path changed = dir.resolve("many.yaml");
      Files.writeString(changed, MACHINE.replace("          - fd00:40::1/64\n", many.toString()));
      var flags = List.of("--platform", "linux", "--files-root", dir.resolve("root").toString(),
          "--config", machine.toString());
      try (var node = new SpindledProcess(dir, ns.exec(), flags)) {
        node.awaitReadyLine();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ipAddr(ns, "veth-a"))
            .contains("inet 10.40.0.1/24"));
        long start = System.nanoTime();
        var applied = node.spindlectl("apply-config", "-f", changed.toString());
        assertThat(applied.exit()).as(applied.err()).isZero();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
            .untilAsserted(() -> assertThat(ipAddr(ns, "veth-a").lines().filter(l -> l.contains(" inet 10.41.")))
                .hasSize(500));
        System.out.printf("500 configured addresses in the kernel %d ms after apply-config was started%n",
            (System.nanoTime() - start) / 1_000_000);
        List<String> assigned = node.log().lines().filter(l -> l.contains("assigned address 10.41.")).toList();
        assertThat(assigned).hasSize(500);
        System.out.printf("daemon: first assigned %s, last assigned %s%n", assigned.getFirst().substring(0, 12),
            assigned.getLast().substring(0, 12));
        node.stop();
      }
    }
  }

  private static String ipAddr(NetworkNamespace ns, String link) throws Exception {
    Process p = new ProcessBuilder("ip", "-n", ns.name, "addr", "show", "dev", link).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
