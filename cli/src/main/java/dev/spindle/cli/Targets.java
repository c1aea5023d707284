package dev.spindle.cli;

import dev.spindle.api.auth.ClientConfig;
import dev.spindle.api.auth.ClientContext;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the connection flags and the client config resolve to: the nodes to contact and the credentials to present.
 *
 * <p>Talos sends every request to an endpoint (apid), which forwards it to the nodes named in the request. Spindle
 * has no such proxy, so each node is dialled directly, at the port of the first endpoint unless the node address
 * carries its own. Without nodes, the first endpoint itself is the one node, named by its host.
 */
record Targets(List<Target> nodes, ClientContext credentials, String contextName, Path configPath) {
  record Target(String name, HostPort address) {}

  static Targets resolve(ConnectionOptions options) {
    return resolve(options, System.getenv(ClientConfig.ENV), Path.of(System.getProperty("user.home")));
  }

  static Targets resolve(ConnectionOptions options, String envConfig, Path home) {
    Path path = ClientConfig.resolvePath(options.configPath, envConfig, home);
    ClientConfig config = read(path, home);
    String contextName = options.context != null ? options.context : config.context();
    ClientContext context;
    try {
      context = new ClientConfig(contextName, config.contexts()).currentContext();
    } catch (IllegalStateException e) {
      throw new CliException(ExitStatus.ERROR, display(path, home) + ": " + e.getMessage());
    }
    List<String> endpoints = options.endpoints.isEmpty() ? context.endpoints() : options.endpoints;
    if (endpoints.isEmpty()) {
      throw new CliException(ExitStatus.ERROR, "no endpoints: set --endpoints or add endpoints to context \""
          + contextName + "\" in " + display(path, home));
    }
    HostPort first = HostPort.parse(endpoints.getFirst(), HostPort.DEFAULT_PORT);
    List<String> nodes = options.nodes.isEmpty() ? context.nodes() : options.nodes;
    var targets = new ArrayList<Target>();
    if (nodes.isEmpty()) {
      targets.add(new Target(first.host(), first));
    }
    for (String node : nodes) {
      targets.add(new Target(node.strip(), HostPort.parse(node, first.port())));
    }
    return new Targets(List.copyOf(targets), context, contextName, path);
  }

  private static ClientConfig read(Path path, Path home) {
    try {
      return ClientConfig.read(path);
    } catch (NoSuchFileException e) {
      throw new CliException(ExitStatus.ERROR, "no client configuration at " + display(path, home)
          + " (set --spindleconfig or " + ClientConfig.ENV + ")", e);
    } catch (IOException e) {
      throw new CliException(ExitStatus.ERROR, e.getMessage(), e);
    }
  }

  /** The path as the user thinks of it: {@code ~/.spindle/config} rather than {@code /home/alice/.spindle/config}. */
  static String display(Path path, Path home) {
    Path absolute = path.toAbsolutePath().normalize();
    Path h = home.toAbsolutePath().normalize();
    return absolute.startsWith(h) && !absolute.equals(h) ? "~/" + h.relativize(absolute) : path.toString();
  }
}
