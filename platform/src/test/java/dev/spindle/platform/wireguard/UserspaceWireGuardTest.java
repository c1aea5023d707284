package dev.spindle.platform.wireguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.network.linux.LinuxRtnetlink;
import dev.spindle.platform.network.linux.TestNamespace;
import dev.spindle.runtime.testing.Prerequisites;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract on {@link UserspaceWireGuard} with real wireguard-go processes in a fresh network namespace (started
 * there by {@code ip netns exec}), and what only a real process shows: devices it did not start, other namespaces'
 * sockets in the shared directory, a start that fails, and {@code close()} stopping its processes. Needs root and
 * wireguard-go: skipped without them, failed under {@code SPINDLE_REQUIRE_PRIVILEGED=1}.
 */
class UserspaceWireGuardTest extends WireGuardContract {
  private TestNamespace ns;
  private LinuxRtnetlink rtnl;
  private UserspaceWireGuard wg;
  private TestNamespace otherNs;
  private LinuxRtnetlink otherRtnl;
  private UserspaceWireGuard otherWg;
  private Process foreign;

  @BeforeEach
  void start() throws Exception {
    Prerequisites.requireRoot("running wireguard-go");
    Prerequisites.requireBinary("wireguard-go", "wireguard-go");
    ns = TestNamespace.create();
    rtnl = LinuxRtnetlink.inNamespace(ns.path());
    wg = inNamespace(ns, rtnl);
  }

  static UserspaceWireGuard inNamespace(TestNamespace ns, LinuxRtnetlink rtnl) {
    return new UserspaceWireGuard(rtnl, UserspaceWireGuard.DEFAULT_SOCKET_DIRECTORY,
        List.of("ip", "netns", "exec", ns.name(), "wireguard-go"), Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (foreign != null) {
        foreign.destroy();
        foreign.waitFor();
      }
      for (AutoCloseable c : new AutoCloseable[] {wg, rtnl, otherWg, otherRtnl}) {
        if (c != null) {
          c.close();
        }
      }
    } finally {
      for (TestNamespace n : new TestNamespace[] {ns, otherNs}) {
        if (n != null) {
          n.close();
        }
      }
    }
  }

  @Override
  protected WireGuard wireGuard() {
    return wg;
  }

  @Test
  void aDeviceIsATunLinkOfItsNamespaceServedByAProcessOfItsOwn() throws Exception {
    String name = newName();
    wg.createDevice(name);
    LinkMessage link = rtnl.link(name);
    assertThat(link.kind()).isEqualTo("tun").isEqualTo(wg.linkKind());
    assertThat(link.type()).isEqualTo(dev.spindle.platform.network.Arphrd.NONE);
    assertThat(link.mtu()).isEqualTo(1420);
    assertThat(wg.processes()).containsOnlyKeys(name);
    assertThat(wg.device(name).listenPort()).as("wireguard-go binds a port at once").isPositive();
    wg.configure(name, new WireguardConfig(null, 0, null, false, List.of()));
    assertThat(wg.device(name).listenPort()).isPositive();

    long pid = wg.processes().get(name);
    wg.deleteDevice(name);
    assertThat(ProcessHandle.of(pid)).isEmpty();
    assertThat(rtnl.links()).extracting(LinkMessage::name).doesNotContain(name);
    assertThat(UserspaceWireGuard.DEFAULT_SOCKET_DIRECTORY.resolve(name + ".sock")).doesNotExist();
  }

  @Test
  void aDeviceItDidNotStartIsReadConfiguredAndDeletedThroughItsLink() throws Exception {
    String name = newName();
    foreign = new ProcessBuilder("ip", "netns", "exec", ns.name(), "wireguard-go", "-f", name)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    await().atMost(Duration.ofSeconds(5)).until(() -> wg.devices().contains(name));
    WireguardKey key = newPrivateKey();
    wg.configure(name, new WireguardConfig(key, 51840, null, false, List.of(adding(newPublicKey(), "10.0.0.0/8"))));
    assertThat(wg.device(name).publicKey()).isEqualTo(key.publicKey());
    assertThat(wg.processes()).isEmpty();

    wg.deleteDevice(name);
    assertThat(foreign.waitFor(5, TimeUnit.SECONDS)).as("wireguard-go exits with its link")
        .isTrue();
    assertThat(wg.devices()).doesNotContain(name);
  }

