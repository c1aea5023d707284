package dev.spindle.benchmarks;

import dev.spindle.api.auth.ClientConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The API server of {@link ApiWatchStreams} in a JVM of its own, so that its heap is measured apart from the 1,000
 * clients'. Started by {@code ApiWatchStreams} from the same jar; not meant to be run by hand (it can be: it serves
 * until {@code quit} or the end of its standard input).
 *
 * <p>It starts an {@link ApiServerFixture} with {@code --resources} resources, writes the admin client configuration
 * to {@code --client-config} and prints {@code @ready <port> <pid>}. Then it obeys one command per line of standard
 * input, answering each with one line that starts with {@code @} (anything else on standard output is log):
 * <ul>
 *   <li>{@code heap}: heap used after full GCs, RSS, live watches, JVM threads:
 *       {@code @heap <bytes> <rss kB> <watches> <platform threads>};</li>
 *   <li>{@code update <count> <rate>}: {@link StampedWriter stamped updates} of {@code eth0} …
 *       {@code eth(--writer-ids - 1)}: {@code @updated <count> <achieved rate> <max pacer lag ns>};</li>
 *   <li>{@code quit}.</li>
 * </ul>
 *
 * <p>Arguments: {@code --resources N --client-config PATH [--writer-ids N]} (writer ids default 10).
 */
public final class ApiServerProcess {
  private ApiServerProcess() {}

  public static void main(String[] args) throws Exception {
    int resources = 10_000;
    int writerIds = 10;
    Path clientConfig = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--resources" -> resources = Integer.parseInt(args[i + 1]);
        case "--writer-ids" -> writerIds = Integer.parseInt(args[i + 1]);
        case "--client-config" -> clientConfig = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (clientConfig == null) {
      throw new IllegalArgumentException("--client-config PATH is required");
    }
    long pid = ProcessHandle.current().pid();
    try (var fixture = ApiServerFixture.start(resources)) {
      ClientConfig.forAdmin("apibench", List.of(fixture.endpoint()), fixture.pki).write(clientConfig);
      var writer = new StampedWriter(fixture.state, Math.min(writerIds, resources));
      reply("ready %d %d", fixture.server.getPort(), pid);
      var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        String[] words = line.strip().split("\\s+");
        switch (words[0]) {
          case "heap" -> {
            long used = ResidentMemory.usedAfterGc();
            reply("heap %d %d %d %d", used, ProcStatus.rssKb(pid), fixture.state.watchers(),
                java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount());
          }
          case "update" -> {
            var run = writer.write(Integer.parseInt(words[1]), Integer.parseInt(words[2]));
            reply("updated %d %.1f %d", run.count(), run.achievedRate(), run.maxLagNanos());
          }
          case "quit" -> {
            return;
          }
          default -> reply("error unknown command %s", line);
        }
      }
    }
  }

  private static void reply(String format, Object... args) {
    System.out.println("@" + String.format(Locale.ROOT, format, args));
    System.out.flush();
  }
}
