package dev.spindle.cli;

import dev.spindle.resources.config.ConfigProblem;
import dev.spindle.resources.config.MachineConfigParser;
import dev.spindle.resources.config.ValidationMode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code spindlectl validate --config FILE [--mode metal|cloud|container] [--strict]}: checks a machine
 * configuration offline, as {@code talosctl validate} does, with the parser the node itself uses. It prints
 * {@code <file> is valid for <mode> mode} and any warnings ({@code warning: ...}, on stderr), or every problem, one
 * located line each on stderr, and fails with {@link ExitStatus#ERROR} (a file that cannot be read is
 * {@link ExitStatus#PERMISSION_DENIED}, like every unreadable local file; a missing one {@link ExitStatus#ERROR}).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Validate a machine configuration file (offline).")
final class ValidateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = {"-c", "--config"}, required = true, paramLabel = "<file>",
      description = "The machine configuration file.")
  Path config;

  @Option(names = {"-m", "--mode"}, defaultValue = "container", paramLabel = "<mode>",
      description = "The mode to validate the config for: metal, cloud or container (default: ${DEFAULT-VALUE}).")
  String mode;

  @Option(names = "--strict", description = "Treat validation warnings as errors.")
  boolean strict;

  @Override
  public Integer call() {
    ValidationMode parsedMode;
    try {
      parsedMode = ValidationMode.parse(mode);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitStatus.USAGE, e.getMessage(), e);
    }
    String text = LocalFiles.readUtf8(config);
    var result = MachineConfigParser.check(text, config.toString(), parsedMode);
    PrintWriter err = spec.commandLine().getErr();
    for (ConfigProblem warning : result.warnings()) {
      err.println("warning: " + warning.message());
    }
    result.errors().forEach(problem -> err.println(problem.message()));
    err.flush();
    int problems = result.errors().size() + (strict ? result.warnings().size() : 0);
    if (problems > 0) {
      throw new CliException(ExitStatus.ERROR, config + " is not valid for " + parsedMode.text() + " mode ("
          + problems + (problems == 1 ? " problem" : " problems")
          + (strict && !result.warnings().isEmpty() ? ", warnings counted as errors with --strict" : "") + ")");
    }
    spec.commandLine().getOut().println(config + " is valid for " + parsedMode.text() + " mode");
    return ExitStatus.OK.code();
  }

}