  @Test
  void anotherNamespacesDeviceInTheSharedDirectoryIsNotSeen() throws Exception {
    otherNs = TestNamespace.create();
    otherRtnl = LinuxRtnetlink.inNamespace(otherNs.path());
    otherWg = inNamespace(otherNs, otherRtnl);
    String theirs = newName();
    otherWg.createDevice(theirs);
    assertThat(Files.exists(UserspaceWireGuard.DEFAULT_SOCKET_DIRECTORY.resolve(theirs + ".sock"))).isTrue();
    assertThat(wg.devices()).doesNotContain(theirs);
    assertErrno(() -> wg.device(theirs), Errno.ENODEV);
    assertErrno(() -> wg.configure(theirs, WireguardConfig.ofPeers(List.of())), Errno.ENODEV);
    assertErrno(() -> wg.createDevice(theirs), Errno.EEXIST);
    assertThat(otherWg.devices()).contains(theirs);
  }

  @Test
  void aStartThatFailsSaysWhyAndLeavesNothing() throws Exception {
    String name = newName();
    try (var broken = new UserspaceWireGuard(rtnl, UserspaceWireGuard.DEFAULT_SOCKET_DIRECTORY,
        List.of("ip", "netns", "exec", "spindle-no-such-namespace", "wireguard-go"), Duration.ofSeconds(5))) {
      assertErrno(() -> broken.createDevice(name), Errno.EIO);
      assertThat(broken.processes()).isEmpty();
    }
    try (var missing = new UserspaceWireGuard(rtnl, UserspaceWireGuard.DEFAULT_SOCKET_DIRECTORY,
        List.of("/nonexistent/wireguard-go"), Duration.ofSeconds(5))) {
      assertErrno(() -> missing.createDevice(name), Errno.ENOENT);
    }
    assertThat(wg.devices()).doesNotContain(name);
  }

