package dev.spindle.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code spindlectl completion bash|zsh}: picocli's generated completion script. The same script serves zsh,
 * which it loads through {@code bashcompinit}. Completes commands and flags, not resource types (those would need
 * a node).
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {"Output shell completion code for bash or zsh.",
        "  source <(spindlectl completion bash)"})
final class CompletionCommand implements Callable<Integer> {
  enum Shell { bash, zsh }

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<shell>", description = "bash or zsh")
  Shell shell;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    out.print(AutoComplete.bash("spindlectl", spec.root().commandLine()));
    out.flush();
    return ExitStatus.OK.code();
  }
}
