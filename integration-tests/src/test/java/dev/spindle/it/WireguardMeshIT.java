package dev.spindle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes, each a network namespace whose {@code eth0} (a veth) sits on a bridge in a fourth namespace, each
 * running {@code spindled --platform linux} with the configuration {@code spindlectl gen config --wireguard-cidr}
 * wrote for it, WireGuard in userspace ({@code wireguard-go}; this kernel has no module). Each node runs in its own
 * mount namespace with a private {@code /run/wireguard}, so the three {@code wg0} UAPI sockets do not collide.
 *
 * <p>Pings start with the daemons (the mesh is there when they are answered, whether or not the API is up yet);
 * every node pings every other node's mesh address; {@code spindlectl get wireguardpeerstatuses} shows handshakes
 * and rising byte counters; replacing the worker's key with {@code apply-config}, the worker first, brings the mesh
 * back with the new key, the worker's first-contact redials ({@code WireguardRedial}) meeting the control planes as
 * soon as they know the new key. Traffic stays inside the namespaces the test made.
 */
class WireguardMeshIT {
  private static final String[] NODE_IPS = {"10.5.0.2", "10.5.0.3", "10.5.0.4"};
  private static final String[] MESH_IPS = {"10.1.0.2", "10.1.0.3", "10.1.0.4"};
  /** What the second configuration adds to each node's wg0 and to each peer's allowed IPs (dual stack). */
  private static final String[] MESH_IPS6 = {"fd01::2", "fd01::3", "fd01::4"};
  private static final String[] FILES = {"controlplane-1.yaml", "controlplane-2.yaml", "worker-1.yaml"};

  @TempDir
  Path dir;

  @BeforeAll
  static void privileged() {
    NetworkNamespace.assumePrivileged();
    for (String binary : List.of("wireguard-go", "ping")) {
      if (!onPath(binary)) {
        if ("1".equals(System.getenv("SPINDLE_REQUIRE_PRIVILEGED"))) {
          throw new AssertionError("SPINDLE_REQUIRE_PRIVILEGED=1 but this test needs " + binary);
        }
        org.junit.jupiter.api.Assumptions.abort("needs " + binary);
      }
    }
  }

  @Test
  void threeNodesFormAFullMeshAndAReplacedKeyReestablishesIt() throws Exception {
    Path configs = dir.resolve("configs");
    var gen = run(List.of(SpindledProcess.ROOT.resolve("cli/bin/spindlectl").toString(), "gen", "config",
        "--wireguard-cidr", "10.1.0.0/24", "--nodes", "3", "--controlplanes", "2",
        "--node-ips", String.join(",", NODE_IPS), "--seed", "7", "--output-dir", configs.toString()));
    assertThat(gen.exit()).as(gen.out()).isZero();

    var namespaces = new ArrayList<NetworkNamespace>();
    var daemons = new ArrayList<SpindledProcess>();
    try (var hub = new NetworkNamespace()) {
      NetworkNamespace.ip("-n", hub.name, "link", "add", "br0", "type", "bridge");
      NetworkNamespace.ip("-n", hub.name, "link", "set", "br0", "up");
      for (int i = 0; i < 3; i++) {
        var ns = new NetworkNamespace();
        namespaces.add(ns);
        String hubEnd = "h" + i + "-" + ns.name.substring(ns.name.length() - 4);
        NetworkNamespace.ip("-n", ns.name, "link", "add", "eth0", "type", "veth", "peer", "name", hubEnd,
            "netns", hub.name);
        NetworkNamespace.ip("-n", hub.name, "link", "set", hubEnd, "master", "br0", "up");
        NetworkNamespace.ip("-n", ns.name, "addr", "add", NODE_IPS[i] + "/24", "dev", "eth0");
        NetworkNamespace.ip("-n", ns.name, "link", "set", "eth0", "up");
      }
      long start = System.nanoTime();
      for (int i = 0; i < 3; i++) {
        Path nodeDir = Files.createDirectories(dir.resolve("node" + i));
        var flags = List.of("--platform", "linux", "--files-root", nodeDir.resolve("root").toString(),
            "--config", configs.resolve(FILES[i]).toString());
        daemons.add(new SpindledProcess(nodeDir, privateWireguardDir(namespaces.get(i)), flags));
      }
      // the mesh is there when the pings are answered, whether or not the API is up yet: ping from the start
      try {
        awaitFullMesh(namespaces, MESH_IPS);
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        throw new AssertionError("mesh not formed; daemon logs:\n" + logs(daemons), e);
      }
      long meshed = System.nanoTime();
      daemons.forEach(SpindledProcess::awaitReadyLine);
      long ready = System.nanoTime();
      long redialCount = 0;
      for (SpindledProcess d : daemons) {
        redialCount += redials(d);
      }
      System.out.printf("3-node WireGuard mesh: daemons started to every ping answered in %d ms (first-contact "
          + "redials logged: %d); all three APIs ready after %d ms%n", (meshed - start) / 1_000_000, redialCount,
          (ready - start) / 1_000_000);

      for (int i = 0; i < 3; i++) {
        SpindledProcess node = daemons.get(i);
        var link = node.spindlectl("get", "links", "wg0", "-o", "yaml");
        assertThat(link.exit()).as(link.err()).isZero();
        // wireguard-go's device is a tun link (kind tun, as ip shows it) with the WireGuard section read over UAPI
        assertThat(link.out()).contains("    kind: tun\n", "    wireguard:\n", "        publicKey: ",
            "        listenPort: " + (i < 2 ? "51111" : "")).doesNotContain("privateKey");
        // peer statuses are polled (every 5 s: handshakes raise no event), so they may trail the pings
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
            assertThat(node.spindlectl("get", "wireguardpeerstatuses", "-o", "yaml").out().split(
                "lastHandshakeTime: 20", -1)).as("both peers show a handshake").hasSize(3));
        var first = peerBytes(node);
        assertThat(first).hasSize(2);
        ping(namespaces.get(i), MESH_IPS[(i + 1) % 3]);
        ping(namespaces.get(i), MESH_IPS[(i + 2) % 3]);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
            assertThat(peerBytes(node).stream().mapToLong(Long::longValue).sum())
                .isGreaterThan(first.stream().mapToLong(Long::longValue).sum()));
      }

