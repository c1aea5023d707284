package dev.spindle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spindled --platform linux in a fresh network namespace reports every route of every table and follows ip route. */
class RouteStatusIT {
  private static final Set<String> TYPES =
      Set.of("local", "broadcast", "multicast", "anycast", "blackhole", "unreachable", "prohibit", "throw", "nat");

  @TempDir
  Path dir;

  @BeforeAll
  static void privileged() {
    NetworkNamespace.assumePrivileged();
  }

  @Test
  void routesOfTheNamespaceAppearAndFollowIpRoute() throws Exception {
    try (var ns = new NetworkNamespace()) {
      NetworkNamespace.ip("-n", ns.name, "link", "add", "veth-a", "type", "veth", "peer", "name", "veth-b");
      NetworkNamespace.ip("-n", ns.name, "link", "set", "veth-b", "up");
      NetworkNamespace.ip("-n", ns.name, "link", "set", "veth-a", "up");
      NetworkNamespace.ip("-n", ns.name, "addr", "add", "10.40.0.1/24", "dev", "veth-a");
      NetworkNamespace.ip("-n", ns.name, "-6", "addr", "add", "fd00:40::1/64", "nodad", "dev", "veth-a");
      var flags = List.of("--platform", "linux", "--files-root", dir.resolve("root").toString());
      try (var node = new SpindledProcess(dir, ns.exec(), flags)) {
        node.awaitReadyLine();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids(node))
            .contains("inet4//10.40.0.0/24/0", "local/inet4//10.40.0.1/32/0", "local/inet4//127.0.0.0/8/0",
                "veth-a/inet6//fd00:40::/64/256", "local/veth-a/inet6//fd00:40::1/128/0")
            .containsExactlyInAnyOrderElementsOf(ipRouteIds(ns)));

        NetworkNamespace.ip("-n", ns.name, "route", "add", "default", "via", "10.40.0.254");
        NetworkNamespace.ip("-n", ns.name, "route", "add", "10.50.0.0/16", "via", "10.40.0.254", "metric", "50");
        NetworkNamespace.ip("-n", ns.name, "route", "add", "10.60.0.0/16", "dev", "veth-a", "table", "100", "mtu",
            "1400", "proto", "static");
        NetworkNamespace.ip("-n", ns.name, "route", "add", "blackhole", "10.99.0.0/16");
        NetworkNamespace.ip("-n", ns.name, "-6", "route", "add", "fd00:50::/64", "via", "fd00:40::fe", "metric",
            "200");
        // the same routes as ip route shows for every table, under Talos's ids
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids(node))
            .contains("inet4/10.40.0.254//0", "inet4/10.40.0.254/10.50.0.0/16/50", "100/inet4//10.60.0.0/16/0",
                "inet4//10.99.0.0/16/0", "veth-a/inet6/fd00:40::fe/fd00:50::/64/200")
            .containsExactlyInAnyOrderElementsOf(ipRouteIds(ns)));
        assertThat(rows(node)).contains(
            List.of("inet4/10.40.0.254/10.50.0.0/16/50", "10.50.0.0/16", "10.40.0.254", "veth-a", "50"));
        var yaml = node.spindlectl("get", "route", "100/inet4//10.60.0.0/16/0", "-o", "yaml");
        assertThat(yaml.exit()).as(yaml.err()).isZero();
        assertThat(yaml.out()).contains("    dst: 10.60.0.0/16\n", "    gateway: \"\"\n", "    outLinkName: veth-a\n",
            "    table: \"100\"\n", "    scope: link\n", "    type: unicast\n", "    protocol: static\n",
            "    mtu: 1400\n");
        assertThat(node.spindlectl("get", "route", "inet4//10.99.0.0/16/0", "-o", "jsonpath={.spec.type}").out())
            .contains("blackhole");

        NetworkNamespace.ip("-n", ns.name, "route", "del", "10.50.0.0/16", "via", "10.40.0.254", "metric", "50");
        NetworkNamespace.ip("-n", ns.name, "-6", "route", "del", "fd00:50::/64", "via", "fd00:40::fe", "metric",
            "200");
        NetworkNamespace.ip("-n", ns.name, "addr", "del", "10.40.0.1/24", "dev", "veth-a");
        // the address takes its connected and local routes along (and, the link's last IPv4 address, every IPv4
        // route over the link)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids(node))
            .doesNotContain("inet4/10.40.0.254/10.50.0.0/16/50", "veth-a/inet6/fd00:40::fe/fd00:50::/64/200",
                "inet4//10.40.0.0/24/0", "local/inet4//10.40.0.1/32/0")
            .contains("local/inet4//127.0.0.0/8/0", "veth-a/inet6//fd00:40::/64/256")
            .containsExactlyInAnyOrderElementsOf(ipRouteIds(ns)));
        node.stop();
      }
    }
  }

  /** ID, DESTINATION, GATEWAY, LINK and METRIC of each row of {@code spindlectl get routes} with all five set. */
  private static List<List<String>> rows(SpindledProcess node) throws Exception {
    var routes = node.spindlectl("get", "routes");
    assertThat(routes.exit()).as(routes.err()).isZero();
    return routes.out().lines().skip(1).map(l -> l.split("\\s+")).filter(c -> c.length >= 9)
        .map(c -> List.of(c[3], c[5], c[6], c[7], c[8])).toList();
  }

  private static List<String> ids(SpindledProcess node) throws Exception {
    var routes = node.spindlectl("get", "routes");
    assertThat(routes.exit()).as(routes.err()).isZero();
    return routes.out().lines().skip(1).map(l -> l.split("\\s+")[3]).toList();
  }

  /** The RouteStatus ids {@code ip -4/-6 route show table all} implies, by Talos's RouteID rules. */
  private static List<String> ipRouteIds(NetworkNamespace ns) throws Exception {
    var ids = new ArrayList<String>();
    for (String family : List.of("-4", "-6")) {
      Process p = new ProcessBuilder("ip", "-n", ns.name, family, "route", "show", "table", "all")
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      out.lines().filter(l -> !l.isBlank()).forEach(l -> ids.add(id(family.equals("-6"), l.trim().split("\\s+"))));
    }
    return ids;
  }

  /** {@code [type] <dst|default> [via <gw>] [dev <link>] [table <t>] … [metric <n>] …} to a RouteID. */
  private static String id(boolean v6, String[] t) {
    int i = TYPES.contains(t[0]) ? 1 : 0;
    String dst = t[i].equals("default") ? "" : t[i].contains("/") ? t[i] : t[i] + (v6 ? "/128" : "/32");
    String gw = value(t, "via");
    String dev = value(t, "dev");
    String table = value(t, "table");
    String metric = value(t, "metric");
    String prefix = "";
    if (!table.isEmpty() && !table.equals("main")) {
      boolean numbered = table.chars().allMatch(Character::isDigit);
      prefix = (numbered && Long.parseLong(table) > 252 ? "RoutingTable(" + table + ")" : table) + "/";
    }
    return prefix + (v6 ? dev + "/" : "") + (v6 ? "inet6" : "inet4") + "/" + gw + "/" + dst + "/"
        + (metric.isEmpty() ? "0" : metric);
  }

  private static String value(String[] t, String key) {
    for (int i = 0; i < t.length - 1; i++) {
      if (t[i].equals(key)) {
        return t[i + 1];
      }
    }
    return "";
  }
}