  @Test
  void closeStopsEveryProcessItStartedAndTheirLinksGo() throws Exception {
    String a = newName();
    String b = newName();
    wg.createDevice(a);
    wg.createDevice(b);
    Map<String, Long> pids = wg.processes();
    assertThat(pids).containsOnlyKeys(a, b);
    wg.close();
    assertThat(pids.values()).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isEmpty());
    assertThat(rtnl.links()).extracting(LinkMessage::name).doesNotContain(a, b);
  }

  @Test
  void wgReadsWhatTheAdapterWroteAndTheAdapterReadsWhatWgWrote() throws Exception {
    String wgTool = Prerequisites.requireBinary("wg", "wireguard-tools").toString();
    String name = newName();
    wg.createDevice(name);
    WireguardKey key = newPrivateKey();
    WireguardKey peerKey = newPublicKey();
    WireguardKey psk = WireguardKey.generatePreshared();
    wg.configure(name, new WireguardConfig(key, 51850, 0x42, false, List.of(WireguardPeerConfig.replacing(peerKey, psk,
        endpoint("2001:db8::7", 51851), Duration.ofSeconds(25), ips("10.7.0.0/16", "fd07::/64")))));
    List<String> dump = run(wgTool, "show", name, "dump").lines().toList();
    assertThat(dump).hasSize(2);
    assertThat(dump.get(0)).isEqualTo(String.join("\t", key.base64(), key.publicKey().base64(), "51850", "0x42"));
    List<String> peer = List.of(dump.get(1).split("\t"));
    assertThat(peer.subList(0, 3)).containsExactly(peerKey.base64(), psk.base64(), "[2001:db8::7]:51851");
    assertThat(peer.get(3).split(",")).containsExactlyInAnyOrder("10.7.0.0/16", "fd07::/64");
    assertThat(peer.subList(4, 8)).containsExactly("0", "0", "0", "25");

    WireguardKey other = newPublicKey();
    run(wgTool, "set", name, "fwmark", "0", "peer", other.base64(), "allowed-ips", "10.9.0.0/24", "endpoint",
        "192.0.2.9:9", "persistent-keepalive", "7");
    WireguardDevice device = wg.device(name);
    assertThat(device.firewallMark()).isZero();
    WireguardPeer added = peer(device, other);
    assertThat(added.allowedIps()).containsExactly(AllowedIp.parse("10.9.0.0/24"));
    assertThat(added.endpoint()).isEqualTo(endpoint("192.0.2.9", 9));
    assertThat(added.persistentKeepalive()).isEqualTo(Duration.ofSeconds(7));
    assertThat(peer(device, peerKey).presharedKey()).isEqualTo(psk);
  }

  @Test
  void aJvmInsideTheNamespaceStartsWireguardGoThereWithTheDefaultCommand() throws Exception {
    String name = newName();
    String javaBinary = ProcessHandle.current().info().command().orElseThrow();
    Process probe = new ProcessBuilder("ip", "netns", "exec", ns.name(), javaBinary,
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Probe.class.getName(), name)
        .redirectErrorStream(true).start();
    try (var out = new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("ready tun [" + name + "]");
      assertThat(rtnl.link(name).kind()).isEqualTo("tun");
      assertThat(wg.devices()).contains(name);
      probe.getOutputStream().close();
      assertThat(probe.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(probe.exitValue()).isZero();
    } finally {
      probe.destroyForcibly();
    }
    assertThat(rtnl.links()).extracting(LinkMessage::name).doesNotContain(name);
  }

  @Test
  void nodesWithPrivateSocketDirectoriesUseTheSameDeviceName() throws Exception {
    otherNs = TestNamespace.create();
    String name = newName();
    List<Process> nodes = new java.util.ArrayList<>();
    try {
      for (TestNamespace node : List.of(ns, otherNs)) {
        // ip netns exec runs in a mount namespace of its own: a tmpfs there is that node's socket directory alone
        String script = "mkdir -p /run/wireguard && mount -t tmpfs -o mode=0700 tmpfs /run/wireguard && exec \"$@\"";
        nodes.add(new ProcessBuilder("ip", "netns", "exec", node.name(), "sh", "-c", script, "sh",
            ProcessHandle.current().info().command().orElseThrow(), "--enable-native-access=ALL-UNNAMED", "-cp",
            System.getProperty("java.class.path"), Probe.class.getName(), name).redirectErrorStream(true).start());
      }
      for (Process node : nodes) {
        var out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("ready tun [" + name + "]");
      }
      assertThat(Files.exists(UserspaceWireGuard.DEFAULT_SOCKET_DIRECTORY.resolve(name + ".sock"))).isFalse();
      for (Process node : nodes) {
        node.getOutputStream().close();
        assertThat(node.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).isZero();
      }
    } finally {
      nodes.forEach(Process::destroyForcibly);
    }
  }

  /**
   * Run by {@code ip netns exec NS java ...}: the adapter as the daemon makes it (rtnetlink of the JVM's namespace,
   * plain {@code wireguard-go}); creates the device, says what it sees, and closes when its input ends.
   */
  public static final class Probe {
    public static void main(String[] args) throws Exception {
      try (var rtnl = LinuxRtnetlink.open(); var wg = new UserspaceWireGuard(rtnl)) {
        wg.createDevice(args[0]);
        System.out.println("ready " + rtnl.link(args[0]).kind() + " " + wg.devices());
        System.out.flush();
        System.in.transferTo(OutputStream.nullOutputStream());
      }
    }
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    return output;
  }
}
