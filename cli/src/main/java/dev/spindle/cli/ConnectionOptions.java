package dev.spindle.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The flags of commands that talk to nodes, with talosctl's names. Declared on the root command and inherited by
 * every subcommand, so they go before or after the command name ({@code spindlectl -n 10.0.0.5 get links}), as
 * talosctl's persistent flags do; picocli stores the values here whichever command they were given to.
 */
final class ConnectionOptions {
  @Option(names = {"-n", "--nodes"}, scope = ScopeType.INHERIT, split = ",", paramLabel = "<node>",
      description = "Nodes to query (comma-separated or repeated); each is contacted directly at the endpoint's "
          + "port, as Spindle has no apid-style proxy. Default: the context's nodes, else the first endpoint. "
          + "For gen config: the number of nodes to generate.")
  List<String> nodes = new ArrayList<>();

  @Option(names = {"-e", "--endpoints"}, scope = ScopeType.INHERIT, split = ",", paramLabel = "<endpoint>",
      description = "API endpoints (host[:port]); default: the context's endpoints.")
  List<String> endpoints = new ArrayList<>();

  @Option(names = "--spindleconfig", scope = ScopeType.INHERIT, paramLabel = "<path>",
      description = "Client config file (default: $SPINDLECONFIG, else ~/.spindle/config).")
  String configPath;

  @Option(names = "--context", scope = ScopeType.INHERIT, paramLabel = "<name>", description = "Context of the client config to use.")
  String context;
}
