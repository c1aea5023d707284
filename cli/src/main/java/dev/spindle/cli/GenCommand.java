package dev.spindle.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code spindlectl gen ...}: generators that run on the node itself. */
@Command(name = "gen", mixinStandardHelpOptions = true, description = "Generate credentials.",
    subcommands = GenClientCertCommand.class)
final class GenCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @ParentCommand
  Spindlectl root;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command (client-cert)");
  }
}
