package dev.spindle.benchmarks;

import dev.spindle.platform.network.linux.LinuxRtnetlink;
import dev.spindle.platform.wireguard.AllowedIp;
import dev.spindle.platform.wireguard.UserspaceWireGuard;
import dev.spindle.platform.wireguard.WireguardConfig;
import dev.spindle.platform.wireguard.WireguardDevice;
import dev.spindle.platform.wireguard.WireguardKey;
import dev.spindle.platform.wireguard.WireguardPeerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Configuring userspace WireGuard through the UAPI socket: {@link UserspaceWireGuard} against real wireguard-go
 * processes. {@code configure256Peers}: a device without peers gets a private key, a port and 256 peers (each with
 * an endpoint, a keepalive and an allowed /32) in one {@code set=1}; the peers are removed again before each
 * invocation, untimed. {@code changeOnePeer}: on a device with those 256 peers, one peer's allowed IPs are replaced
 * (alternating between two lists), what a minimal diff sends. {@code read256Peers}: {@code get=1} of that device, the
 * read a controller makes before it diffs. The peers keep alive every 5 s, as the generated mesh's do; wireguard-go
 * then starts a handshake for every new peer at once (about half the time of {@code configure256Peers}), which
 * {@code -p keepaliveSeconds=0} leaves out.
 *
 * <p>Targets (issue 7): 256 peers ≤ 100 ms, a one-peer change ≤ 10 ms. Needs root and wireguard-go: the trial makes
 * its own network namespace ({@code spindle-bench-wg-<pid>}), starts wireguard-go there and deletes it at the end.
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar WireguardUapiBenchmark -wi 3 -i 5 -f 1
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms256m", "-Xmx256m"})
@Threads(1)
public class WireguardUapiBenchmark {
  static final int PEERS = 256;

  /** The namespace, the adapter and the 256-peer change, for the whole trial. */
  @State(Scope.Benchmark)
  public static class Node {
    /** The peers' keepalive: wireguard-go starts a handshake for each new peer with one ({@code -p} 0 to compare). */
    @Param({"5"})
    int keepaliveSeconds;
    String namespace;
    LinuxRtnetlink rtnl;
    UserspaceWireGuard wg;
    WireguardConfig full;
    List<WireguardKey> peerKeys;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      namespace = "spindle-bench-wg-" + ProcessHandle.current().pid();
      run("ip", "netns", "add", namespace);
      rtnl = LinuxRtnetlink.inNamespace(Path.of("/var/run/netns", namespace));
      wg = new UserspaceWireGuard(rtnl, UserspaceWireGuard.DEFAULT_SOCKET_DIRECTORY,
          List.of("ip", "netns", "exec", namespace, "wireguard-go"), Duration.ofSeconds(5));
      var random = new Random(256);
      peerKeys = new ArrayList<>();
      var peers = new ArrayList<WireguardPeerConfig>();
      for (int i = 0; i < PEERS; i++) {
        WireguardKey key = WireguardKey.generatePrivate(random).publicKey();
        peerKeys.add(key);
        peers.add(WireguardPeerConfig.replacing(key, null, endpoint(i), Duration.ofSeconds(keepaliveSeconds),
            List.of(AllowedIp.parse("10.8." + i + ".1/32"))));
      }
      full = new WireguardConfig(WireguardKey.generatePrivate(random), 51820, null, false, peers);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      try {
        wg.close();
        rtnl.close();
      } finally {
        run("ip", "netns", "del", namespace);
      }
    }

    static InetSocketAddress endpoint(int i) {
      return new InetSocketAddress(InetAddress.ofLiteral("192.0.2." + i), 51820);
    }

    String device(String prefix) {
      return prefix + ProcessHandle.current().pid() % 100_000;
    }
  }

  /** A device whose peers are removed before each invocation. */
  @State(Scope.Benchmark)
  public static class Empty {
    String name;
    Node node;

    @Setup(Level.Trial)
    public void create(Node node) throws Exception {
      this.node = node;
      name = node.device("wgbe");
      node.wg.createDevice(name);
    }

    @Setup(Level.Invocation)
    public void removePeers() throws Exception {
      node.wg.configure(name, new WireguardConfig(null, null, null, true, List.of()));
    }
  }

  /** A device holding the 256 peers. */
  @State(Scope.Benchmark)
  public static class Full {
    String name;
    Node node;
    WireguardConfig[] changes;
    int next;

    @Setup(Level.Trial)
    public void create(Node node) throws Exception {
      this.node = node;
      name = node.device("wgbf");
      node.wg.createDevice(name);
      node.wg.configure(name, node.full);
      WireguardKey key = node.peerKeys.get(PEERS / 2);
      changes = new WireguardConfig[] {
          WireguardConfig.ofPeers(List.of(WireguardPeerConfig.replacing(key, null, Node.endpoint(PEERS / 2),
              Duration.ofSeconds(node.keepaliveSeconds), List.of(AllowedIp.parse("10.8.128.1/32"),
                  AllowedIp.parse("10.9.0.0/24"))))),
          WireguardConfig.ofPeers(List.of(WireguardPeerConfig.replacing(key, null, Node.endpoint(PEERS / 2),
              Duration.ofSeconds(node.keepaliveSeconds), List.of(AllowedIp.parse("10.8.128.1/32")))))};
      if (node.wg.device(name).peers().size() != PEERS) {
        throw new IllegalStateException("the device did not take " + PEERS + " peers");
      }
    }
  }

  @Benchmark
  public void configure256Peers(Empty empty) throws Exception {
    empty.node.wg.configure(empty.name, empty.node.full);
  }

  @Benchmark
  public void changeOnePeer(Full full) throws Exception {
    full.node.wg.configure(full.name, full.changes[full.next++ & 1]);
  }

  @Benchmark
  public WireguardDevice read256Peers(Full full) throws Exception {
    return full.node.wg.device(full.name);
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output.strip());
    }
  }
}
