package dev.spindle.benchmarks;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.netty.handler.ssl.OpenSsl;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Load and latency of the COSI State API over gRPC on TCP with mutual TLS, against the targets. A main class,
 * not JMH: it needs paced open-loop load, latency distributions and heap readings. Four phases, in this order (choose
 * with {@code --phases}):
 * <ol>
 *   <li>{@code list}: {@link ApiListLatency}, List of all 10,000 resources (target ≤ 100 ms);</li>
 *   <li>{@code get}: {@link ApiGetLatency}, Get at a paced 1,000 req/s (target p99 ≤ 1 ms);</li>
 *   <li>{@code watch}: {@link ApiWatchLatency}, update → remote watcher at 1,000 updates/s (target p99 ≤ 5 ms);</li>
 *   <li>{@code streams}: {@link ApiWatchStreams}, 1,000 concurrent watch streams (bounded heap, reported in MB).</li>
 * </ol>
 * The first three share one {@link ApiServerFixture}: the server (an {@code InMemoryState} holding 10,000
 * {@link LinkStatusLikeSpec LinkStatus-sized} resources, the daemon's wiring) listens on {@code 127.0.0.1:0} in this
 * JVM, and the client uses its own TCP+TLS channel, so server and client share this JVM's heap and CPUs. The streams
 * phase runs its server in a separate JVM ({@link ApiServerProcess}) so that server and client heaps are apart.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.spindle.benchmarks.ApiLoad [options]};
 * {@code --help} lists the options (counts, rates, durations; the defaults are the figures).
 */
public final class ApiLoad {
  private ApiLoad() {}

  public static void main(String[] args) throws Exception {
    ApiLoadOptions o = ApiLoadOptions.parse(args);
    PrintStream out = System.out;
    Machine.print(out);
    out.println("run: " + o);
    out.println("TLS: " + (OpenSsl.isAvailable() ? "OpenSSL (netty-tcnative BoringSSL, " + OpenSsl.versionString() + ")"
        : "JDK provider (netty-tcnative not available: " + OpenSsl.unavailabilityCause() + ")"));
    var phases = o.phases();
    if (phases.contains("list") || phases.contains("get") || phases.contains("watch")) {
      long start = System.nanoTime();
      try (var fixture = ApiServerFixture.start(o.resources())) {
        out.printf(Locale.ROOT, "in-process server on %s (mutual TLS, %,d resources, started in %.0f ms); the "
            + "client uses its own TCP+TLS channel in this JVM%n", fixture.endpoint(), o.resources(),
            Latencies.ms(System.nanoTime() - start));
        ManagedChannel channel = ApiServerFixture.channel(fixture.adminContext());
        try {
          if (phases.contains("list")) {
            ApiListLatency.run(fixture, channel, o, out);
          }
          if (phases.contains("get")) {
            ApiGetLatency.run(fixture, channel, o, out);
          }
          if (phases.contains("watch")) {
            ApiWatchLatency.run(fixture, channel, o, out);
          }
        } finally {
          channel.shutdownNow();
          channel.awaitTermination(10, TimeUnit.SECONDS);
        }
      }
    }
    if (phases.contains("streams")) {
      ApiWatchStreams.run(o, out);
    }
  }
}
