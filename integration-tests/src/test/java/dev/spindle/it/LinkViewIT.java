package dev.spindle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spindlectl get links -o json} on {@code spindled --platform linux} shows, for every link of a namespace with
 * a veth pair, a bridge with a port, a macvlan and a vxlan, the facts {@code ip -d -j link show} shows. (The address
 * and route views are compared with {@code ip addr} and {@code ip route} by AddressStatusIT and RouteStatusIT.)
 */
class LinkViewIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Pseudo-flags iproute2 derives (not IFF_* bits), and RUNNING, which it never prints. */
  private static final Set<String> NOT_KERNEL_FLAGS = Set.of("M-DOWN", "NO-CARRIER", "RUNNING");

  @TempDir
  Path dir;

  @BeforeAll
  static void privileged() {
    NetworkNamespace.assumePrivileged();
  }

  @Test
  void everyLinkShowsWhatIpShows() throws Exception {
    try (var ns = new NetworkNamespace()) {
      String n = ns.name;
      NetworkNamespace.ip("-n", n, "link", "add", "veth-a", "type", "veth", "peer", "name", "veth-b");
      NetworkNamespace.ip("-n", n, "link", "add", "br0", "type", "bridge");
      NetworkNamespace.ip("-n", n, "link", "set", "veth-b", "master", "br0");
      // after the port: a bridge takes its ports' MTU when one joins
      NetworkNamespace.ip("-n", n, "link", "set", "br0", "mtu", "1400");
      NetworkNamespace.ip("-n", n, "link", "add", "mv0", "link", "veth-a", "type", "macvlan", "mode", "bridge");
      NetworkNamespace.ip("-n", n, "link", "add", "vx0", "type", "vxlan", "id", "42", "dstport", "4789", "dev",
          "veth-a");
      NetworkNamespace.ip("-n", n, "link", "set", "veth-a", "alias", "uplink");
      for (String up : new String[] {"br0", "veth-b", "veth-a", "mv0"}) {
        NetworkNamespace.ip("-n", n, "link", "set", up, "up");
      }
      var flags = java.util.List.of("--platform", "linux", "--files-root", dir.resolve("root").toString());
      try (var node = new SpindledProcess(dir, ns.exec(), flags)) {
        node.awaitReadyLine();
        // carrier and operstate settle a moment after "up": compare until both views agree
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(spindleView(node))
            .isEqualTo(ipView(n)));
        var view = spindleView(node);
        assertThat(view.keySet()).containsExactlyInAnyOrder("lo", "veth-a", "veth-b", "br0", "mv0", "vx0");
        assertThat(view.get("veth-b")).containsEntry("master", "br0").containsEntry("slaveKind", "bridge")
            .containsEntry("link", "veth-a");
        assertThat(view.get("mv0")).containsEntry("kind", "macvlan").containsEntry("link", "veth-a");
        assertThat(view.get("veth-a")).containsEntry("alias", "uplink");
        assertThat(view.get("br0")).containsEntry("mtu", "1400");

        // a change made behind the daemon shows in both views again
        NetworkNamespace.ip("-n", n, "link", "set", "mv0", "down");
        NetworkNamespace.ip("-n", n, "link", "set", "vx0", "mtu", "1300");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(spindleView(node))
            .isEqualTo(ipView(n)).extractingByKey("vx0").satisfies(vx -> assertThat(vx).containsEntry("mtu", "1300")));
        node.stop();
      }
    }
  }

  /** Per link name, the compared facts from {@code spindlectl get links -o json}. */
  private static Map<String, Map<String, String>> spindleView(SpindledProcess node) throws Exception {
    var result = node.spindlectl("get", "links", "-o", "json");
    assertThat(result.exit()).as(result.err()).isZero();
    var docs = new ArrayList<JsonNode>();
    try (var it = JSON.readerFor(JsonNode.class).readValues(result.out())) {
      it.forEachRemaining(d -> docs.add((JsonNode) d));
    }
    var namesByIndex = new HashMap<Integer, String>();
    docs.forEach(d -> namesByIndex.put(d.path("spec").path("index").asInt(), d.path("metadata").path("id").asText()));
    var view = new TreeMap<String, Map<String, String>>();
    for (JsonNode d : docs) {
      JsonNode s = d.path("spec");
      var facts = new TreeMap<String, String>();
      facts.put("index", s.path("index").asText());
      facts.put("type", s.path("type").asText());
      facts.put("mtu", s.path("mtu").asText());
      facts.put("hardwareAddr", s.path("hardwareAddr").asText());
      facts.put("broadcastAddr", s.path("broadcastAddr").asText());
      facts.put("qdisc", s.path("queueDisc").asText());
      facts.put("operstate", s.path("operationalState").asText().toLowerCase(Locale.ROOT));
      facts.put("flags", flagSet(s.path("flags").asText().split(",")));
      facts.put("kind", s.path("kind").asText());
      facts.put("slaveKind", s.path("slaveKind").asText());
      facts.put("master", namesByIndex.getOrDefault(s.path("masterIndex").asInt(), ""));
      facts.put("link", namesByIndex.getOrDefault(s.path("linkIndex").asInt(), ""));
      facts.put("alias", s.path("alias").asText());
      view.put(d.path("metadata").path("id").asText(), facts);
    }
    return view;
  }

  /** The same facts from {@code ip -d -j link show}, in Spindle's spelling where the two spell a value differently. */
  private static Map<String, Map<String, String>> ipView(String ns) throws Exception {
    Process p = new ProcessBuilder("ip", "-n", ns, "-d", "-j", "link", "show").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    var view = new TreeMap<String, Map<String, String>>();
    for (JsonNode l : JSON.readTree(out)) {
      var facts = new TreeMap<String, String>();
      facts.put("index", l.path("ifindex").asText());
      facts.put("type", l.path("link_type").asText());
      facts.put("mtu", l.path("mtu").asText());
      facts.put("hardwareAddr", l.path("address").asText());
      facts.put("broadcastAddr", l.path("broadcast").asText());
      facts.put("qdisc", l.path("qdisc").asText());
      // ip prints IF_OPER_LOWERLAYERDOWN as LOWERLAYERDOWN, Talos as lowerLayerDown
      facts.put("operstate", l.path("operstate").asText().toLowerCase(Locale.ROOT));
      var ipFlags = new ArrayList<String>();
      l.path("flags").forEach(f -> ipFlags.add(f.asText()));
      facts.put("flags", flagSet(ipFlags.toArray(String[]::new)));
      facts.put("kind", l.path("linkinfo").path("info_kind").asText());
      facts.put("slaveKind", l.path("linkinfo").path("info_slave_kind").asText());
      facts.put("master", l.path("master").asText());
      facts.put("link", l.path("link").asText());
      facts.put("alias", l.path("ifalias").asText());
      view.put(l.path("ifname").asText(), facts);
    }
    return view;
  }

  private static String flagSet(String[] flags) {
    var set = new TreeSet<String>();
    for (String f : flags) {
      if (!f.isBlank() && !NOT_KERNEL_FLAGS.contains(f)) {
        set.add(f);
      }
    }
    return String.join(",", set);
  }
}
