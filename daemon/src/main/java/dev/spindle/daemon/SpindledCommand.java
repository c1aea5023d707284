package dev.spindle.daemon;

import dev.spindle.api.auth.ClientConfig;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line of {@code spindled}. */
@Command(name = "spindled", mixinStandardHelpOptions = true, version = "spindled 0.1.0",
    description = "Runs the Spindle node daemon: the engine, its controllers and the COSI State API (mutual TLS).")
final class SpindledCommand implements Callable<DaemonOptions> {
  @Option(names = "--platform", defaultValue = "simulated",
      description = "OS adapters: simulated (default; no root needed) or linux.")
  String platform;

  @Option(names = "--state-dir", description = "State directory (PKI). Default: ~/.spindle/simulated or /var/lib/spindle.")
  Path stateDir;

  @Option(names = "--listen", defaultValue = "127.0.0.1:50000", description = "gRPC address, host:port.")
  String listen;

  @Option(names = "--server-name", description = "Extra DNS name or IP for the server certificate (repeatable).")
  List<String> serverNames = new ArrayList<>();

  @Option(names = "--client-config",
      description = "Where to write the admin client configuration (default: $SPINDLECONFIG, else ~/.spindle/config).")
  String clientConfig;

  @Option(names = "--context", defaultValue = "spindle", description = "Context name in the client configuration.")
  String context;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Machine configuration to start with (Talos YAML); it replaces the one stored by apply-config. "
          + "Default: the stored one, if any.")
  Path config;

  @Option(names = "--set-clock",
      description = "Step the wall clock from SNTP answers (needs --platform linux and CAP_SYS_TIME).")
  boolean setClock;

  @Option(names = "--files-root", paramLabel = "DIR",
      description = "Root under which node files (/etc/resolv.conf, the CA bundle, machine.files) are written. "
          + "Default: <state-dir>/root on the simulated platform, / on linux.")
  Path filesRoot;

  @Override
  public DaemonOptions call() {
    Platform p = Platform.parse(platform);
    Path state = stateDir != null ? stateDir : p.defaultStateDirectory();
    return new DaemonOptions(p, state, address(listen), List.copyOf(serverNames),
        ClientConfig.resolvePath(clientConfig), context, config, setClock,
        filesRoot != null ? filesRoot : p.defaultFilesRoot(state));
  }

  static InetSocketAddress address(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("--listen " + hostPort + ": expected host:port");
    }
    String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
    try {
      return new InetSocketAddress(host, Integer.parseInt(hostPort.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--listen " + hostPort + ": the port is not a number");
    }
  }
}
