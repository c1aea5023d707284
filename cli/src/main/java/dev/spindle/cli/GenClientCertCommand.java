package dev.spindle.cli;

import dev.spindle.api.auth.CertificateAuthority;
import dev.spindle.api.auth.CertifiedKey;
import dev.spindle.api.auth.ClientConfig;
import dev.spindle.api.auth.ClientContext;
import dev.spindle.api.auth.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code spindlectl gen client-cert}: issues a client certificate for a role from the node's CA and writes a client
 * config with one context using it. Runs on the node, as the daemon's user, since it needs the CA key. The
 * endpoints written into the config come from the global {@code -e/--endpoints} (default 127.0.0.1:50000).
 */
@Command(name = "client-cert", mixinStandardHelpOptions = true,
    description = "Issue a client certificate from the node's CA and write a client config that uses it.")
final class GenClientCertCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--role", required = true, paramLabel = "<role>",
      description = "os:admin, os:operator or os:reader.")
  String role;

  @Option(names = "--name", required = true, paramLabel = "<name>", description = "Client name (certificate CN).")
  String name;

  @Option(names = "--state-dir", required = true, paramLabel = "<dir>",
      description = "The daemon's state directory (its CA is in <dir>/pki).")
  Path stateDir;

  @Option(names = {"-o", "--output"}, defaultValue = "spindleconfig", paramLabel = "<path>",
      description = "Where to write the client config; '-' for stdout (default: ${DEFAULT-VALUE}).")
  String output;

  /** {@code -e/--endpoints}, inherited from the root: the endpoints written into the config. */
  @ParentCommand
  GenCommand gen;

  @Option(names = "--context-name", defaultValue = "spindle", paramLabel = "<name>",
      description = "Name of the context in the config (default: ${DEFAULT-VALUE}).")
  String contextName;

  @Option(names = "--force", description = "Overwrite an existing file.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    Role parsedRole;
    try {
      parsedRole = Role.parse(role);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitStatus.USAGE, e.getMessage(), e);
    }
    List<String> endpoints = gen.root.connection.endpoints;
    // The config is for clients elsewhere: the daemon's own default address is the only sensible default.
    List<String> clientEndpoints = endpoints.isEmpty() ? List.of("127.0.0.1:" + HostPort.DEFAULT_PORT) : endpoints;
    clientEndpoints.forEach(endpoint -> HostPort.parse(endpoint, HostPort.DEFAULT_PORT));
    Path file = output.equals("-") ? null : Path.of(output);
    if (file != null && Files.exists(file) && !force) {
      throw new CliException(ExitStatus.ERROR, file + " already exists; use --force to overwrite it");
    }
    CertificateAuthority ca = NodeCa.load(stateDir);
    CertifiedKey client = ca.issueClient(parsedRole, name);
    var config = new ClientConfig(contextName,
        Map.of(contextName, ClientContext.of(clientEndpoints, ca.certificate(), client)));
    var out = spec.commandLine().getOut();
    if (file == null) {
      out.print(config.toYaml());
    } else {
      config.write(file);
      out.println("wrote a client config for \"" + name + "\" (" + parsedRole + ") to " + file);
    }
    out.flush();
    return ExitStatus.OK.code();
  }
}
