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
 * spindled --platform linux in a fresh network namespace puts the configured interface routes into the kernel
 * (IPv4 and IPv6, a metric, an MTU), restores one deleted behind its back with {@code ip route del}, removes one the
 * configuration no longer asks for ({@code apply-config}), and leaves a route it did not add alone. Traffic stays in
 * the namespace: the gateways are addresses on the veth pair's subnet.
 */
class RouteSpecIT {
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
              routes:
                - network: 10.70.0.0/16
                  gateway: 10.40.0.254
                  source: 10.40.0.1
                - network: 10.71.0.0/16
                  gateway: 10.40.0.254
                  metric: 50
                  mtu: 1400
                - network: fd00:70::/64
                  gateway: fd00:40::fe
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
  void configuredRoutesAppearComeBackAfterIpRouteDelAndGoWithTheConfiguration() throws Exception {
    try (var ns = new NetworkNamespace()) {
      NetworkNamespace.ip("-n", ns.name, "link", "add", "veth-a", "type", "veth", "peer", "name", "veth-b");
      // Spindle does not bring links up yet (LinkSpec): a gateway is reachable only over an up link
      NetworkNamespace.ip("-n", ns.name, "link", "set", "veth-b", "up");
      NetworkNamespace.ip("-n", ns.name, "link", "set", "veth-a", "up");
      NetworkNamespace.ip("-n", ns.name, "route", "add", "10.80.0.0/16", "dev", "veth-a");
      Path machine = dir.resolve("machine.yaml");
      Files.writeString(machine, MACHINE);
      var flags = List.of("--platform", "linux", "--files-root", dir.resolve("root").toString(),
          "--config", machine.toString());
      try (var node = new SpindledProcess(dir, ns.exec(), flags)) {
        node.awaitReadyLine();
        try {
          // the gateways become reachable only once the addresses are on the link: the routes wait for them
          await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(ipRoute(ns, "-4")).contains(
                "10.70.0.0/16 via 10.40.0.254 dev veth-a proto static src 10.40.0.1 metric 1024",
                "10.71.0.0/16 via 10.40.0.254 dev veth-a proto static metric 50 mtu 1400");
            assertThat(ipRoute(ns, "-6")).contains("fd00:70::/64 via fd00:40::fe dev veth-a proto static metric 1024");
          });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
          throw new AssertionError("the daemon's route log:\n" + routeLog(node), e);
        }
        var spec = node.spindlectl("get", "routespecs", "inet4/10.40.0.254/10.71.0.0/16/50", "-o", "yaml");
        assertThat(spec.exit()).as(spec.err()).isZero();
        assertThat(spec.out()).contains("    dst: 10.71.0.0/16\n", "    gateway: 10.40.0.254\n",
            "    outLinkName: veth-a\n", "    priority: 50\n", "    protocol: static\n",
            "    layer: configuration\n", "    mtu: 1400\n");
        var status = node.spindlectl("get", "routes", "inet4/10.40.0.254/10.70.0.0/16/1024");
        assertThat(status.exit()).as(status.err()).isZero();

        NetworkNamespace.ip("-n", ns.name, "route", "del", "10.70.0.0/16", "via", "10.40.0.254");
        NetworkNamespace.ip("-n", ns.name, "-6", "route", "del", "fd00:70::/64", "via", "fd00:40::fe");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
          assertThat(ipRoute(ns, "-4"))
              .contains("10.70.0.0/16 via 10.40.0.254 dev veth-a proto static src 10.40.0.1 metric 1024");
          assertThat(ipRoute(ns, "-6")).contains("fd00:70::/64 via fd00:40::fe dev veth-a proto static metric 1024");
        });

        // the configuration stops asking for 10.71.0.0/16: Spindle removes the route it added, only that one
        Path changed = dir.resolve("changed.yaml");
        String without = MACHINE.replace("          - network: 10.71.0.0/16\n            gateway: 10.40.0.254\n"
            + "            metric: 50\n            mtu: 1400\n", "");
        assertThat(without).isNotEqualTo(MACHINE).contains("10.70.0.0/16");
        Files.writeString(changed, without);
        var applied = node.spindlectl("apply-config", "-f", changed.toString());
        assertThat(applied.exit()).as(applied.err()).isZero();
        try {
          await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ipRoute(ns, "-4"))
              .doesNotContain("10.71.0.0/16").contains("10.70.0.0/16 via 10.40.0.254"));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
          throw new AssertionError("the daemon's route log:\n" + routeLog(node), e);
        }
        assertThat(node.spindlectl("get", "routespecs", "inet4/10.40.0.254/10.71.0.0/16/50").exit()).isNotZero();
        assertThat(ipRoute(ns, "-4")).contains("10.80.0.0/16 dev veth-a scope link");
        assertThat(routeLog(node)).contains("deleted route 10.71.0.0/16 via 10.40.0.254")
            .doesNotContain("10.80.0.0");
        node.stop();
      }
    }
  }

  @Test
  void fiveHundredConfiguredRoutesReachTheKernel() throws Exception {
    try (var ns = new NetworkNamespace()) {
      NetworkNamespace.ip("-n", ns.name, "link", "add", "veth-a", "type", "veth", "peer", "name", "veth-b");
      NetworkNamespace.ip("-n", ns.name, "link", "set", "veth-b", "up");
      NetworkNamespace.ip("-n", ns.name, "link", "set", "veth-a", "up");
      Path machine = dir.resolve("machine.yaml");
      Files.writeString(machine, MACHINE);
      var many = new StringBuilder();
      for (int i = 0; i < 500; i++) {
        many.append("          - network: 10.").append(100 + i / 250).append('.').append(i % 250)
            .append(".0/24\n            gateway: 10.40.0.254\n");
      }
      Path changed = dir.resolve("many.yaml");
      Files.writeString(changed, MACHINE.replace("        routes:\n", "        routes:\n" + many));
      var flags = List.of("--platform", "linux", "--files-root", dir.resolve("root").toString(),
          "--config", machine.toString());
      try (var node = new SpindledProcess(dir, ns.exec(), flags)) {
        node.awaitReadyLine();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ipRoute(ns, "-4"))
            .contains("10.70.0.0/16 via 10.40.0.254"));
        long start = System.nanoTime();
        var applied = node.spindlectl("apply-config", "-f", changed.toString());
        assertThat(applied.exit()).as(applied.err()).isZero();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
            .untilAsserted(() -> assertThat(ipRoute(ns, "-4").lines()
                .filter(l -> l.matches("10\\.1\\d\\d\\.\\d+\\.0/24 via 10\\.40\\.0\\.254 .*proto static.*")))
                .hasSize(500));
        System.out.printf("500 configured routes in the kernel %d ms after apply-config was started%n",
            (System.nanoTime() - start) / 1_000_000);
        List<String> created = node.log().lines().filter(l -> l.contains("created route 10.1")).toList();
        assertThat(created).hasSize(500);
        System.out.printf("daemon: first created %s, last created %s%n", created.getFirst().substring(0, 12),
            created.getLast().substring(0, 12));
        node.stop();
      }
    }
  }

  private static String routeLog(SpindledProcess node) throws java.io.IOException {
    return node.log().lines().filter(l -> l.contains("route")).collect(Collectors.joining("\n"));
  }

  private static String ipRoute(NetworkNamespace ns, String family) throws Exception {
    Process p = new ProcessBuilder("ip", "-n", ns.name, family, "route", "show").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
