package dev.spindle.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line of {@link ApiLoad}. Every default is the figure (10,000 resources, 30 list runs, Get at
 * 1,000 req/s for 10 s, watch updates at 1,000/s for 10 s, 1,000 watch streams).
 */
record ApiLoadOptions(
    Set<String> phases,
    int resources,
    int listWarmup,
    int listRuns,
    int getRate,
    int getSeconds,
    int getWarmup,
    int watchRate,
    int watchSeconds,
    int watchWarmup,
    int streams,
    int streamChannels,
    int streamUpdates,
    int streamRate,
    int streamWarmup,
    List<String> serverJvmOptions) {

  static final List<String> ALL_PHASES = List.of("list", "get", "watch", "streams");

  static final String USAGE = """
      options (defaults in brackets):
        --phases list,get,watch,streams   which parts to run, in this order [all]
        --resources N          resources in the store [10000]
        --list-warmup N        untimed list calls first [20]
        --list-runs N          timed list calls [30]
        --get-rate N           Get requests/s, open loop [1000]
        --get-seconds N        measured seconds of Get [10]
        --get-warmup N         discarded seconds of Get first [2]
        --watch-rate N         updates/s of one resource with one remote watcher [1000]
        --watch-seconds N      measured seconds [10]
        --watch-warmup N       discarded seconds first [2]
        --streams N            concurrent watchKind streams [1000]
        --stream-channels N    channels (TCP+TLS connections) the streams are spread over [1]
        --stream-updates N     updates written while the streams are open [20]
        --stream-rate N        updates/s of those [10]
        --stream-warmup N      updates to 10 warm-up streams before the baseline [500]
        --server-jvm-opt OPT   a JVM option for the server process of the streams phase (repeatable),
                               e.g. --server-jvm-opt -Xmx512m""";

  static ApiLoadOptions parse(String[] args) {
    Set<String> phases = new LinkedHashSet<>(ALL_PHASES);
    int resources = 10_000;
    int listWarmup = 20;
    int listRuns = 30;
    int getRate = 1_000;
    int getSeconds = 10;
    int getWarmup = 2;
    int watchRate = 1_000;
    int watchSeconds = 10;
    int watchWarmup = 2;
    int streams = 1_000;
    int streamChannels = 1;
    int streamUpdates = 20;
    int streamRate = 10;
    int streamWarmup = 500;
    List<String> serverJvm = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--help") || args[i].equals("-h")) {
        System.out.println(USAGE);
        System.exit(0);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value\n" + USAGE);
      }
      String value = args[++i];
      switch (args[i - 1]) {
        case "--phases" -> {
          phases = new LinkedHashSet<>();
          for (String p : value.split(",")) {
            if (!ALL_PHASES.contains(p.strip())) {
              throw new IllegalArgumentException("unknown phase " + p + " (use " + String.join(",", ALL_PHASES) + ")");
            }
            phases.add(p.strip());
          }
        }
        case "--resources" -> resources = number(value);
        case "--list-warmup" -> listWarmup = number(value);
        case "--list-runs" -> listRuns = number(value);
        case "--get-rate" -> getRate = number(value);
        case "--get-seconds" -> getSeconds = number(value);
        case "--get-warmup" -> getWarmup = number(value);
        case "--watch-rate" -> watchRate = number(value);
        case "--watch-seconds" -> watchSeconds = number(value);
        case "--watch-warmup" -> watchWarmup = number(value);
        case "--streams" -> streams = number(value);
        case "--stream-channels" -> streamChannels = number(value);
        case "--stream-updates" -> streamUpdates = number(value);
        case "--stream-rate" -> streamRate = number(value);
        case "--stream-warmup" -> streamWarmup = number(value);
        case "--server-jvm-opt" -> serverJvm.add(value);
        default -> throw new IllegalArgumentException("unknown argument " + args[i - 1] + "\n" + USAGE);
      }
    }
    if (resources < 1 || listRuns < 1 || getRate < 1 || getSeconds < 1 || watchRate < 1 || watchSeconds < 1
        || streams < 1 || streamChannels < 1 || streamRate < 1) {
      throw new IllegalArgumentException("counts, rates and measured durations must be positive\n" + USAGE);
    }
    // keep the canonical order whatever order --phases listed them in
    Set<String> ordered = new LinkedHashSet<>(ALL_PHASES);
    ordered.retainAll(phases);
    return new ApiLoadOptions(ordered, resources, listWarmup, listRuns, getRate, getSeconds, getWarmup, watchRate,
        watchSeconds, watchWarmup, streams, streamChannels, streamUpdates, streamRate, streamWarmup,
        List.copyOf(serverJvm));
  }

  private static int number(String text) {
    int n = Integer.parseInt(text.replace("_", ""));
    if (n < 0) {
      throw new IllegalArgumentException("negative value " + text);
    }
    return n;
  }

  @Override
  public String toString() {
    return "phases " + String.join(",", phases) + "; resources " + resources + "; list warm-up " + listWarmup
        + ", runs " + listRuns + "; get " + getRate + "/s for " + getWarmup + "+" + getSeconds + " s; watch "
        + watchRate + "/s for " + watchWarmup + "+" + watchSeconds + " s; streams " + streams + " over "
        + streamChannels + " channel(s), " + streamUpdates + " updates at " + streamRate + "/s after "
        + streamWarmup + " warm-up updates"
        + (serverJvmOptions.isEmpty() ? "" : "; server JVM " + Arrays.toString(serverJvmOptions.toArray()));
  }
}
