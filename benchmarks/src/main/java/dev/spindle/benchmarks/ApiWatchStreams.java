package dev.spindle.benchmarks;

import dev.spindle.api.WireResources;
import dev.spindle.api.auth.ClientConfig;
import dev.spindle.api.client.GrpcState;
import dev.spindle.runtime.state.Event;
import dev.spindle.runtime.state.EventType;
import dev.spindle.runtime.state.Watch;
import io.grpc.ManagedChannel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Many concurrent watch streams: {@code streams} {@link GrpcState#watchKind} calls spread over
 * {@code streamChannels} TCP+TLS channels, each drained by its own virtual thread, while the server writes a few
 * {@link StampedWriter stamped updates} ({@code streamUpdates} at {@code streamRate}/s, rotating over 10 resources).
 * Before anything is measured, 10 streams receive {@code streamWarmup} updates at 500/s, so that the classes are
 * loaded and the watch path is compiled on both sides.
 *
 * <p>The server runs in a <b>separate JVM</b> ({@link ApiServerProcess}, same jar, same JDK), so the server's heap
 * and the clients' heap are measured apart: the figure that matters for the daemon is the server's. Each side reports
 * heap used after full GCs (a) with the channel(s) connected but no stream open, (b) with all streams open and idle,
 * (c) after the updates were delivered to every stream, and the server's RSS at each point. The per-stream cost is
 * (b − a) / streams; (c) − (b) shows whether delivering updates leaves memory behind. The child's JVM options are
 * the JDK defaults plus {@code --enable-native-access=ALL-UNNAMED} (as the daemon) and any {@code --server-jvm-opt}.
 *
 * <p>Also reported: the time to open the streams, and the fan-out latency from each write to each of the streams
 * receiving it (every stream must receive every update, in order). The stamp is compared across the two processes:
 * {@code System.nanoTime()} is {@code CLOCK_MONOTONIC} on Linux, shared by all processes.
 */
final class ApiWatchStreams {
  private static final long TIMEOUT_SECONDS = 300;

  private ApiWatchStreams() {}

  static void run(ApiLoadOptions o, PrintStream out) throws Exception {
    out.printf(Locale.ROOT, "%nWATCH STREAMS: %,d concurrent watchKind streams over %d channel(s); %,d updates at %d/s "
        + "while open; server in a separate JVM%n", o.streams(), o.streamChannels(), o.streamUpdates(),
        o.streamRate());
    Path dir = Files.createTempDirectory("spindle-apibench");
    Path config = dir.resolve("config");
    List<ManagedChannel> channels = new ArrayList<>();
    List<Watch> watches = new ArrayList<>();
    List<Thread> consumers = new ArrayList<>();
    // the watches and channels close before the server process quits, so no client sees its streams reset
    try (var server = ServerProcess.start(o, config, out)) {
      try {
        var wire = new WireResources(ApiServerFixture.registry());
        var context = ClientConfig.read(config).currentContext();
        List<GrpcState> clients = new ArrayList<>();
        for (int c = 0; c < o.streamChannels(); c++) {
          ManagedChannel channel = ApiServerFixture.channel(context);
          channels.add(channel);
          var client = new GrpcState(channel, wire);
          client.get(ApiServerFixture.pointer(0)); // connects (TLS handshake) before the baseline
          clients.add(client);
        }
        warmUp(server, clients, o.streamWarmup());

        Heap serverBefore = server.heap();
        long clientBefore = ResidentMemory.usedAfterGc();

        long openStart = System.nanoTime();
        for (int i = 0; i < o.streams(); i++) {
          watches.add(clients.get(i % clients.size()).watchKind(ApiServerFixture.kind()));
        }
        long openNanos = System.nanoTime() - openStart;

        long expectedEvents = (long) o.streams() * o.streamUpdates();
        var delivered = new CountDownLatch((int) Math.min(expectedEvents, Integer.MAX_VALUE));
        ConcurrentHistogram latency = Latencies.concurrentHistogram();
        AtomicReference<String> failure = new AtomicReference<>();
        AtomicLong received = new AtomicLong();
        for (Watch watch : watches) {
          consumers.add(Thread.ofVirtual().name("stream-consumer").start(() -> consume(watch, o.streamWarmup(),
              latency, delivered, received, failure)));
        }

        Heap serverOpen = server.heap();
        long clientOpen = ResidentMemory.usedAfterGc();

        String updated = server.command("update " + o.streamUpdates() + " " + o.streamRate());
        long waitStart = System.nanoTime();
        boolean all = delivered.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long drainNanos = System.nanoTime() - waitStart;
        if (failure.get() != null) {
          throw new IllegalStateException("a stream failed: " + failure.get());
        }
        if (!all) {
          throw new IllegalStateException("only " + received.get() + " of " + expectedEvents + " events were "
              + "delivered within " + TIMEOUT_SECONDS + " s");
        }

        Heap serverAfter = server.heap();
        long clientAfter = ResidentMemory.usedAfterGc();

        out.printf(Locale.ROOT, "  opened %,d streams in %.0f ms (%.2f ms each, sequentially); server reports %d live "
            + "watches%n", o.streams(), Latencies.ms(openNanos), Latencies.ms(openNanos) / o.streams(),
            serverOpen.watches());
        out.printf(Locale.ROOT, "  server wrote %s; all %,d events delivered, the last %.0f ms after the writer "
            + "finished%n", describeUpdate(updated), expectedEvents, Latencies.ms(drainNanos));
        out.println("  heap used after GC (MB)        no streams   streams open   after updates   per stream (open)");
        printHeapRow(out, "server JVM", serverBefore.used(), serverOpen.used(), serverAfter.used(), o.streams());
        printHeapRow(out, "client JVM (this one)", clientBefore, clientOpen, clientAfter, o.streams());
        out.printf(Locale.ROOT, "  server RSS (MB): %.1f / %.1f / %.1f; server platform threads: %d / %d / %d%n",
            serverBefore.rssKb() / 1024.0, serverOpen.rssKb() / 1024.0, serverAfter.rssKb() / 1024.0,
            serverBefore.threads(), serverOpen.threads(), serverAfter.threads());
        Latencies.print(out, "fan-out latency write -> each stream", latency);
      } finally {
        watches.forEach(Watch::close);
        for (Thread t : consumers) {
          t.join(TimeUnit.SECONDS.toMillis(5));
        }
        channels.forEach(ManagedChannel::shutdownNow);
      }
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  /**
   * Before the baseline: loads and initialises every class involved on both sides, and gets the watch path (server
   * encoding, client decoding) compiled, with 10 streams receiving {@code updates} updates written at 500/s. Without
   * it the first updates of the measured phase would run interpreted code.
   */
  private static void warmUp(ServerProcess server, List<GrpcState> clients, int updates) throws Exception {
    int streams = 10;
    List<Watch> watches = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    var delivered = new CountDownLatch(streams * updates);
    AtomicReference<String> failure = new AtomicReference<>();
    try {
      for (int i = 0; i < streams; i++) {
        Watch watch = clients.get(i % clients.size()).watchKind(ApiServerFixture.kind());
        watches.add(watch);
        threads.add(Thread.ofVirtual().name("warm-up-consumer").start(() -> consume(watch, 0,
            Latencies.concurrentHistogram(), delivered, new AtomicLong(), failure)));
      }
      if (updates > 0) {
        server.command("update " + updates + " 500");
      }
      if (!delivered.await(TIMEOUT_SECONDS, TimeUnit.SECONDS) || failure.get() != null) {
        throw new IllegalStateException("warm-up failed: " + (failure.get() != null ? failure.get()
            : delivered.getCount() + " events not delivered"));
      }
    } finally {
      watches.forEach(Watch::close);
      for (Thread t : threads) {
        t.join(TimeUnit.SECONDS.toMillis(5));
      }
    }
  }

  /** One stream's consumer: every update from {@code firstSeq} on must arrive once and in order. */
  private static void consume(Watch watch, long firstSeq, ConcurrentHistogram latency, CountDownLatch delivered,
      AtomicLong received, AtomicReference<String> failure) {
    long expected = firstSeq;
    try {
      while (true) {
        List<Event> batch = watch.nextBatch(256);
        long now = System.nanoTime();
        for (Event e : batch) {
          if (e.type() == EventType.ERRORED) {
            failure.compareAndSet(null, "ERRORED: " + e.error());
            return;
          }
          if (e.type() != EventType.UPDATED) {
            continue;
          }
          String alias = ((LinkStatusLikeSpec) e.resource().spec()).alias();
          long seq = StampedWriter.seq(alias);
          if (seq != expected) {
            failure.compareAndSet(null, "expected update " + expected + ", received " + seq);
            return;
          }
          expected++;
          latency.recordValue(now - StampedWriter.writtenNanos(alias));
          received.incrementAndGet();
          delivered.countDown();
        }
      }
    } catch (Watch.ClosedException | InterruptedException ended) {
      // closed at the end of the run
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e.toString());
    }
  }

  private static String describeUpdate(String reply) {
    String[] w = reply.split(" "); // updated <count> <rate> <lag ns>
    return String.format(Locale.ROOT, "%s updates at %s/s (pacer lag max %.3f ms)", w[1], w[2],
        Latencies.ms(Long.parseLong(w[3])));
  }

  private static void printHeapRow(PrintStream out, String side, long before, long open, long after, int streams) {
    out.printf(Locale.ROOT, "  %-30s %10.1f %14.1f %15.1f %14.1f KB%n", side, before / 1048576.0, open / 1048576.0,
        after / 1048576.0, (open - before) / 1024.0 / streams);
  }

  record Heap(long used, long rssKb, int watches, int threads) {}

  /** The child JVM running {@link ApiServerProcess}, driven over its standard input and output. */
  static final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final PrintWriter commands;
    private final BufferedReader replies;
    private final PrintStream log;

    private ServerProcess(Process process, PrintStream log) {
      this.process = process;
      this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
      this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      this.log = log;
    }

    static ServerProcess start(ApiLoadOptions o, Path clientConfig, PrintStream log) throws IOException {
      String java = ProcessHandle.current().info().command()
          .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      List<String> command = new ArrayList<>();
      command.add(java);
      command.add("--enable-native-access=ALL-UNNAMED"); // as the daemon runs (Netty loads its native TLS and epoll)
      command.addAll(o.serverJvmOptions());
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), ApiServerProcess.class.getName(),
          "--resources", Integer.toString(o.resources()), "--client-config", clientConfig.toString()));
      var process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      var server = new ServerProcess(process, log);
      try {
        String ready = server.await("ready");
        log.printf(Locale.ROOT, "  server process pid %s, JVM options %s%n", ready.split(" ")[2],
            o.serverJvmOptions().isEmpty() ? "(JDK defaults)" : String.join(" ", o.serverJvmOptions()));
      } catch (IOException | RuntimeException e) {
        process.destroyForcibly();
        throw e;
      }
      return server;
    }

    Heap heap() throws IOException {
      String[] w = command("heap").split(" ");
      return new Heap(Long.parseLong(w[1]), Long.parseLong(w[2]), Integer.parseInt(w[3]), Integer.parseInt(w[4]));
    }

    String command(String line) throws IOException {
      commands.println(line);
      return await(line.split(" ")[0].equals("update") ? "updated" : line.split(" ")[0]);
    }

    /** The next reply line (without its {@code @}); other output of the child is passed on as log. */
    private String await(String word) throws IOException {
      String line;
      while ((line = replies.readLine()) != null) {
        if (!line.startsWith("@")) {
          log.println("  [server] " + line);
          continue;
        }
        String reply = line.substring(1);
        if (!reply.startsWith(word + " ")) {
          throw new IllegalStateException("server process: expected " + word + ", got " + reply);
        }
        return reply;
      }
      throw new UncheckedIOException(new IOException("the server process ended (exit "
          + process.onExit().join().exitValue() + ")"));
    }

    @Override
    public void close() {
      commands.println("quit");
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroy();
          if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
          }
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