      // The worker gets a new key, and every node an IPv6 mesh address beside its IPv4 one. The worker applies first:
      // the control planes still know its old key, so its initiations go unanswered and it re-adds them each second
      // (first-contact redials) until they have applied theirs; then the mesh forms again at once instead of after
      // WireGuard's 5 s retry.
      String oldPrivate = privateKey(configs.resolve(FILES[2]));
      var newKey = run(List.of(SpindledProcess.ROOT.resolve("cli/bin/spindlectl").toString(), "gen", "wg-key"));
      assertThat(newKey.exit()).isZero();
      String newPrivate = newKey.out().strip();
      String oldPublic = pub(oldPrivate);
      String newPublic = pub(newPrivate);
      SpindledProcess worker = daemons.get(2);
      long redialsBefore = redials(worker);
      long appliedLast = 0;
      for (int i : new int[] {2, 0, 1}) {
        Path changed = dir.resolve("changed-" + FILES[i]);
        Files.writeString(changed, dualStack(Files.readString(configs.resolve(FILES[i])).replace(oldPrivate,
            newPrivate).replace(oldPublic, newPublic)));
        var applied = daemons.get(i).spindlectl("apply-config", "-f", changed.toString());
        assertThat(applied.exit()).as(applied.err()).isZero();
        appliedLast = System.nanoTime();
        if (i == 2) {
          await().atMost(Duration.ofSeconds(20)).until(() -> redials(worker) > redialsBefore);
        }
      }
      try {
        awaitFullMesh(namespaces, MESH_IPS6);
        awaitFullMesh(namespaces, MESH_IPS);
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        throw new AssertionError("mesh not re-formed; daemon logs:\n" + logs(daemons), e);
      }
      System.out.printf("3-node WireGuard mesh: re-formed with the worker's new key %d ms after the last "
          + "apply-config (worker redials logged: %d)%n", (System.nanoTime() - appliedLast) / 1_000_000,
          redials(worker) - redialsBefore);
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        String peers = daemons.get(0).spindlectl("get", "wireguardpeerstatuses", "-o", "yaml").out();
        assertThat(peers).contains(newPublic).doesNotContain(oldPublic);
      });
      for (SpindledProcess d : daemons) {
        d.stop();
      }
    } finally {
      for (SpindledProcess d : daemons) {
        d.close();
      }
      for (NetworkNamespace ns : namespaces) {
        ns.close();
      }
    }
  }

  /** {@code ip netns exec <ns>} in a new mount namespace whose {@code /run/wireguard} is its own tmpfs. */
  private static List<String> privateWireguardDir(NetworkNamespace ns) {
    return List.of("ip", "netns", "exec", ns.name, "unshare", "--mount", "--propagation", "private", "sh", "-c",
        "mkdir -p /run/wireguard && mount -t tmpfs spindle-wg /run/wireguard && exec \"$0\" \"$@\"");
  }

  /** Each IPv4 mesh address gets its IPv6 twin (fd01::N beside 10.1.0.N), on the link and in the allowed IPs. */
  private static String dualStack(String config) {
    String withAddresses = config.replaceAll("(?m)^(\\s+- address: )10\\.1\\.0\\.(\\d+)/24\n",
        "$0$1fd01::$2/64\n");
    String dual = withAddresses.replaceAll("(?m)^(\\s+- )10\\.1\\.0\\.(\\d+)/32\n", "$0$1fd01::$2/128\n");
    assertThat(dual).contains("fd01::").contains("/128");
    return dual;
  }

  private static void awaitFullMesh(List<NetworkNamespace> namespaces, String[] addresses) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          if (i != j) {
            assertThat(pingOnce(namespaces.get(i), addresses[j])).as("node %d → %s", i, addresses[j]).isZero();
          }
        }
      }
    });
  }

  /** The first-contact redials (a peer removed and added again) the node logged: the first and last of a window. */
  private static long redials(SpindledProcess node) throws java.io.IOException {
    return node.log().lines().filter(l -> l.contains("added it again for a new initiation")).count();
  }

  private static void ping(NetworkNamespace ns, String ip) throws Exception {
    assertThat(pingOnce(ns, ip)).as("ping %s", ip).isZero();
  }

  private static int pingOnce(NetworkNamespace ns, String ip) throws Exception {
    return run(List.of("ip", "netns", "exec", ns.name, "ping", "-c", "1", "-W", "0.3", ip)).exit();
  }

  private static final Pattern BYTES = Pattern.compile("(?:receiveBytes|transmitBytes): (\\d+)");

  /** Per peer, received plus sent bytes, as {@code spindlectl get wireguardpeerstatuses} shows them. */
  private static List<Long> peerBytes(SpindledProcess node) throws Exception {
    var out = node.spindlectl("get", "wireguardpeerstatuses", "-o", "yaml");
    assertThat(out.exit()).as(out.err()).isZero();
    var perPeer = new ArrayList<Long>();
    long sum = 0;
    int seen = 0;
    Matcher m = BYTES.matcher(out.out());
    while (m.find()) {
      sum += Long.parseLong(m.group(1));
      if (++seen % 2 == 0) {
        perPeer.add(sum);
        sum = 0;
      }
    }
    return perPeer;
  }

  private static String privateKey(Path config) throws Exception {
    Matcher m = Pattern.compile("privateKey: (\\S+)").matcher(Files.readString(config));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static String pub(String privateKey) throws Exception {
    var p = new ProcessBuilder(SpindledProcess.ROOT.resolve("cli/bin/spindlectl").toString(), "gen", "wg-pubkey")
        .start();
    p.getOutputStream().write((privateKey + "\n").getBytes());
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    return out;
  }

  private static String logs(List<SpindledProcess> daemons) throws Exception {
    var text = new StringBuilder();
    for (SpindledProcess d : daemons) {
      text.append("---- ").append(d.dir).append('\n').append(d.log().lines()
          .filter(l -> l.contains("wireguard") || l.contains("link") || l.contains("ERROR"))
          .reduce("", (a, b) -> a + b + "\n"));
    }
    return text.toString();
  }

  private static boolean onPath(String binary) {
    for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      if (Files.isExecutable(Path.of(d, binary))) {
        return true;
      }
    }
    return false;
  }

  private record Ran(int exit, String out) {}

  private static Ran run(List<String> command) throws Exception {
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", SpindledProcess.JAVA.getParent().getParent().toString());
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Ran(p.exitValue(), out);
  }
}
