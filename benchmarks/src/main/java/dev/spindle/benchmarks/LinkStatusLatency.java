package dev.spindle.benchmarks;

import dev.spindle.controllers.network.LinkStatusController;
import dev.spindle.platform.network.linux.LinuxEthtool;
import dev.spindle.platform.network.linux.LinuxRtnetlink;
import dev.spindle.platform.wireguard.UnavailableWireGuard;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.runtime.controller.ControllerRuntime;
import dev.spindle.runtime.resource.ResourceQuery;
import dev.spindle.runtime.state.Event;
import dev.spindle.runtime.state.EventType;
import dev.spindle.runtime.state.InMemoryState;
import dev.spindle.runtime.state.StateReader;
import dev.spindle.runtime.state.Watch;
import dev.spindle.runtime.state.WatchOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Kernel event → {@code LinkStatus} updated, through the real kernel: the real {@link LinuxRtnetlink} (multicast
 * subscription and dumps) and the node's {@link LinkStatusController} in a {@link ControllerRuntime}, in the network
 * namespace the process runs in. A main class rather than JMH: it measures a latency distribution across a kernel
 * boundary.
 *
 * <p>Each sample changes the MTU of one veth by writing {@code /sys/class/net/<link>/mtu} (the kernel applies it and
 * emits {@code RTM_NEWLINK} inside that write), then waits on a watch of that link's {@code LinkStatus} until it
 * carries the new MTU. Latency: from just before the write to the watcher seeing the update. Every event makes the
 * controller re-read every link (it never applies single events, see {@code KernelResync}), so with
 * {@code --links 1000} each sample is a full resync of 1,000 links; the first sync of all of them is timed too.
 *
 * <p>Run as root in a namespace of its own (it creates {@code --links} veth ends with {@code ip -batch} and deletes
 * them at the end); {@code ip netns exec} also mounts that namespace's {@code /sys}:
 * <pre>
 * ip netns add spindle-bench
 * ip netns exec spindle-bench java --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
 *     dev.spindle.benchmarks.LinkStatusLatency --links 2 --samples 2000
 * ip netns exec spindle-bench java … LinkStatusLatency --links 1000 --samples 200
 * ip netns delete spindle-bench
 * </pre>
 */
public final class LinkStatusLatency {
  /** --ethtool: LinkStatusController also asks ethtool about every link on every pass, as the daemon does. */
  private static boolean withEthtool;

  private LinkStatusLatency() {}

  public static void main(String[] args) throws Exception {
    int links = 2;
    int samples = 2000;
    int warmup = 200;

    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--links" -> links = Integer.parseInt(args[++i]);
        case "--samples" -> samples = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--ethtool" -> withEthtool = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + " (--links N (even), --samples N, --warmup N, --ethtool)");
      }
    }
    if (links < 2 || links % 2 != 0) {
      throw new IllegalArgumentException("--links must be an even number ≥ 2 (veth pairs)");
    }
    run(links / 2, samples, warmup, System.out);
  }

  static void run(int pairs, int samples, int warmup, PrintStream out) throws Exception {
    createPairs(pairs);
    try {
      measure(pairs, samples, warmup, out);
    } finally {
      deletePairs(pairs);
    }
  }

  private static void measure(int pairs, int samples, int warmup, PrintStream out) throws Exception {
    var state = new InMemoryState();
    var reader = new StateReader(state);
    int expected = pairs * 2 + 1; // and lo
    try (var rtnl = LinuxRtnetlink.open(); var ethtoolPort = LinuxEthtool.open();
        var runtime = new ControllerRuntime(state)) {
      // --ethtool: as the daemon runs it, with three ethtool ioctls per link on every pass
      runtime.register(withEthtool ? new LinkStatusController(rtnl, name -> java.util.Optional.empty(), ethtoolPort,
          UnavailableWireGuard.notConfigured()) : new LinkStatusController(rtnl));
      long start = System.nanoTime();
      runtime.start();
      while (reader.list(LinkStatus.DEFINITION, Namespaces.NETWORK, ResourceQuery.ALL).size() < expected) {
        Thread.onSpinWait();
        if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(60)) {
          throw new IllegalStateException("LinkStatus did not reach " + expected + " links in 60 s");
        }
      }
      long firstSync = System.nanoTime() - start;
      out.printf(Locale.ROOT, "first sync: %,d links from runtime start to %,d LinkStatus resources in %.1f ms%n",
          expected, expected, firstSync / 1e6);

      String link = "bench0a";
      Path mtuFile = Path.of("/sys/class/net", link, "mtu");
      var histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
      try (Watch watch = state.watch(LinkStatus.DEFINITION.pointer(Namespaces.NETWORK, link), WatchOptions.DEFAULT)) {
        for (int k = 0; k < warmup + samples; k++) {
          int mtu = 1400 + (k % 2);
          long t0 = System.nanoTime();
          Files.writeString(mtuFile, Integer.toString(mtu), StandardCharsets.US_ASCII);
          awaitMtu(watch, mtu);
          long latency = System.nanoTime() - t0;
          if (k >= warmup) {
            histogram.recordValue(latency);
          }
        }
      }
      out.printf(Locale.ROOT, "event -> LinkStatus (%,d links, %,d samples after %,d warm-up): p50 %.3f ms, p90 %.3f ms, "
              + "p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n", expected, samples, warmup,
          ms(histogram, 50), ms(histogram, 90), ms(histogram, 99), ms(histogram, 99.9),
          histogram.getMaxValue() / 1e6);
    }
  }

  private static void awaitMtu(Watch watch, int mtu) throws InterruptedException {
    while (true) {
      Event event = watch.poll(java.time.Duration.ofSeconds(10));
      if (event == null) {
        throw new IllegalStateException("no LinkStatus update within 10 s for mtu " + mtu);
      }
      if (event.type() == EventType.ERRORED) {
        throw new IllegalStateException("the watch overran");
      }
      if (event.resource() != null && LinkStatus.DEFINITION.cast(event.resource()).spec().mtu() == mtu) {
        return;
      }
    }
  }

  private static double ms(Histogram h, double percentile) {
    return h.getValueAtPercentile(percentile) / 1e6;
  }

  private static void createPairs(int pairs) throws IOException, InterruptedException {
    var batch = new StringBuilder();
    for (int i = 0; i < pairs; i++) {
      batch.append("link add bench").append(i).append("a type veth peer name bench").append(i).append("b\n");
    }
    ipBatch(batch.toString());
  }

  private static void deletePairs(int pairs) throws IOException, InterruptedException {
    var batch = new StringBuilder();
    for (int i = 0; i < pairs; i++) {
      batch.append("link del bench").append(i).append("a\n");
    }
    ipBatch(batch.toString());
  }

  private static void ipBatch(String commands) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("ip", "-batch", "-").redirectErrorStream(true).start();
    try (var in = p.getOutputStream()) {
      in.write(commands.getBytes(StandardCharsets.US_ASCII));
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("ip -batch failed: " + output);
    }
  }
}
