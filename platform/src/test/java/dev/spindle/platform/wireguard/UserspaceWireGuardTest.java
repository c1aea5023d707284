package dev.spindle.platform.wireguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.network.linux.LinuxRtnetlink;
import dev.spindle.platform.network.linux.TestNamespace;
import dev.spindle.runtime.testing.Prerequisites;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    assertThat(link.kind()).isEqualTo("tun");
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
    assertThat(foreign.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).as("wireguard-go exits with its link")
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
}
