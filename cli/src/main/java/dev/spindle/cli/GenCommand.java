package dev.spindle.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code spindlectl gen ...}: generators. {@code client-cert} runs on the node (it needs the node's CA); the others
 * run anywhere.
 */
@Command(name = "gen", mixinStandardHelpOptions = true,
    description = "Generate credentials, WireGuard keys and machine configurations.",
    subcommands = {GenClientCertCommand.class, GenConfigCommand.class, GenWgKeyCommand.class,
        GenWgPubkeyCommand.class, GenWgPskCommand.class})
final class GenCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @ParentCommand
  Spindlectl root;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command (client-cert, config, wg-key, wg-pubkey, wg-psk)");
  }
}
